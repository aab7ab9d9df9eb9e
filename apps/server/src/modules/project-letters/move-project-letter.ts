import type { ProjectLetterStep, ReplyProjectLetter } from '@tuijin/contracts';
import { AppError, transitionProblemLetter } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projectLetters } from '../../db/schema';
import { updateVersioned } from '../audit';
import {
  loadProjectLetter,
  mayIssueProjectLetter,
  mayReplyProjectLetter,
  type ProjectLetterRow,
} from './project-letters.queries';

const conflict = '函件已被他人处理，请刷新后重试';

/** One letter step in one transaction: the transition, version check, the row and the audit event. */
async function moveLetter(
  ctx: Ctx,
  { project, letter }: Awaited<ReturnType<typeof loadProjectLetter>>,
  version: number,
  action: 'send' | 'reply',
  set: Partial<typeof projectLetters.$inferInsert>,
): Promise<ProjectLetterRow> {
  const status = transitionProblemLetter(letter.status, action);
  if (letter.version !== version) throw new AppError('CONFLICT', conflict);
  return ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: projectLetters,
      where: eq(projectLetters.id, letter.id),
      version: letter.version,
      set: { ...set, status },
      audit: () => ({
        action: `projectLetter.${action}`,
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: { status: { before: letter.status, after: status } },
        detail: { letterId: letter.id, serial: letter.serial },
      }),
      conflict,
    }),
  );
}

/** 送达: the issuing office records that the letter reached the recipient unit (issued → sent). */
export async function markProjectLetterSent(ctx: Ctx, letterId: string, input: ProjectLetterStep) {
  const loaded = await loadProjectLetter(ctx, letterId);
  if (!mayIssueProjectLetter(ctx.actor, loaded.project))
    throw new AppError('FORBIDDEN', '只有重点办可以登记送达');
  return moveLetter(ctx, loaded, input.version, 'send', { sentAt: ctx.clock.now() });
}

/** 回复: the recipient unit answers the letter (sent → replied). */
export async function replyProjectLetter(ctx: Ctx, letterId: string, input: ReplyProjectLetter) {
  const loaded = await loadProjectLetter(ctx, letterId);
  if (!mayReplyProjectLetter(ctx.actor, loaded.letter))
    throw new AppError('FORBIDDEN', '只有收函单位可以回复函件');
  return moveLetter(ctx, loaded, input.version, 'reply', {
    replyText: input.reply,
    repliedAt: ctx.clock.now(),
    repliedByName: ctx.actor.displayName,
  });
}
