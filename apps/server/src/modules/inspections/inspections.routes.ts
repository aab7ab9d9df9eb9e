import '@fastify/multipart';
import { endpoints, FindingReplyFields, fileRoutes, InspectionFindingAnswer } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import type { FileStore } from '../../lib/file-store';
import { type IncomingFile, maxFileBytes, maxFilesPerUpload } from '../project-files';
import {
  copyInspectionChecklists,
  createInspectionChecklist,
  getInspectionChecklists,
  updateInspectionChecklist,
} from './checklists';
import { getInspectionCoverage } from './coverage';
import { closeInspectionFinding, replyInspectionFinding, returnInspectionFinding } from './finding-moves';
import { addFindingPhotos, getInspectionFinding } from './finding-photos';
import { listInspectionFindings, listInspections } from './inspections.queries';
import { raiseInspectionFindingProblem } from './raise-finding-problem';
import { recordInspection } from './record-inspection';

/** The text fields and the `files` of a multipart request. */
async function readMultipart(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传', [
      { path: 'files', message: '需要 multipart/form-data' },
    ]);
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  for await (const part of request.parts({
    limits: { fileSize: maxFileBytes, files: maxFilesPerUpload + 1, fields: 4 },
  })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    const bytes = await part.toBuffer().catch(() => Buffer.alloc(0));
    files.push({ originalName: part.filename, bytes, truncated: part.file.truncated });
  }
  return { fields, files };
}

/**
 * 一日一督查: checklists (read by every inspection reader, kept by the office), recording, lists,
 * coverage, findings and their moves (the owner's reply with photos, the inspecting unit's close and
 * return, 转为问题). Each use case checks who may act on the record itself.
 */
export function registerInspectionRoutes(app: FastifyInstance, deps: RouteDeps, store: FileStore) {
  defineRoute(app, deps, endpoints.getInspectionChecklists, 'inspection.read', ({ ctx, query }) =>
    getInspectionChecklists(ctx.db, ctx.actor, query.regionCode),
  );
  defineRoute(app, deps, endpoints.copyInspectionChecklists, 'inspection.checklists', ({ ctx, body }) =>
    copyInspectionChecklists(ctx, body.regionCode),
  );
  defineRoute(app, deps, endpoints.createInspectionChecklist, 'inspection.checklists', ({ ctx, body }) =>
    createInspectionChecklist(ctx, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.updateInspectionChecklist,
    'inspection.checklists',
    ({ ctx, params, body }) => updateInspectionChecklist(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.recordInspection, 'inspection.record', ({ ctx, body }) =>
    recordInspection(ctx, body),
  );
  defineRoute(app, deps, endpoints.listInspections, 'inspection.read', ({ ctx, query }) =>
    listInspections(ctx, query),
  );
  defineRoute(app, deps, endpoints.getInspectionCoverage, 'inspection.read', ({ ctx, query }) =>
    getInspectionCoverage(ctx, query),
  );
  defineRoute(app, deps, endpoints.listInspectionFindings, 'inspection.read', ({ ctx, query }) =>
    listInspectionFindings(ctx, query),
  );
  defineRoute(app, deps, endpoints.getInspectionFinding, 'inspection.read', ({ ctx, params }) =>
    getInspectionFinding(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.closeInspectionFinding, 'inspection.record', ({ ctx, params, body }) =>
    closeInspectionFinding(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.returnInspectionFinding, 'inspection.record', ({ ctx, params, body }) =>
    returnInspectionFinding(ctx, params.id, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.raiseInspectionFindingProblem,
    'inspection.read',
    ({ ctx, params, body }) => raiseInspectionFindingProblem(ctx, params.id, body),
  );

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    fileRoutes.uploadInspectionFindingPhotos,
    {
      config: { access: 'inspection.record' },
      schema: {
        summary: '上传督查问题照片（督查单位；multipart/form-data，字段 files，可多个）',
        tags: ['inspections'],
        params: z.object({ id: z.uuid() }),
        consumes: ['multipart/form-data'],
        response: { 200: InspectionFindingAnswer },
      },
    },
    async (request) => {
      const { files } = await readMultipart(request);
      return addFindingPhotos(deps.makeCtx(request), store, request.params.id, files);
    },
  );
  typed.post(
    fileRoutes.replyInspectionFinding,
    {
      config: { access: 'inspection.reply' },
      schema: {
        summary: '整改回复（业主单位；multipart/form-data：version、text，整改照片 files 可多个）',
        tags: ['inspections'],
        params: z.object({ id: z.uuid() }),
        consumes: ['multipart/form-data'],
        response: { 200: InspectionFindingAnswer },
      },
    },
    async (request) => {
      const { fields, files } = await readMultipart(request);
      const parsed = FindingReplyFields.safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new AppError('VALIDATION_FAILED', `整改回复有误：${issue.message}`, [
          { path: String(issue.path[0] ?? 'text'), message: issue.message },
        ]);
      }
      return replyInspectionFinding(deps.makeCtx(request), store, request.params.id, {
        ...parsed.data,
        files,
      });
    },
  );
}
