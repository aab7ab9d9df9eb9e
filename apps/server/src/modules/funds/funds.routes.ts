import '@fastify/multipart';
import {
  endpoints,
  FundImportRefused,
  FundImportResult,
  FundOverviewQuery,
  fileRoutes,
} from '@tuijin/contracts';
import { authorize, chinaDate } from '@tuijin/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { readSheetUpload } from '../../http/sheet-upload';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { exportFundLedger } from './export-fund-ledger';
import {
  createFundAllocation,
  createFundPayment,
  removeFundAllocation,
  removeFundPayment,
  updateFundAllocation,
  updateFundPayment,
} from './fund-allocations';
import {
  createFundApplication,
  moveFundApplication,
  removeFundApplication,
  updateFundApplication,
} from './fund-applications';
import { buildFundImportTemplate } from './fund-import-template';
import { fundOverview } from './fund-overview';
import { getProjectFunds } from './funds.queries';
import { FundImportRefusedError, importFunds } from './import-funds';

/** The uploaded 资金台账. */
const readFundUpload = async (request: FastifyRequest) => {
  const { bytes, fileName } = await readSheetUpload(request, '资金台账（.xlsx）', 4);
  return { bytes, fileName };
};

/**
 * 资金保障: a project's applications, allocations and payments, and the jurisdiction's figures and
 * ledger. Applications and allocations need `fund.manage` (an office); payments need `fund.read`
 * and the use case admits the office or the project's owner unit. The 资金台账 import (preview,
 * import: one transaction, 422 naming every row when any is wrong; template) needs `fund.manage`.
 */
export function registerFundRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getProjectFunds, 'fund.read', ({ ctx, params }) =>
    getProjectFunds(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.createFundApplication, 'fund.manage', ({ ctx, params, body }) =>
    createFundApplication(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.updateFundApplication, 'fund.manage', ({ ctx, params, body }) =>
    updateFundApplication(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.moveFundApplication, 'fund.manage', ({ ctx, params, body }) =>
    moveFundApplication(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.removeFundApplication, 'fund.manage', ({ ctx, params, query }) =>
    removeFundApplication(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.createFundAllocation, 'fund.manage', ({ ctx, params, body }) =>
    createFundAllocation(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.updateFundAllocation, 'fund.manage', ({ ctx, params, body }) =>
    updateFundAllocation(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.removeFundAllocation, 'fund.manage', ({ ctx, params, query }) =>
    removeFundAllocation(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.createFundPayment, 'fund.read', ({ ctx, params, body }) =>
    createFundPayment(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.updateFundPayment, 'fund.read', ({ ctx, params, body }) =>
    updateFundPayment(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.removeFundPayment, 'fund.read', ({ ctx, params, query }) =>
    removeFundPayment(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.fundOverview, 'fund.read', ({ ctx, query }) => fundOverview(ctx, query));

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    fileRoutes.previewFundImport,
    {
      config: { access: 'fund.manage' },
      schema: {
        summary: '预检资金台账：每行将登记的资金下达或支付（或系统中已有），及按行列的问题（不写入）',
        tags: ['funds'],
        consumes: ['multipart/form-data'],
        response: { 200: FundImportResult },
      },
    },
    async (request) => {
      const upload = await readFundUpload(request);
      return importFunds(deps.makeCtx(request), { ...upload, dryRun: true });
    },
  );
  typed.post(
    fileRoutes.importFunds,
    {
      config: { access: 'fund.manage' },
      schema: {
        summary:
          '导入资金台账（专项债券、中央预算内投资的下达与支付）：一个事务内登记；有错误时整体拒绝（422）且不写入',
        tags: ['funds'],
        consumes: ['multipart/form-data'],
        response: { 200: FundImportResult, 422: FundImportRefused },
      },
    },
    async (request, reply) => {
      const upload = await readFundUpload(request);
      try {
        return await importFunds(deps.makeCtx(request), { ...upload, dryRun: false });
      } catch (error) {
        if (!(error instanceof FundImportRefusedError)) throw error;
        return reply.code(422).send({
          error: { code: error.code, message: error.message },
          problems: error.result.problems,
        });
      }
    },
  );
  typed.get(
    fileRoutes.fundImportTemplate,
    {
      config: { access: 'fund.manage' },
      schema: { summary: '下载资金台账导入模板', tags: ['funds'] },
    },
    async (request, reply) => {
      authorize(deps.makeCtx(request).actor, 'fund.manage');
      reply.header('content-disposition', attachmentDisposition('资金台账导入模板.xlsx'));
      reply.header('x-content-type-options', 'nosniff');
      reply.type(xlsxContentType);
      return reply.send(await buildFundImportTemplate());
    },
  );
  typed.get(
    fileRoutes.exportFundLedger,
    {
      config: { access: 'fund.read' },
      schema: {
        summary: '导出专项债/中央预算内项目资金台账 Excel（年度、资金类型、辖区）',
        tags: ['funds'],
        querystring: FundOverviewQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const bytes = await exportFundLedger(ctx, request.query);
      reply.header(
        'content-disposition',
        attachmentDisposition(`项目资金台账-${chinaDate(ctx.clock.now())}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
