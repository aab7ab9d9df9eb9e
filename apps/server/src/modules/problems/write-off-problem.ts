import type { ProblemStep } from '@tuijin/contracts';
import type { Ctx } from '../../context';
import { assertMayAct } from './problem-abilities';
import { applyProblemMove, loadProblem } from './problem-context';

/** 销号 by the office, once the raiser has confirmed: "one solved, one crossed out". */
export async function writeOffProblem(ctx: Ctx, id: string, input: ProblemStep) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'writeOff');
  await ctx.db.transaction((tx) =>
    applyProblemMove(tx, ctx, loaded, input.version, {
      action: 'writeOff',
      set: { writtenOffAt: ctx.clock.now() },
      note: input.note,
    }),
  );
}
