import { BankPushListQuery, endpoints, fileRoutes } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { createBankEvent, updateBankEvent } from './bank-events';
import { findBankFollowUps, projectBankFollowUps, updateBankFollowUp } from './bank-follow-ups';
import { getBankEventDetail } from './bank-matchmaking.queries';
import { bankMatchmakingOverview } from './bank-overview';
import { createBank, deleteBank, listBanks, updateBank } from './banks';
import { exportBankPushList } from './export-push-list';

/**
 * 政银企对接: everyone in scope reads (`bankMatchmaking.read`); the office of the owning jurisdiction
 * edits banks and events, the office over a project records its follow-ups (`bankMatchmaking.manage`,
 * checked again against the record's region by the use case).
 */
export function registerBankMatchmakingRoutes(app: FastifyInstance, deps: RouteDeps) {
  const read = 'bankMatchmaking.read' as const;
  const manage = 'bankMatchmaking.manage' as const;
  defineRoute(app, deps, endpoints.bankMatchmakingOverview, read, ({ ctx, query }) =>
    bankMatchmakingOverview(ctx, query),
  );
  defineRoute(app, deps, endpoints.listBanks, read, ({ ctx }) => listBanks(ctx));
  defineRoute(app, deps, endpoints.createBank, manage, ({ ctx, body }) => createBank(ctx, body));
  defineRoute(app, deps, endpoints.updateBank, manage, ({ ctx, params, body }) =>
    updateBank(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.deleteBank, manage, ({ ctx, params, query }) =>
    deleteBank(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.getBankEvent, read, ({ ctx, params }) =>
    getBankEventDetail(ctx.db, ctx.actor, params.id),
  );
  defineRoute(app, deps, endpoints.createBankEvent, manage, ({ ctx, body }) => createBankEvent(ctx, body));
  defineRoute(app, deps, endpoints.updateBankEvent, manage, ({ ctx, params, body }) =>
    updateBankEvent(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.findBankFollowUps, read, ({ ctx, query }) =>
    findBankFollowUps(ctx, query),
  );
  defineRoute(app, deps, endpoints.updateBankFollowUp, manage, ({ ctx, params, body }) =>
    updateBankFollowUp(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.projectBankFollowUps, read, ({ ctx, params }) =>
    projectBankFollowUps(ctx, params.id),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportBankPushList,
    {
      config: { access: read },
      schema: {
        summary: '导出政银企对接推送项目清单 Excel（按银行分表）',
        tags: ['bank-matchmaking'],
        querystring: BankPushListQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const { name, bytes } = await exportBankPushList(ctx, request.query);
      reply.header('content-disposition', attachmentDisposition(name));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
