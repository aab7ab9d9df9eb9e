import '@fastify/multipart';
import {
  ApprovalDocumentLabel,
  ApprovalItemDocumentList,
  ApprovalItemDocumentParams,
  endpoints,
  fileRoutes,
} from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import type { FileStore } from '../../lib/file-store';
import { type IncomingFile, maxFileBytes, maxFilesPerUpload } from '../project-files';
import {
  addApprovalItemDocuments,
  getApprovalItemDocument,
  listApprovalItemDocuments,
  removeApprovalItemDocument,
} from './approval-documents';

/** The `label` field and the `files` of a multipart upload (the label may come before or after them). */
async function readDocumentUpload(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件', [
      { path: 'files', message: '需要 multipart/form-data' },
    ]);
  let label = '';
  const files: IncomingFile[] = [];
  for await (const part of request.parts({
    limits: { fileSize: maxFileBytes, files: maxFilesPerUpload + 1, fields: 1 },
  })) {
    if (part.type === 'field') {
      if (part.fieldname === 'label' && typeof part.value === 'string') label = part.value;
      continue;
    }
    const bytes = await part.toBuffer().catch(() => Buffer.alloc(0));
    files.push({ originalName: part.filename, bytes, truncated: part.file.truncated });
  }
  const parsed = ApprovalDocumentLabel.safeParse(label);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', parsed.error.issues[0]!.message, [
      { path: 'label', message: parsed.error.issues[0]!.message },
    ]);
  return { label: parsed.data, files };
}

/** 办理材料 on approval items: list, upload (multipart: `label`, `files`), download, remove. */
export function registerApprovalDocumentRoutes(app: FastifyInstance, deps: RouteDeps, store: FileStore) {
  defineRoute(app, deps, endpoints.listApprovalItemDocuments, 'approval.read', ({ ctx, params }) =>
    listApprovalItemDocuments(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.deleteApprovalItemDocument, 'approval.read', async ({ ctx, params }) => {
    await removeApprovalItemDocument(ctx, params.id, params.documentId);
    return { ok: true as const };
  });

  app.withTypeProvider<ZodTypeProvider>().post(
    fileRoutes.uploadApprovalItemDocuments,
    {
      config: { access: 'approval.process' },
      schema: {
        summary: '上传手续办理材料（multipart/form-data：字段 label 为材料名称，files 可多个）',
        tags: ['approvals'],
        params: z.object({ id: z.uuid() }),
        consumes: ['multipart/form-data'],
        response: { 200: ApprovalItemDocumentList },
      },
    },
    async (request) => {
      const upload = await readDocumentUpload(request);
      return addApprovalItemDocuments(deps.makeCtx(request), store, request.params.id, upload);
    },
  );

  app.get(
    fileRoutes.downloadApprovalItemDocument,
    { config: { access: 'approval.read' }, schema: { hide: true } },
    async (request, reply) => {
      const params = ApprovalItemDocumentParams.parse(request.params);
      const row = await getApprovalItemDocument(deps.makeCtx(request), params.id, params.documentId);
      if (!(await store.exists(row.storedName))) throw new AppError('NOT_FOUND');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, max-age=300');
      reply.header('content-disposition', attachmentDisposition(row.originalName));
      reply.type(row.mimeType);
      return reply.send(store.open(row.storedName));
    },
  );
}
