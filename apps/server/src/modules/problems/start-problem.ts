import type { ProblemStep } from '@tuijin/contracts';
import type { Ctx } from '../../context';
import { assertMayAct } from './problem-abilities';
import { applyProblemMove, handlerUserOf, loadProblem } from './problem-context';

/** The handler organisation starts work on an accepted problem; the person becomes its handler. */
export async function startProblem(ctx: Ctx, id: string, input: ProblemStep) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'start');
  await ctx.db.transaction((tx) =>
    applyProblemMove(tx, ctx, loaded, input.version, {
      action: 'start',
      set: { handlerUserId: handlerUserOf(ctx.actor) },
      note: input.note,
    }),
  );
}
