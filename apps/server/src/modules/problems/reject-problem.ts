import type { ProblemReason } from '@tuijin/contracts';
import type { Ctx } from '../../context';
import { assertMayAct } from './problem-abilities';
import { applyProblemMove, loadProblem } from './problem-context';

/** The office rejects an open problem as not a problem (不属于问题), with the reason. */
export async function rejectProblem(ctx: Ctx, id: string, input: ProblemReason) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'reject');
  await ctx.db.transaction((tx) =>
    applyProblemMove(tx, ctx, loaded, input.version, {
      action: 'reject',
      set: { rejectReason: input.reason },
      note: input.reason,
    }),
  );
}
