import { endpoints, FundOverviewQuery, fileRoutes } from '@tuijin/contracts';
import { chinaDate } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
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
import { fundOverview } from './fund-overview';
import { getProjectFunds } from './funds.queries';

/**
 * 资金保障: a project's applications, allocations and payments, and the jurisdiction's figures and
 * ledger. Applications and allocations need `fund.manage` (an office); payments need `fund.read`
 * and the use case admits the office or the project's owner unit.
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

  app.withTypeProvider<ZodTypeProvider>().get(
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
