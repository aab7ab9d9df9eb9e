import type { CloseFinding, ReturnFinding } from '@tuijin/contracts';
import { AppError, chinaDate, type FindingStatus, transitionFinding } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { inspectionFindings } from '../../db/schema';
import type { FileStore } from '../../lib/file-store';
import { updateVersioned } from '../audit';
import type { IncomingFile } from '../project-files';
import { getInspectionFinding, storeFindingPhotos } from './finding-photos';
import { conflictMessage, loadFinding, mayReplyFinding, mayReviewFinding } from './inspections.queries';

/** What the owner's reply carries: the version it answers, what was done, its photos. */
export interface FindingReply {
  version: number;
  text: string;
  files: IncomingFile[];
}

/**
 * 整改回复: the project's owner unit answers a finding awaiting rectification (待整改 or 复核不通过)
 * with what it did and photos of it (stored as project files, role reply), → 已整改待复核. The photos,
 * the move and its audit event `inspection.finding.reply` are one transaction (a reply without photos
 * needs no file store: the demo's).
 */
export async function replyInspectionFinding(
  ctx: Ctx,
  store: FileStore | null,
  id: string,
  reply: FindingReply,
) {
  const row = await loadFinding(ctx.db, ctx.actor, id);
  if (!mayReplyFinding(ctx.actor, row.project))
    throw new AppError('FORBIDDEN', '只有项目业主单位可以回复整改情况');
  const text = reply.text.trim();
  if (text === '' || text.length > 1000)
    throw new AppError('VALIDATION_FAILED', '请填写整改情况（不超过 1000 字）', [
      { path: 'text', message: text === '' ? '必填' : '不超过 1000 字' },
    ]);
  const from = row.finding.status as FindingStatus;
  const to = transitionFinding(from, 'reply');
  await storeFindingPhotos(
    ctx,
    store,
    row.finding,
    row.project,
    'reply',
    reply.files,
    async (tx, fileIds) => {
      await updateVersioned(tx, ctx, {
        table: inspectionFindings,
        where: eq(inspectionFindings.id, id),
        version: reply.version,
        set: {
          status: to,
          replyText: text,
          repliedOn: chinaDate(ctx.clock.now()),
          repliedByName: ctx.actor.displayName,
          statusChangedAt: ctx.clock.now(),
          updatedAt: ctx.clock.now(),
        },
        audit: () => ({
          action: 'inspection.finding.reply',
          entityType: 'project',
          entityId: row.project.id,
          regionPath: row.project.regionPath,
          changes: { status: { before: from, after: to } },
          detail: { findingId: id, text, photos: fileIds },
        }),
        conflict: conflictMessage,
      });
    },
  );
  return getInspectionFinding(ctx, id);
}

async function review(
  ctx: Ctx,
  id: string,
  move: 'close' | 'return',
  version: number,
  set: (from: FindingStatus) => Partial<typeof inspectionFindings.$inferInsert>,
  detail: Record<string, unknown>,
) {
  const row = await loadFinding(ctx.db, ctx.actor, id);
  if (!mayReviewFinding(ctx.actor, row.finding))
    throw new AppError('FORBIDDEN', '只有督查单位可以复核督查问题');
  const from = row.finding.status as FindingStatus;
  const to = transitionFinding(from, move);
  await ctx.db.transaction((tx: Queryable) =>
    updateVersioned(tx, ctx, {
      table: inspectionFindings,
      where: eq(inspectionFindings.id, id),
      version,
      set: { ...set(from), status: to, statusChangedAt: ctx.clock.now(), updatedAt: ctx.clock.now() },
      audit: () => ({
        action: move === 'close' ? 'inspection.finding.close' : 'inspection.finding.return',
        entityType: 'project',
        entityId: row.project.id,
        regionPath: row.project.regionPath,
        changes: { status: { before: from, after: to } },
        detail: { findingId: id, ...detail },
      }),
      conflict: conflictMessage,
    }),
  );
  return getInspectionFinding(ctx, id);
}

/** 销号: the inspecting unit accepts the rectification (已整改待复核 → 已销号), dated today. */
export function closeInspectionFinding(ctx: Ctx, id: string, input: CloseFinding) {
  const note = input.note ?? null;
  return review(
    ctx,
    id,
    'close',
    input.version,
    () => ({ closedOn: chinaDate(ctx.clock.now()), closedByName: ctx.actor.displayName, closeNote: note }),
    { note },
  );
}

/**
 * 退回: the inspecting unit does not accept the rectification (→ 复核不通过) with a reason, and may
 * set a new deadline (not before today).
 */
export async function returnInspectionFinding(ctx: Ctx, id: string, input: ReturnFinding) {
  const today = chinaDate(ctx.clock.now());
  const deadlineOn = input.deadlineOn ?? null;
  if (deadlineOn !== null && deadlineOn < today)
    throw new AppError('VALIDATION_FAILED', '新的整改期限不能早于今天', [
      { path: 'deadlineOn', message: '不能早于今天' },
    ]);
  const row = await loadFinding(ctx.db, ctx.actor, id);
  return review(
    ctx,
    id,
    'return',
    input.version,
    () => ({
      returnReason: input.reason,
      returnCount: row.finding.returnCount + 1,
      ...(deadlineOn ? { deadlineOn, isDeadlineProvisional: false } : {}),
    }),
    { reason: input.reason, deadlineOn },
  );
}
