import { endpoints, fileRoutes, ResumptionQuery } from '@tuijin/contracts';
import { chinaDate } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { exportResumptionLedger, exportWhitelistLedger } from './resumption-ledgers';
import { resumptionOverview, saveResumptionSettings } from './resumption-overview';
import { acceptStoppage, fileStoppage, projectResumption, recordStoppage, resumeStoppage } from './stoppages';
import { includeInWhitelist, listWhitelist, removeFromWhitelist } from './whitelist';
import { createZone, deleteZone, listZones, updateZone } from './zones';

/** 复工复产: zones, the 复工率 overview and its rule, each project's stoppages, the whitelist, ledgers. */
export function registerResumptionRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listZones, 'resumption.read', ({ ctx }) => listZones(ctx));
  defineRoute(app, deps, endpoints.createZone, 'zone.manage', ({ ctx, body }) => createZone(ctx, body));
  defineRoute(app, deps, endpoints.updateZone, 'zone.manage', ({ ctx, params, body }) =>
    updateZone(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.deleteZone, 'zone.manage', ({ ctx, params, query }) =>
    deleteZone(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.resumptionOverview, 'resumption.read', ({ ctx, query }) =>
    resumptionOverview(ctx, query),
  );
  defineRoute(app, deps, endpoints.saveResumptionSettings, 'resumption.manage', ({ ctx, body }) =>
    saveResumptionSettings(ctx, body),
  );
  defineRoute(app, deps, endpoints.projectResumption, 'resumption.read', ({ ctx, params }) =>
    projectResumption(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.recordStoppage, 'resumption.manage', ({ ctx, params, body }) =>
    recordStoppage(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.resumeStoppage, 'resumption.manage', ({ ctx, params, body }) =>
    resumeStoppage(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.acceptStoppage, 'resumption.manage', ({ ctx, params, body }) =>
    acceptStoppage(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.fileStoppage, 'resumption.manage', ({ ctx, params, body }) =>
    fileStoppage(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.listWhitelist, 'whitelist.read', ({ ctx, query }) =>
    listWhitelist(ctx, query),
  );
  defineRoute(app, deps, endpoints.includeInWhitelist, 'whitelist.manage', ({ ctx, body }) =>
    includeInWhitelist(ctx, body),
  );
  defineRoute(app, deps, endpoints.removeFromWhitelist, 'whitelist.manage', ({ ctx, params, body }) =>
    removeFromWhitelist(ctx, params.id, body),
  );

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    fileRoutes.resumptionLedger,
    {
      config: { access: 'resumption.read' },
      schema: {
        summary: '导出复工情况台账 Excel（汇总：合计、分区、分区划、分级别；停复工明细）',
        tags: ['resumption'],
        querystring: ResumptionQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const bytes = await exportResumptionLedger(ctx, request.query);
      reply.header(
        'content-disposition',
        attachmentDisposition(`复工情况台账-${chinaDate(ctx.clock.now())}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
  typed.get(
    fileRoutes.whitelistLedger,
    {
      config: { access: 'whitelist.read' },
      schema: { summary: '导出白名单台账 Excel', tags: ['resumption'] },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const bytes = await exportWhitelistLedger(ctx);
      reply.header(
        'content-disposition',
        attachmentDisposition(`白名单台账-${chinaDate(ctx.clock.now())}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
