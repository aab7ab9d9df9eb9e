import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { presentAuditEvent } from './audit.presenter';
import { findAuditEvents, verifyAuditChain } from './audit.queries';

export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.findAuditEvents, 'audit.read', async ({ ctx, query }) => {
    const { rows, total } = await findAuditEvents(ctx.db, ctx.actor, query);
    return { data: rows.map(presentAuditEvent), page: { total, page: query.page, pageSize: query.pageSize } };
  });
  defineRoute(app, deps, endpoints.verifyAuditChain, 'audit.read', async ({ ctx }) =>
    verifyAuditChain(ctx.db, ctx.actor, ctx.auditKey),
  );
}
