import { endpoints, fileRoutes, MilestonePortfolioExportQuery } from '@tuijin/contracts';
import { chinaDate } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { exportMilestonePortfolio } from './export-milestone-portfolio';
import { getProjectFishbone } from './fishbone';
import { getMilestonePortfolio, getProjectMilestones } from './milestones.queries';
import {
  adjustMilestoneNode,
  freezeProjectMilestones,
  planProjectMilestones,
  recordMilestoneActual,
} from './plan-milestones';
import { createMilestoneTemplate, listMilestoneTemplates, updateMilestoneTemplate } from './templates';

/** 节点: templates, each project's node plan (倒排, baseline, adjustments, actual dates), the portfolio and the fishbone. */
export function registerMilestoneRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listMilestoneTemplates, 'milestone.read', ({ ctx, query }) =>
    listMilestoneTemplates(ctx.db, ctx.actor, query.regionCode),
  );
  defineRoute(app, deps, endpoints.createMilestoneTemplate, 'milestoneTemplate.manage', ({ ctx, body }) =>
    createMilestoneTemplate(ctx, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.updateMilestoneTemplate,
    'milestoneTemplate.manage',
    ({ ctx, params, body }) => updateMilestoneTemplate(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.getProjectMilestones, 'milestone.read', ({ ctx, params }) =>
    getProjectMilestones(ctx.db, ctx.actor, params.id, ctx.clock.now()),
  );
  defineRoute(app, deps, endpoints.planProjectMilestones, 'milestone.manage', ({ ctx, params, body }) =>
    planProjectMilestones(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.freezeProjectMilestones, 'milestone.manage', ({ ctx, params, body }) =>
    freezeProjectMilestones(ctx, params.id, body.version),
  );
  defineRoute(app, deps, endpoints.adjustMilestoneNode, 'milestone.manage', ({ ctx, params, body }) =>
    adjustMilestoneNode(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.recordMilestoneActual, 'milestone.recordActual', ({ ctx, params, body }) =>
    recordMilestoneActual(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.getMilestonePortfolio, 'milestone.read', ({ ctx, query }) =>
    getMilestonePortfolio(ctx.db, ctx.actor, query, ctx.clock.now()),
  );
  defineRoute(app, deps, endpoints.getProjectFishbone, 'milestone.read', ({ ctx, params }) =>
    getProjectFishbone(ctx, params.id),
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportMilestonePortfolio,
    {
      config: { access: 'milestone.read' },
      schema: {
        summary: '导出时间节点图 Excel（当前筛选条件，每个项目一行，节点列组与月份进度）',
        tags: ['milestones'],
        querystring: MilestonePortfolioExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const bytes = await exportMilestonePortfolio(ctx, request.query);
      reply.header(
        'content-disposition',
        attachmentDisposition(`时间节点图-${chinaDate(ctx.clock.now())}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
