import { endpoints, fileRoutes, ServicePlanListQuery } from '@tuijin/contracts';
import { chinaDate } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { exportServicePlans } from './export-service-plans';
import { createMeasure, moveMeasure, updateMeasure } from './measures';
import { saveServicePlan } from './save-service-plan';
import { listServicePlans } from './service-plan-list';
import { getProjectServicePlan } from './service-plans.queries';

/**
 * 一项目一策: a project's plan and measures, the office list and its Excel. Everything needs
 * `servicePlan.read`; the use cases admit the office over the project or its responsible department
 * for the plan and measures, and the measure's responsible unit for its status.
 */
export function registerServicePlanRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getProjectServicePlan, 'servicePlan.read', ({ ctx, params }) =>
    getProjectServicePlan(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.saveServicePlan, 'servicePlan.read', ({ ctx, params, body }) =>
    saveServicePlan(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.createMeasure, 'servicePlan.read', ({ ctx, params, body }) =>
    createMeasure(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.updateMeasure, 'servicePlan.read', ({ ctx, params, body }) =>
    updateMeasure(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.moveMeasure, 'servicePlan.read', ({ ctx, params, body }) =>
    moveMeasure(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.listServicePlans, 'servicePlan.read', ({ ctx, query }) =>
    listServicePlans(ctx, query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportServicePlans,
    {
      config: { access: 'servicePlan.read' },
      schema: {
        summary: '导出一项目一策台账 Excel（辖区、责任单位、状态、只看逾期）',
        tags: ['service-plans'],
        querystring: ServicePlanListQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const bytes = await exportServicePlans(ctx, request.query);
      reply.header(
        'content-disposition',
        attachmentDisposition(`一项目一策台账-${chinaDate(ctx.clock.now())}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
