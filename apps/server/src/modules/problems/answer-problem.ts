import type { AnswerProblem } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { notify } from '../notifications';
import { assertMayAct } from './problem-abilities';
import {
  applyProblemMove,
  handlerUserOf,
  type LoadedProblem,
  loadProblem,
  problemLink,
} from './problem-context';

/**
 * Records an answer on a loaded problem inside the caller's transaction and tells the raiser (used
 * by one problem's answer and by a class answer alike).
 */
export async function writeAnswer(
  tx: Queryable,
  ctx: Ctx,
  loaded: LoadedProblem,
  answer: string,
  note: string | null = null,
) {
  const now = ctx.clock.now();
  const updated = await applyProblemMove(tx, ctx, loaded, loaded.problem.version, {
    action: 'answer',
    set: {
      answer,
      answeredAt: now,
      answeredByName: ctx.actor.displayName,
      handlerUserId: handlerUserOf(ctx.actor),
    },
    note: note ?? answer,
  });
  if (loaded.problem.raisedBy)
    await notify(tx, now, [loaded.problem.raisedBy], {
      kind: 'problem.answered',
      params: { referenceNumber: loaded.problem.referenceNumber, projectName: loaded.project.name },
      link: problemLink(loaded.problem.id),
      dedupeKey: `problem.answered:${loaded.problem.id}:${updated.version}`,
    });
  return updated;
}

/** The handler answers (办理结果): the raiser is asked to confirm or send it back. */
export async function answerProblem(ctx: Ctx, id: string, input: AnswerProblem) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'answer');
  if (loaded.problem.version !== input.version)
    throw new AppError('CONFLICT', '问题已被他人处理，请刷新后重试');
  await ctx.db.transaction((tx) => writeAnswer(tx, ctx, loaded, input.answer));
}
