import { z } from 'zod';
import { Id, Ok, Timestamp } from './common';
import { endpoint, IdParams } from './endpoint';

/** 办理材料: a document filed on an approval item (申请表, 批复文件, 补正材料…), kept as a project file. */
export const ApprovalItemDocument = z.object({
  id: Id,
  itemId: Id,
  fileId: Id,
  label: z.string(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdByName: z.string(),
  createdAt: Timestamp,
  canDelete: z.boolean(),
});
export type ApprovalItemDocument = z.infer<typeof ApprovalItemDocument>;

export const ApprovalItemDocumentList = z.object({
  data: z.array(ApprovalItemDocument),
  /** Whether the reader may file documents on this item. */
  canAdd: z.boolean(),
});
export type ApprovalItemDocumentList = z.infer<typeof ApprovalItemDocumentList>;

export const ApprovalItemDocumentParams = z.object({ id: Id, documentId: Id });

/** The label form field of an upload: what the documents are. */
export const ApprovalDocumentLabel = z
  .string()
  .trim()
  .min(1, { message: '请填写材料名称（如 申请表、批复文件）' })
  .max(50, { message: '材料名称不能超过 50 个字' });

/** The approval-documents module's endpoints (the upload and download are in `fileRoutes`). */
export const approvalDocumentsEndpoints = {
  listApprovalItemDocuments: endpoint({
    method: 'GET',
    path: '/api/approval-items/:id/documents',
    summary: '手续事项的办理材料（申请表、批复文件、补正材料等）',
    tag: 'approvals',
    params: IdParams,
    response: ApprovalItemDocumentList,
  }),
  deleteApprovalItemDocument: endpoint({
    method: 'DELETE',
    path: '/api/approval-items/:id/documents/:documentId',
    summary: '删除手续事项的一份办理材料（重点办，或上传单位）',
    tag: 'approvals',
    params: ApprovalItemDocumentParams,
    response: Ok,
  }),
} as const;
