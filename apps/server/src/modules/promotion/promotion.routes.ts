import { endpoints, fileRoutes, PromotionLeadQuery } from '@tuijin/contracts';
import { chinaDate } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { convertPromotionLead } from './convert-lead';
import { createPromotionLead } from './create-lead';
import { dropPromotionLead } from './drop-lead';
import { exportPromotionLeads } from './export-promotion-leads';
import { linkPromotionLead } from './link-lead';
import { movePromotionLead } from './move-lead';
import { findPromotionLeads, leadView, projectPromotionLead } from './promotion.queries';
import { promotionOverview } from './promotion-overview';
import { getPromotionSettings, savePromotionSettings } from './promotion-settings';
import { updatePromotionLead } from './update-lead';

/**
 * 招商引资: leads, their stages and conversion, the jurisdiction's figures and ledger. Reading needs
 * `promotion.read` (offices, departments, leaders, supervisors of the jurisdiction); every change
 * needs `promotion.manage` and the use case admits only the office over the lead's region.
 */
export function registerPromotionRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.promotionSettings, 'promotion.read', ({ ctx, query }) =>
    getPromotionSettings(ctx, query.regionCode),
  );
  defineRoute(app, deps, endpoints.savePromotionSettings, 'promotion.manage', ({ ctx, body }) =>
    savePromotionSettings(ctx, body),
  );
  defineRoute(app, deps, endpoints.listPromotionLeads, 'promotion.read', ({ ctx, query }) =>
    findPromotionLeads(ctx, query),
  );
  defineRoute(app, deps, endpoints.getPromotionLead, 'promotion.read', ({ ctx, params }) =>
    leadView(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.createPromotionLead, 'promotion.manage', ({ ctx, body }) =>
    createPromotionLead(ctx, body),
  );
  defineRoute(app, deps, endpoints.updatePromotionLead, 'promotion.manage', ({ ctx, params, body }) =>
    updatePromotionLead(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.movePromotionLead, 'promotion.manage', ({ ctx, params, body }) =>
    movePromotionLead(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.dropPromotionLead, 'promotion.manage', ({ ctx, params, body }) =>
    dropPromotionLead(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.convertPromotionLead, 'promotion.manage', ({ ctx, params, body }) =>
    convertPromotionLead(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.linkPromotionLead, 'promotion.manage', ({ ctx, params, body }) =>
    linkPromotionLead(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.projectPromotionLead, 'promotion.read', ({ ctx, params }) =>
    projectPromotionLead(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.promotionOverview, 'promotion.read', ({ ctx, query }) =>
    promotionOverview(ctx, query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportPromotionLeads,
    {
      config: { access: 'promotion.read' },
      schema: {
        summary: '导出招商项目台账 Excel（筛选条件同列表）',
        tags: ['promotion'],
        querystring: PromotionLeadQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const bytes = await exportPromotionLeads(ctx, request.query);
      reply.header(
        'content-disposition',
        attachmentDisposition(`招商项目台账-${chinaDate(ctx.clock.now())}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
