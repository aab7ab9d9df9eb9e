import '@fastify/multipart';
import { endpoints, fileRoutes, ProjectFileList } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../context';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import type { FileStore } from '../../lib/file-store';
import { getPhotoEvidenceSettings, savePhotoEvidenceSettings } from './photo-evidence-settings';
import {
  canDeleteFile,
  deleteProjectFile,
  getProjectFile,
  type IncomingFile,
  listProjectFiles,
  maxFileBytes,
  maxFilesPerUpload,
  type ProjectFileRow,
  uploadProjectFiles,
} from './project-files';

export function presentFile(ctx: Pick<Ctx, 'actor'>, row: ProjectFileRow) {
  return {
    id: row.id,
    kind: row.kind,
    originalName: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    takenAt: row.takenAt?.toISOString() ?? null,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    hasThumbnail: row.thumbnailName !== null,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    canDelete: canDeleteFile(ctx, row),
  };
}

/** The files of a multipart request (field `files`, several), each capped at the size limit. */
export async function readUploadedFiles(request: FastifyRequest): Promise<IncomingFile[]> {
  if (!request.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件', [
      { path: 'files', message: '需要 multipart/form-data' },
    ]);
  }
  const files: IncomingFile[] = [];
  for await (const part of request.files({
    limits: { fileSize: maxFileBytes, files: maxFilesPerUpload + 1 },
  })) {
    const bytes = await part.toBuffer().catch(() => Buffer.alloc(0));
    files.push({ originalName: part.filename, bytes, truncated: part.file.truncated });
  }
  return files;
}

const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** Uploads, listings, downloads and deletes of project files, and the project list's Excel export. */
export function registerProjectFileRoutes(app: FastifyInstance, deps: RouteDeps, store: FileStore) {
  defineRoute(app, deps, endpoints.listProjectFiles, 'project.read', async ({ ctx, params }) => ({
    data: (await listProjectFiles(ctx, params.id)).map((row) => presentFile(ctx, row)),
  }));
  defineRoute(app, deps, endpoints.getPhotoEvidenceSettings, 'project.read', async ({ ctx, query }) =>
    getPhotoEvidenceSettings(ctx, query.regionCode),
  );
  defineRoute(
    app,
    deps,
    endpoints.savePhotoEvidenceSettings,
    'reportingCalendar.manage',
    async ({ ctx, body }) => savePhotoEvidenceSettings(ctx, body),
  );
  defineRoute(app, deps, endpoints.deleteProjectFile, 'project.read', async ({ ctx, params }) => {
    await deleteProjectFile(ctx, params.id, params.fileId);
    return { ok: true as const };
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    fileRoutes.uploadProjectFiles,
    {
      config: { access: 'projectFile.upload' },
      schema: {
        summary: '上传项目文件和照片（multipart/form-data，字段 files，可多个）',
        tags: ['projects'],
        params: z.object({ id: z.uuid() }),
        consumes: ['multipart/form-data'],
        response: { 200: ProjectFileList },
      },
    },
    async (request) => {
      const files = await readUploadedFiles(request);
      const ctx = deps.makeCtx(request);
      const rows = await uploadProjectFiles(ctx, store, request.params.id, files);
      return { data: rows.map((row) => presentFile(ctx, row)) };
    },
  );

  const sendStored =
    (kind: 'content' | 'thumbnail') =>
    async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
      const params = FileParams.parse(request.params);
      const ctx = deps.makeCtx(request);
      const file = await getProjectFile(ctx, params.id, params.fileId);
      const storedName = kind === 'content' ? file.storedName : file.thumbnailName;
      if (!storedName || !(await store.exists(storedName))) throw new AppError('NOT_FOUND');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, max-age=300');
      if (kind === 'content') {
        reply.header('content-disposition', attachmentDisposition(file.originalName));
        reply.type(file.mimeType);
      } else {
        reply.type('image/jpeg');
      }
      return reply.send(store.open(storedName));
    };
  app.get(
    fileRoutes.downloadProjectFile,
    { config: { access: 'project.read' }, schema: { hide: true } },
    sendStored('content'),
  );
  app.get(
    fileRoutes.projectFileThumbnail,
    { config: { access: 'project.read' }, schema: { hide: true } },
    sendStored('thumbnail'),
  );
}
