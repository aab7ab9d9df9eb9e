import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { presentAuditEvent } from './audit.presenter';
import { findAuditEvents, verifyAuditChain } from './audit.queries';
import { auditEntityNames } from './audit-entities';

export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.findAuditEvents, 'audit.read', async ({ ctx, query }) => {
    const { rows, total } = await findAuditEvents(ctx.db, ctx.actor, query);
    const names = await auditEntityNames(ctx.db, rows);
    return {
      data: rows.map((row) => presentAuditEvent(row, names)),
      page: { total, page: query.page, pageSize: query.pageSize },
    };
  });
  defineRoute(app, deps, endpoints.verifyAuditChain, 'audit.read', async ({ ctx }) =>
    verifyAuditChain(ctx.db, ctx.actor, ctx.auditKey),
  );
}
