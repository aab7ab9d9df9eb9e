import { endpoints, fileRoutes } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { createCampaignEvent, deleteCampaignEvent, updateCampaignEvent } from './campaign-events';
import { campaignOverview, projectCampaignEvents } from './campaign-overview';
import { createCampaign, deleteCampaign, updateCampaign } from './campaigns';
import { getCampaignEventDetail } from './campaigns.queries';
import { exportCampaignEvent } from './export-campaign-event';

/**
 * 攻坚行动与集中开竣工: everyone in scope reads (`campaign.read`); the office of the owning
 * jurisdiction edits (`campaign.manage`, checked again against the record's region by the use case).
 */
export function registerCampaignRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.campaignOverview, 'campaign.read', ({ ctx, query }) =>
    campaignOverview(ctx, query),
  );
  defineRoute(app, deps, endpoints.createCampaign, 'campaign.manage', ({ ctx, body }) =>
    createCampaign(ctx, body),
  );
  defineRoute(app, deps, endpoints.updateCampaign, 'campaign.manage', ({ ctx, params, body }) =>
    updateCampaign(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.deleteCampaign, 'campaign.manage', ({ ctx, params, query }) =>
    deleteCampaign(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.getCampaignEvent, 'campaign.read', ({ ctx, params }) =>
    getCampaignEventDetail(ctx.db, ctx.actor, params.id),
  );
  defineRoute(app, deps, endpoints.createCampaignEvent, 'campaign.manage', ({ ctx, body }) =>
    createCampaignEvent(ctx, body),
  );
  defineRoute(app, deps, endpoints.updateCampaignEvent, 'campaign.manage', ({ ctx, params, body }) =>
    updateCampaignEvent(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.deleteCampaignEvent, 'campaign.manage', ({ ctx, params, query }) =>
    deleteCampaignEvent(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.projectCampaignEvents, 'campaign.read', ({ ctx, params }) =>
    projectCampaignEvents(ctx, params.id),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportCampaignEvent,
    {
      config: { access: 'campaign.read' },
      schema: {
        summary: '导出集中开竣工活动项目清单 Excel',
        tags: ['campaigns'],
        params: z.object({ id: z.uuid({ message: '无效的编号' }) }),
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const { name, bytes } = await exportCampaignEvent(ctx, request.params.id);
      reply.header('content-disposition', attachmentDisposition(name));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
