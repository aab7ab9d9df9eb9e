import '@fastify/multipart';
import { endpoints, fileRoutes, ProjectFileList } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import type { FileStore } from '../../lib/file-store';
import { type IncomingFile, maxFileBytes, maxFilesPerUpload, presentFile } from '../project-files';
import { correctReport } from './correct-report';
import { uploadReportPhotos } from './report-photos';
import { deleteReportingCalendar, getReportingCalendar, setReportingCalendar } from './reporting-calendars';
import { getCurrentReportingPeriod } from './reporting-period';
import { findReviewQueue, getMonthlyReport, getReportForm, listProjectReports } from './reports.queries';
import { approveReport, returnReport } from './review-report';
import { saveReportDraft } from './save-report-draft';
import { getReportStatusBoard } from './status-board';
import { submitMonthReport } from './submit-month-report';
import { submitReport } from './submit-report';

/**
 * The report writes run in one transaction with their idempotency key (claimed and answered in it)
 * and their answer's read: a retry after a lost connection or a failover replays or writes once.
 */
const inTransaction = { inTransaction: true } as const;

/** Reporting calendars and monthly reports: drafts, submission, review, correction, photos, boards. */
export function registerReportRoutes(app: FastifyInstance, deps: RouteDeps, store: FileStore) {
  defineRoute(app, deps, endpoints.getCurrentReportingPeriod, 'authenticated', async ({ ctx, query }) =>
    getCurrentReportingPeriod(ctx, query.region),
  );
  defineRoute(app, deps, endpoints.getReportingCalendar, 'authenticated', async ({ ctx, params }) =>
    getReportingCalendar(ctx, params.regionCode),
  );
  defineRoute(
    app,
    deps,
    endpoints.setReportingCalendar,
    'reportingCalendar.manage',
    async ({ ctx, params, body }) => setReportingCalendar(ctx, params.regionCode, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.deleteReportingCalendar,
    'reportingCalendar.manage',
    async ({ ctx, params, query }) => deleteReportingCalendar(ctx, params.regionCode, query.version),
  );
  defineRoute(app, deps, endpoints.listProjectReports, 'project.read', async ({ ctx, params, query }) =>
    listProjectReports(ctx, params.id, query.year),
  );
  defineRoute(app, deps, endpoints.getReportForm, 'project.read', async ({ ctx, params }) =>
    getReportForm(ctx, params.id, params.year, params.month),
  );
  defineRoute(
    app,
    deps,
    endpoints.saveReportDraft,
    'report.submit',
    async ({ ctx, params, body }) => {
      const id = await saveReportDraft(ctx, params.id, params.year, params.month, body);
      return getMonthlyReport(ctx, id);
    },
    inTransaction,
  );
  defineRoute(app, deps, endpoints.getMonthlyReport, 'project.read', async ({ ctx, params }) =>
    getMonthlyReport(ctx, params.id),
  );
  defineRoute(
    app,
    deps,
    endpoints.submitMonthReport,
    'report.submit',
    async ({ ctx, params, body }) => submitMonthReport(ctx, params.id, params.year, params.month, body),
    inTransaction,
  );
  defineRoute(
    app,
    deps,
    endpoints.submitReport,
    'report.submit',
    async ({ ctx, params, body }) => {
      await submitReport(ctx, params.id, body);
      return getMonthlyReport(ctx, params.id);
    },
    inTransaction,
  );
  defineRoute(
    app,
    deps,
    endpoints.returnReport,
    'report.review',
    async ({ ctx, params, body }) => {
      await returnReport(ctx, params.id, body);
      return getMonthlyReport(ctx, params.id);
    },
    inTransaction,
  );
  defineRoute(
    app,
    deps,
    endpoints.approveReport,
    'report.review',
    async ({ ctx, params, body }) => {
      await approveReport(ctx, params.id, body);
      return getMonthlyReport(ctx, params.id);
    },
    inTransaction,
  );
  defineRoute(
    app,
    deps,
    endpoints.correctReport,
    'report.correct',
    async ({ ctx, params, body }) => {
      await correctReport(ctx, params.id, body);
      return getMonthlyReport(ctx, params.id);
    },
    inTransaction,
  );
  defineRoute(app, deps, endpoints.findReviewQueue, 'report.review', async ({ ctx, query }) =>
    findReviewQueue(ctx, query),
  );
  defineRoute(app, deps, endpoints.getReportStatusBoard, 'project.read', async ({ ctx, query }) =>
    getReportStatusBoard(ctx, query),
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    fileRoutes.uploadReportPhotos,
    {
      config: { access: 'report.submit' },
      schema: {
        summary: '上传月报现场照片（multipart/form-data，字段 files，可多个）',
        tags: ['reports'],
        params: z.object({ id: z.uuid() }),
        consumes: ['multipart/form-data'],
        response: { 200: ProjectFileList },
      },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传照片', [
          { path: 'files', message: '需要 multipart/form-data' },
        ]);
      const files: IncomingFile[] = [];
      for await (const part of request.files({
        limits: { fileSize: maxFileBytes, files: maxFilesPerUpload + 1 },
      })) {
        const bytes = await part.toBuffer().catch(() => Buffer.alloc(0));
        files.push({ originalName: part.filename, bytes, truncated: part.file.truncated });
      }
      const ctx = deps.makeCtx(request);
      const rows = await uploadReportPhotos(ctx, store, request.params.id, files);
      return { data: rows.map((row) => presentFile(ctx, row)) };
    },
  );
}
