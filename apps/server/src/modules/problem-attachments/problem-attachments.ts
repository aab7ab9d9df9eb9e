import { createHash } from 'node:crypto';
import type { ProblemAttachment } from '@tuijin/contracts';
import { type Actor, AppError, handlesProblem, managesProblem, speaksForRaiser } from '@tuijin/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { problemAttachments } from '../../db/schema';
import type { FileStore } from '../../lib/file-store';
import { recordAudit } from '../audit';
import { type LoadedProblem, loadProblem } from '../problems';
import { type IncomingFile, vetFiles } from '../project-files';

export type ProblemAttachmentRow = typeof problemAttachments.$inferSelect;

/**
 * Who attaches files to a problem: its parties — the raiser's side and the project's owner unit (at
 * raising, or later), the handler (evidence with an answer), the office — while it is not closed
 * (written off, rejected).
 */
export function mayAttach(actor: Actor, loaded: Pick<LoadedProblem, 'problem' | 'scoped'>): boolean {
  const { problem, scoped } = loaded;
  if (problem.status === 'written_off' || problem.status === 'rejected') return false;
  return (
    managesProblem(actor, scoped) ||
    handlesProblem(actor, scoped) ||
    speaksForRaiser(actor, scoped) ||
    (actor.roles.includes('owner') && scoped.project.ownerOrganisationId === actor.organisationId)
  );
}

/** Who deletes an attachment: the person who uploaded it, or the problem's office. */
export const mayDeleteAttachment = (
  actor: Actor,
  loaded: Pick<LoadedProblem, 'scoped'>,
  row: ProblemAttachmentRow,
) => row.uploadedBy === actor.userId || managesProblem(actor, loaded.scoped);

export function presentAttachment(
  actor: Actor,
  loaded: Pick<LoadedProblem, 'scoped'>,
  row: ProblemAttachmentRow,
): ProblemAttachment {
  return {
    id: row.id,
    problemId: row.problemId,
    kind: row.kind,
    originalName: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    canDelete: mayDeleteAttachment(actor, loaded, row),
  };
}

/**
 * Attaches documents and photos to a problem the actor is a party to. Files are vetted like
 * project files (by their bytes, size cap, photos must decode); if any is refused none is kept.
 * One transaction: the rows and one `problemAttachment.upload` audit event.
 */
export async function uploadProblemAttachments(
  ctx: Ctx,
  store: FileStore,
  problemId: string,
  files: IncomingFile[],
) {
  const loaded = await loadProblem(ctx, problemId);
  if (!mayAttach(ctx.actor, loaded)) throw new AppError('FORBIDDEN', '您不能为此问题上传附件');
  const accepted = await vetFiles(files, 'problemAttachment');
  const written: string[] = [];
  try {
    const rows: (typeof problemAttachments.$inferInsert)[] = [];
    for (const file of accepted) {
      const storedName = await store.put(file.bytes, file.type.extension);
      written.push(storedName);
      rows.push({
        problemId,
        kind: file.type.kind,
        originalName: file.originalName,
        storedName,
        mimeType: file.type.mimeType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        uploadedBy: ctx.actor.userId,
        uploadedByName: ctx.actor.displayName,
        uploadedByOrganisationId: ctx.actor.organisationId,
        uploadedAt: ctx.clock.now(),
      });
    }
    const inserted = await ctx.db.transaction(async (tx) => {
      const saved = await tx.insert(problemAttachments).values(rows).returning();
      await recordAudit(tx, ctx, {
        action: 'problemAttachment.upload',
        entityType: 'project',
        entityId: loaded.project.id,
        regionPath: loaded.project.regionPath,
        detail: {
          problemId,
          referenceNumber: loaded.problem.referenceNumber,
          files: saved.map((f) => ({ id: f.id, name: f.originalName, kind: f.kind, sizeBytes: f.sizeBytes })),
        },
      });
      return saved;
    });
    return { loaded, rows: inserted };
  } catch (error) {
    await Promise.all(written.map((name) => store.remove(name)));
    throw error;
  }
}

/** The live attachments of a problem the actor may see, oldest first. */
export async function listProblemAttachments(ctx: Ctx, problemId: string) {
  const loaded = await loadProblem(ctx, problemId);
  const rows = await ctx.db
    .select()
    .from(problemAttachments)
    .where(and(eq(problemAttachments.problemId, problemId), isNull(problemAttachments.deletedAt)))
    .orderBy(asc(problemAttachments.uploadedAt), asc(problemAttachments.originalName));
  return { loaded, rows };
}

/** One live attachment of a problem the actor may see, else NOT_FOUND. */
export async function getProblemAttachment(ctx: Ctx, problemId: string, attachmentId: string) {
  const loaded = await loadProblem(ctx, problemId);
  const [row] = await ctx.db
    .select()
    .from(problemAttachments)
    .where(
      and(
        eq(problemAttachments.id, attachmentId),
        eq(problemAttachments.problemId, problemId),
        isNull(problemAttachments.deletedAt),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND', '附件不存在或无权查看');
  return { loaded, row };
}

/** Soft-deletes an attachment (the bytes stay for the record), by its uploader or the office; audited. */
export async function deleteProblemAttachment(ctx: Ctx, problemId: string, attachmentId: string) {
  const { loaded, row } = await getProblemAttachment(ctx, problemId, attachmentId);
  if (!mayDeleteAttachment(ctx.actor, loaded, row)) throw new AppError('FORBIDDEN', '只能删除本人上传的附件');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(problemAttachments)
      .set({ deletedAt: ctx.clock.now(), deletedBy: ctx.actor.userId })
      .where(eq(problemAttachments.id, attachmentId));
    await recordAudit(tx, ctx, {
      action: 'problemAttachment.delete',
      entityType: 'project',
      entityId: loaded.project.id,
      regionPath: loaded.project.regionPath,
      detail: {
        problemId,
        referenceNumber: loaded.problem.referenceNumber,
        attachmentId,
        name: row.originalName,
      },
    });
  });
}
