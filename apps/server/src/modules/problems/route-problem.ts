import type { RouteProblem } from '@tuijin/contracts';
import { chinaDate, problemDue, workingDaysBetween } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { loadHolidayCalendar } from '../calendar';
import { notify } from '../notifications';
import { assertMayAct } from './problem-abilities';
import {
  applyProblemMove,
  assertHandlerOrganisation,
  handlerRecipients,
  loadProblem,
  problemLink,
} from './problem-context';

/**
 * 交办/改派 by the office: hands an open problem to a department (or an office) with a fresh limit
 * counted in working days from today (the given one, else the limit it had), back to "accepted"
 * for the new handler, who is notified. The level does not change.
 */
export async function routeProblem(ctx: Ctx, id: string, input: RouteProblem) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'route');
  await assertHandlerOrganisation(ctx.db, input.handlerOrganisationId, loaded.project.regionPath);
  const calendar = await loadHolidayCalendar(ctx.db);
  const today = chinaDate(ctx.clock.now());
  const { problem } = loaded;
  const previousLimit =
    problem.limitWorkingDays ??
    Math.max(1, workingDaysBetween(problem.levelStartedOn, problem.dueOn, calendar));
  const limit = input.limitWorkingDays ?? previousLimit;
  const due = problemDue(today, limit, calendar);
  const dueOn = due.dueOn;
  await ctx.db.transaction(async (tx) => {
    const updated = await applyProblemMove(tx, ctx, loaded, input.version, {
      action: 'route',
      set: {
        handlerOrganisationId: input.handlerOrganisationId,
        handlerUserId: null,
        ...due,
      },
      note: input.note ?? `${limit} 个工作日内办结`,
    });
    await notify(tx, ctx.clock.now(), await handlerRecipients(tx, input.handlerOrganisationId), {
      kind: 'problem.assigned',
      params: {
        referenceNumber: problem.referenceNumber,
        projectName: loaded.project.name,
        category: problem.category,
        dueOn,
      },
      link: problemLink(id),
      dedupeKey: `problem.assigned:${id}:${updated.version}`,
    });
  });
}
