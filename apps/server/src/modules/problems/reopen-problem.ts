import type { ProblemReason } from '@tuijin/contracts';
import { chinaDate, defaultProblemLimitWorkingDays, problemDue } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { loadHolidayCalendar } from '../calendar';
import { assertMayAct } from './problem-abilities';
import { applyProblemMove, ladderFor, loadProblem } from './problem-context';

/**
 * The office reopens a written-off or rejected problem (with the reason): back in progress with
 * the same handler at level 1 of the ladder, its limit counted afresh from today; the earlier
 * write-off no longer counts as solved.
 */
export async function reopenProblem(ctx: Ctx, id: string, input: ProblemReason) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'reopen');
  const calendar = await loadHolidayCalendar(ctx.db);
  const ladder = await ladderFor(ctx.db, loaded.project.regionPath);
  const today = chinaDate(ctx.clock.now());
  const limit = ladder?.levels[0]?.limitWorkingDays ?? defaultProblemLimitWorkingDays;
  await ctx.db.transaction((tx) =>
    applyProblemMove(tx, ctx, loaded, input.version, {
      action: 'reopen',
      set: {
        level: 1,
        ...problemDue(today, limit, calendar),
        writtenOffAt: null,
        confirmedAt: null,
        rejectReason: null,
      },
      note: input.reason,
    }),
  );
}
