import { endpoints, FactorBoardQuery, fileRoutes } from '@tuijin/contracts';
import { chinaDate } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { exportFactorLedger } from './export-factor-ledger';
import { factorBoardOf } from './factor-board';
import { createFactorDemand, moveFactorDemand, updateFactorDemand } from './factor-demands';
import {
  allocateFactorQuota,
  factorQuotaView,
  removeFactorQuotaAllocation,
  setFactorQuota,
} from './factor-quotas';
import { getProjectFactors } from './factors.queries';
import { raiseFactorProblem } from './raise-factor-problem';

/**
 * 要素保障: a project's demands, the jurisdiction's board and ledger, and the quota view. Demands need
 * `factor.read` and the use cases admit the office over the project (all), the owner unit (adds on
 * its projects) and the responsible department (moves the status); quotas need `factor.manage` and
 * the office of that very jurisdiction.
 */
export function registerFactorRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getProjectFactors, 'factor.read', ({ ctx, params }) =>
    getProjectFactors(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.createFactorDemand, 'factor.read', ({ ctx, params, body }) =>
    createFactorDemand(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.updateFactorDemand, 'factor.read', ({ ctx, params, body }) =>
    updateFactorDemand(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.moveFactorDemand, 'factor.read', ({ ctx, params, body }) =>
    moveFactorDemand(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.raiseFactorProblem, 'factor.read', ({ ctx, params, body }) =>
    raiseFactorProblem(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.factorBoard, 'factor.read', ({ ctx, query }) => factorBoardOf(ctx, query));
  defineRoute(app, deps, endpoints.factorQuotas, 'factor.read', ({ ctx, query }) =>
    factorQuotaView(ctx, query),
  );
  defineRoute(app, deps, endpoints.setFactorQuota, 'factor.manage', ({ ctx, body }) =>
    setFactorQuota(ctx, body),
  );
  defineRoute(app, deps, endpoints.allocateFactorQuota, 'factor.manage', ({ ctx, params, body }) =>
    allocateFactorQuota(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.removeFactorQuotaAllocation, 'factor.manage', ({ ctx, params, query }) =>
    removeFactorQuotaAllocation(ctx, params.id, query.version),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportFactorLedger,
    {
      config: { access: 'factor.read' },
      schema: {
        summary: '导出要素保障台账 Excel（辖区、要素类型、状态、责任部门）',
        tags: ['factors'],
        querystring: FactorBoardQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const bytes = await exportFactorLedger(ctx, request.query);
      reply.header(
        'content-disposition',
        attachmentDisposition(`要素保障台账-${chinaDate(ctx.clock.now())}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
