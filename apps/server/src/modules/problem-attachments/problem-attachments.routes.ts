import '@fastify/multipart';
import { endpoints, fileRoutes, ProblemAttachmentList, ProblemAttachmentParams } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import type { FileStore } from '../../lib/file-store';
import { readUploadedFiles } from '../project-files';
import {
  deleteProblemAttachment,
  getProblemAttachment,
  listProblemAttachments,
  mayAttach,
  presentAttachment,
  uploadProblemAttachments,
} from './problem-attachments';

/** Attachments on problems: upload (multipart, field `files`), list, download, delete. */
export function registerProblemAttachmentRoutes(app: FastifyInstance, deps: RouteDeps, store: FileStore) {
  defineRoute(app, deps, endpoints.listProblemAttachments, 'problem.read', async ({ ctx, params }) => {
    const { loaded, rows } = await listProblemAttachments(ctx, params.id);
    return {
      data: rows.map((row) => presentAttachment(ctx.actor, loaded, row)),
      canUpload: mayAttach(ctx.actor, loaded),
    };
  });
  defineRoute(app, deps, endpoints.deleteProblemAttachment, 'problem.read', async ({ ctx, params }) => {
    await deleteProblemAttachment(ctx, params.id, params.attachmentId);
    return { ok: true as const };
  });

  app.withTypeProvider<ZodTypeProvider>().post(
    fileRoutes.uploadProblemAttachments,
    {
      config: { access: 'problem.read' },
      schema: {
        summary: '上传问题附件（multipart/form-data，字段 files，可多个）',
        tags: ['problems'],
        params: z.object({ id: z.uuid() }),
        consumes: ['multipart/form-data'],
        response: { 200: ProblemAttachmentList },
      },
    },
    async (request) => {
      const files = await readUploadedFiles(request);
      const ctx = deps.makeCtx(request);
      const { loaded, rows } = await uploadProblemAttachments(ctx, store, request.params.id, files);
      return {
        data: rows.map((row) => presentAttachment(ctx.actor, loaded, row)),
        canUpload: mayAttach(ctx.actor, loaded),
      };
    },
  );

  app.get(
    fileRoutes.downloadProblemAttachment,
    { config: { access: 'problem.read' }, schema: { hide: true } },
    async (request, reply) => {
      const params = ProblemAttachmentParams.parse(request.params);
      const ctx = deps.makeCtx(request);
      const { row } = await getProblemAttachment(ctx, params.id, params.attachmentId);
      if (!(await store.exists(row.storedName))) throw new AppError('NOT_FOUND');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, max-age=300');
      reply.header('content-disposition', attachmentDisposition(row.originalName));
      reply.type(row.mimeType);
      return reply.send(store.open(row.storedName));
    },
  );
}
