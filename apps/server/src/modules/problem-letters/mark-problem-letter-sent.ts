import type { MarkProblemLetterSent, ReplyProblemLetter } from '@tuijin/contracts';
import { AppError, transitionProblemLetter } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { problemLetters } from '../../db/schema';
import { updateVersioned } from '../audit';
import { appendProblemStep } from '../problems';
import {
  loadProblemLetter,
  mayIssueLetter,
  mayReplyLetter,
  type ProblemLetterRow,
} from './problem-letters.queries';

type Loaded = Awaited<ReturnType<typeof loadProblemLetter>>;

/** One letter step in one transaction: version check, the row, the timeline event, the audit event. */
async function moveLetter(
  ctx: Ctx,
  { loaded, letter }: Loaded,
  version: number,
  step: {
    action: 'send' | 'reply';
    set: Partial<typeof problemLetters.$inferInsert>;
    event: 'sendLetter' | 'replyLetter';
    note: string;
  },
): Promise<ProblemLetterRow> {
  const status = transitionProblemLetter(letter.status, step.action);
  if (letter.version !== version) throw new AppError('CONFLICT', '函件已被他人处理，请刷新后重试');
  return ctx.db.transaction(async (tx) => {
    const updated = await updateVersioned(tx, ctx, {
      table: problemLetters,
      where: eq(problemLetters.id, letter.id),
      version: letter.version,
      set: { ...step.set, status },
      audit: () => ({
        action: `problemLetter.${step.action}`,
        entityType: 'project',
        entityId: loaded.project.id,
        regionPath: loaded.project.regionPath,
        changes: { status: { before: letter.status, after: status } },
        detail: {
          problemId: loaded.problem.id,
          referenceNumber: loaded.problem.referenceNumber,
          letterId: letter.id,
          serial: letter.serial,
        },
      }),
      conflict: '函件已被他人处理，请刷新后重试',
    });
    await appendProblemStep(tx, ctx, loaded, step.event, step.note);
    return updated;
  });
}

/** 送达: the issuing office records that the letter reached the handler (issued → sent). */
export async function markProblemLetterSent(
  ctx: Ctx,
  problemId: string,
  letterId: string,
  input: MarkProblemLetterSent,
) {
  const loaded = await loadProblemLetter(ctx, problemId, letterId);
  if (!mayIssueLetter(ctx.actor, loaded.loaded)) throw new AppError('FORBIDDEN', '只有重点办可以登记送达');
  return moveLetter(ctx, loaded, input.version, {
    action: 'send',
    set: { sentAt: ctx.clock.now() },
    event: 'sendLetter',
    note: `${loaded.letter.serial} 已送达${loaded.letter.recipientOrganisationName}`,
  });
}

/** 回复: the handler organisation answers the letter (sent → replied). */
export async function replyProblemLetter(
  ctx: Ctx,
  problemId: string,
  letterId: string,
  input: ReplyProblemLetter,
) {
  const loaded = await loadProblemLetter(ctx, problemId, letterId);
  if (!mayReplyLetter(ctx.actor, loaded.loaded)) throw new AppError('FORBIDDEN', '只有承办单位可以回复函件');
  return moveLetter(ctx, loaded, input.version, {
    action: 'reply',
    set: { replyText: input.reply, repliedAt: ctx.clock.now(), repliedByName: ctx.actor.displayName },
    event: 'replyLetter',
    note: `${loaded.letter.serial} 回复：${input.reply}`,
  });
}
