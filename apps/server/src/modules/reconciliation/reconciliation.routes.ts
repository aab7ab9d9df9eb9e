import '@fastify/multipart';
import {
  endpoints,
  fileRoutes,
  ReconciliationQuery,
  StatisticsImportRefused,
  StatisticsImportResult,
} from '@tuijin/contracts';
import { AppError, authorize, chinaDate } from '@tuijin/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { readSheetUpload } from '../../http/sheet-upload';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { exportReconciliation } from './export-reconciliation';
import { importStatistics, StatisticsImportRefusedError } from './import-statistics';
import { getReconciliation } from './reconciliation.queries';
import { getReconciliationSettings, saveReconciliationSettings } from './reconciliation-settings';
import { buildStatisticsTemplate } from './statistics-template';

const fieldNames = { year: '年份', month: '月份' } as const;

/** A whole number from a form field within a range, else VALIDATION_FAILED naming the field. */
function formNumber(value: string | undefined, field: 'year' | 'month', min: number, max: number): number {
  const n = value === undefined ? Number.NaN : Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError('VALIDATION_FAILED', `请填写${fieldNames[field]}（${min}–${max} 的整数）`, [
      { path: field, message: `${fieldNames[field]}应为 ${min}–${max} 的整数` },
    ]);
  return n;
}

/** The uploaded sheet (`file`) and the fields `year`, `month` and optional `region`, in any order. */
async function readStatisticsUpload(request: FastifyRequest) {
  const { bytes, fileName, fields } = await readSheetUpload(request, '入统数据表（.xlsx）', 4);
  return {
    bytes,
    fileName,
    year: formNumber(fields.year?.slice(0, 20), 'year', 2000, 2100),
    month: formNumber(fields.month?.slice(0, 20), 'month', 1, 12),
    regionCode: fields.region?.slice(0, 20) || null,
  };
}

/**
 * 三数比对: the listing and its Excel, the thresholds, and the statistics bureau's 入统 sheet —
 * preview (writes nothing), import (one transaction; 422 naming every row when any is wrong) and
 * the template.
 */
export function registerReconciliationRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getReconciliation, 'reconciliation.read', ({ ctx, query }) =>
    getReconciliation(ctx, query),
  );
  defineRoute(app, deps, endpoints.getReconciliationSettings, 'reconciliation.read', ({ ctx, query }) =>
    getReconciliationSettings(ctx, query.regionCode),
  );
  defineRoute(app, deps, endpoints.saveReconciliationSettings, 'reconciliation.manage', ({ ctx, body }) =>
    saveReconciliationSettings(ctx, body),
  );

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    fileRoutes.exportReconciliation,
    {
      config: { access: 'reconciliation.read' },
      schema: { summary: '导出三数比对表 Excel', tags: ['reconciliation'], querystring: ReconciliationQuery },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const bytes = await exportReconciliation(ctx, request.query);
      reply.header(
        'content-disposition',
        attachmentDisposition(`三数比对表-${chinaDate(ctx.clock.now())}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
  typed.post(
    fileRoutes.previewStatisticsImport,
    {
      config: { access: 'reconciliation.manage' },
      schema: {
        summary: '预检统计局入统数据表：每行对应的项目与将写入的数字，及按行列的问题（不写入）',
        tags: ['reconciliation'],
        consumes: ['multipart/form-data'],
        response: { 200: StatisticsImportResult },
      },
    },
    async (request) => {
      const upload = await readStatisticsUpload(request);
      return importStatistics(deps.makeCtx(request), { ...upload, dryRun: true });
    },
  );
  typed.post(
    fileRoutes.importStatistics,
    {
      config: { access: 'reconciliation.manage' },
      schema: {
        summary: '导入统计局入统数据（某月 1–N 月累计）：一个事务内写入；有错误时整体拒绝（422）且不写入',
        tags: ['reconciliation'],
        consumes: ['multipart/form-data'],
        response: { 200: StatisticsImportResult, 422: StatisticsImportRefused },
      },
    },
    async (request, reply) => {
      const upload = await readStatisticsUpload(request);
      try {
        return await importStatistics(deps.makeCtx(request), { ...upload, dryRun: false });
      } catch (error) {
        if (!(error instanceof StatisticsImportRefusedError)) throw error;
        return reply.code(422).send({
          error: { code: error.code, message: error.message },
          problems: error.result.problems,
        });
      }
    },
  );
  typed.get(
    fileRoutes.statisticsTemplate,
    {
      config: { access: 'reconciliation.manage' },
      schema: {
        summary: '下载入统数据表模板',
        tags: ['reconciliation'],
        querystring: z
          .object({
            year: z.coerce.number().int().min(2000).max(2100),
            month: z.coerce.number().int().min(1).max(12),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      authorize(ctx.actor, 'reconciliation.manage');
      const { year, month } = request.query;
      reply.header('content-disposition', attachmentDisposition(`入统数据模板-${year}年${month}月.xlsx`));
      reply.type(xlsxContentType);
      return reply.send(await buildStatisticsTemplate(year, month));
    },
  );
}
