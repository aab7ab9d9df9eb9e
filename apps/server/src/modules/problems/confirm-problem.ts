import type { ProblemReason, ProblemStep } from '@tuijin/contracts';
import type { Ctx } from '../../context';
import { notify } from '../notifications';
import { assertMayAct } from './problem-abilities';
import { applyProblemMove, handlerRecipients, loadProblem, problemLink } from './problem-context';

/** The raiser is satisfied with the answer (确认满意); the office may now write it off. */
export async function confirmProblem(ctx: Ctx, id: string, input: ProblemStep) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'confirm');
  await ctx.db.transaction((tx) =>
    applyProblemMove(tx, ctx, loaded, input.version, {
      action: 'confirm',
      set: { confirmedAt: ctx.clock.now() },
      note: input.note,
    }),
  );
}

/**
 * The raiser is not satisfied: the problem goes back to the handler (in progress) with the reason,
 * and the handler's staff are told. The due date stands — the clock kept running.
 */
export async function sendBackProblem(ctx: Ctx, id: string, input: ProblemReason) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'unsatisfied');
  await ctx.db.transaction(async (tx) => {
    const updated = await applyProblemMove(tx, ctx, loaded, input.version, {
      action: 'unsatisfied',
      note: input.reason,
    });
    await notify(tx, ctx.clock.now(), await handlerRecipients(tx, updated.handlerOrganisationId), {
      kind: 'problem.sentBack',
      params: {
        referenceNumber: updated.referenceNumber,
        projectName: loaded.project.name,
        reason: input.reason,
      },
      link: problemLink(id),
      dedupeKey: `problem.sentBack:${id}:${updated.version}`,
    });
  });
}
