import type { ApprovalItemDocument } from '@tuijin/contracts';
import { AppError, mayFileApprovalDocuments, mayRemoveApprovalDocument } from '@tuijin/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { approvalItemDocuments, projectFiles } from '../../db/schema';
import type { FileStore } from '../../lib/file-store';
import { itemForActor, relationOf } from '../approvals';
import { recordAudit } from '../audit';
import { type IncomingFile, softDeleteProjectFile, storeProjectFiles, vetFiles } from '../project-files';

type Loaded = Awaited<ReturnType<typeof itemForActor>>;

/** An item the reader may see (else NOT_FOUND), with how the reader stands to it. */
async function loadItem(ctx: Ctx, itemId: string) {
  const loaded = await itemForActor(ctx.db, ctx.actor, itemId);
  return { ...loaded, relation: relationOf(ctx.actor, loaded.item, loaded.project) };
}

const documentColumns = {
  id: approvalItemDocuments.id,
  itemId: approvalItemDocuments.itemId,
  fileId: approvalItemDocuments.fileId,
  label: approvalItemDocuments.label,
  createdByName: approvalItemDocuments.createdByName,
  createdAt: approvalItemDocuments.createdAt,
  originalName: projectFiles.originalName,
  mimeType: projectFiles.mimeType,
  sizeBytes: projectFiles.sizeBytes,
  storedName: projectFiles.storedName,
  uploadedByOrganisationId: projectFiles.uploadedByOrganisationId,
};

/** The live documents of an item (a project file deleted anywhere is gone here too), oldest first. */
async function documentRows(ctx: Ctx, itemId: string, documentId?: string) {
  return ctx.db
    .select(documentColumns)
    .from(approvalItemDocuments)
    .innerJoin(projectFiles, eq(projectFiles.id, approvalItemDocuments.fileId))
    .where(
      and(
        eq(approvalItemDocuments.itemId, itemId),
        isNull(projectFiles.deletedAt),
        documentId ? eq(approvalItemDocuments.id, documentId) : undefined,
      ),
    )
    .orderBy(asc(approvalItemDocuments.createdAt), asc(projectFiles.originalName));
}

type DocumentRow = Awaited<ReturnType<typeof documentRows>>[number];

function present(
  ctx: Ctx,
  loaded: Loaded & { relation: ReturnType<typeof relationOf> },
  row: DocumentRow,
): ApprovalItemDocument {
  return {
    id: row.id,
    itemId: row.itemId,
    fileId: row.fileId,
    label: row.label,
    originalName: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    canDelete: mayRemoveApprovalDocument(ctx.actor, loaded.relation, row.uploadedByOrganisationId),
  };
}

/** 办理材料 of an item the reader may see, and whether the reader may file more. */
export async function listApprovalItemDocuments(ctx: Ctx, itemId: string) {
  const loaded = await loadItem(ctx, itemId);
  const rows = await documentRows(ctx, itemId);
  return {
    data: rows.map((row) => present(ctx, loaded, row)),
    canAdd: mayFileApprovalDocuments(ctx.actor, loaded.relation),
  };
}

/**
 * Files documents on an item: vetted and stored as files of the item's project (so the project's
 * 文件 tab lists them too), each linked with its label, in one transaction with the project-file
 * upload event and one `approval.document.add` event naming the files. Only who may move the item.
 */
export async function addApprovalItemDocuments(
  ctx: Ctx,
  store: FileStore,
  itemId: string,
  input: { label: string; files: IncomingFile[] },
) {
  const loaded = await loadItem(ctx, itemId);
  if (!mayFileApprovalDocuments(ctx.actor, loaded.relation))
    throw new AppError('FORBIDDEN', '无权上传该手续的办理材料');
  const accepted = await vetFiles(input.files, 'projectFile');
  await storeProjectFiles(
    ctx,
    store,
    { id: loaded.item.projectId, regionPath: loaded.project.regionPath },
    accepted,
    {
      within: async (tx, files) => {
        await tx.insert(approvalItemDocuments).values(
          files.map((file) => ({
            itemId,
            fileId: file.id,
            label: input.label,
            createdBy: ctx.actor.userId,
            createdByName: ctx.actor.displayName,
            createdAt: ctx.clock.now(),
          })),
        );
        await recordAudit(tx, ctx, {
          action: 'approval.document.add',
          entityType: 'approvalItem',
          entityId: itemId,
          regionPath: loaded.project.regionPath,
          detail: {
            projectId: loaded.item.projectId,
            name: loaded.item.name,
            label: input.label,
            files: files.map((f) => ({ id: f.id, name: f.originalName })),
          },
        });
      },
    },
  );
  return listApprovalItemDocuments(ctx, itemId);
}

/** One live document of an item the reader may see, else NOT_FOUND (for the download). */
export async function getApprovalItemDocument(ctx: Ctx, itemId: string, documentId: string) {
  await loadItem(ctx, itemId);
  const [row] = await documentRows(ctx, itemId, documentId);
  if (!row) throw new AppError('NOT_FOUND', '办理材料不存在');
  return row;
}

/**
 * Removes a document: its project file is soft-deleted (the bytes stay for the record), with the
 * project-file delete event and an `approval.document.remove` event. The office any; the others what
 * their own organisation filed.
 */
export async function removeApprovalItemDocument(ctx: Ctx, itemId: string, documentId: string) {
  const loaded = await loadItem(ctx, itemId);
  const [row] = await documentRows(ctx, itemId, documentId);
  if (!row) throw new AppError('NOT_FOUND', '办理材料不存在');
  if (!mayRemoveApprovalDocument(ctx.actor, loaded.relation, row.uploadedByOrganisationId))
    throw new AppError('FORBIDDEN', '只能删除本单位上传的办理材料');
  await ctx.db.transaction(async (tx) => {
    await softDeleteProjectFile(tx, ctx, {
      projectId: loaded.item.projectId,
      regionPath: loaded.project.regionPath,
      file: { id: row.fileId, originalName: row.originalName },
    });
    await recordAudit(tx, ctx, {
      action: 'approval.document.remove',
      entityType: 'approvalItem',
      entityId: itemId,
      regionPath: loaded.project.regionPath,
      detail: {
        projectId: loaded.item.projectId,
        name: loaded.item.name,
        label: row.label,
        file: { id: row.fileId, name: row.originalName },
      },
    });
  });
}
