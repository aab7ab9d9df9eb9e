import { AnnualPlanExportQuery, endpoints, fileRoutes } from '@tuijin/contracts';
import { canEditPlan } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import { adjustAnnualPlan } from './adjust-annual-plan';
import { exportAnnualPlans } from './export-annual-plans';
import { freezeAnnualPlans } from './freeze-annual-plans';
import { presentPlan, presentPlanListItem } from './plans.presenter';
import { findAnnualPlans, listProjectPlans } from './plans.queries';
import { saveAnnualPlan } from './save-annual-plan';

export function registerPlanRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listProjectPlans, 'project.read', async ({ ctx, params }) => {
    const { project, plans } = await listProjectPlans(ctx.db, ctx.actor, params.id);
    return {
      data: plans.map(({ plan, adjustments }) => presentPlan(ctx.actor, plan, project, adjustments)),
      abilities: { create: canEditPlan(ctx.actor, project) },
    };
  });
  defineRoute(app, deps, endpoints.saveAnnualPlan, 'plan.edit', async ({ ctx, params, body }) => {
    const { plan, project, adjustments } = await saveAnnualPlan(ctx, params.id, params.year, body);
    return presentPlan(ctx.actor, plan, project, adjustments);
  });
  defineRoute(app, deps, endpoints.adjustAnnualPlan, 'plan.approve', async ({ ctx, params, body }) => {
    const { plan, project, adjustments } = await adjustAnnualPlan(ctx, params.id, body);
    return presentPlan(ctx.actor, plan, project, adjustments);
  });
  defineRoute(app, deps, endpoints.freezeAnnualPlans, 'plan.approve', async ({ ctx, body }) =>
    freezeAnnualPlans(ctx, body),
  );
  defineRoute(app, deps, endpoints.findAnnualPlans, 'project.read', async ({ ctx, query }) => {
    const result = await findAnnualPlans(ctx.db, ctx.actor, query);
    return {
      data: result.rows.map((row) => presentPlanListItem(ctx.actor, row)),
      page: { total: result.count, page: query.page, pageSize: query.pageSize },
      totals: {
        count: result.count,
        plannedWanYuan: result.plannedWanYuan,
        baselineWanYuan: result.baselineWanYuan,
      },
    };
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportAnnualPlans,
    {
      config: { access: 'project.read' },
      schema: {
        summary: '导出某年度计划列表（当前筛选条件）为 Excel',
        tags: ['plans'],
        querystring: AnnualPlanExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const buffer = await exportAnnualPlans(ctx, request.query);
      reply.header('content-disposition', attachmentDisposition(`${request.query.year}年度计划.xlsx`));
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(buffer);
    },
  );
}
