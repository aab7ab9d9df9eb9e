import { AuditExportQuery, endpoints, fileRoutes } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import { presentAuditEvent } from './audit.presenter';
import { findAuditEvents, verifyAuditChain } from './audit.queries';
import { auditEntityNames } from './audit-entities';
import { exportAuditLogForDownload } from './audit-export';
import { getAuditRetention, updateAuditRetention } from './audit-retention';
import { recordAuditNow } from './record-audit';

/**
 * The audit log's routes. Reading the log and verifying it are audit events themselves
 * (`audit.read` with the filters, `audit.verify` or `audit.verify.failed` with the findings).
 */
export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.findAuditEvents, 'audit.read', async ({ ctx, query }) => {
    const { rows, total } = await findAuditEvents(ctx.db, ctx.actor, query);
    const names = await auditEntityNames(ctx.db, rows);
    await recordAuditNow(ctx.db, ctx, {
      action: 'audit.read',
      entityType: 'auditLog',
      regionPath: ctx.actor.regionPath || null,
      detail: { query, total },
    });
    return {
      data: rows.map((row) => presentAuditEvent(row, names)),
      page: { total, page: query.page, pageSize: query.pageSize },
    };
  });
  defineRoute(app, deps, endpoints.verifyAuditChain, 'audit.read', async ({ ctx }) => {
    const report = await verifyAuditChain(ctx.db, ctx.actor, ctx.auditKey, ctx.clock);
    const { missingHeads, ...summary } = report;
    await recordAuditNow(ctx.db, ctx, {
      action: report.intact ? 'audit.verify' : 'audit.verify.failed',
      entityType: 'auditLog',
      regionPath: ctx.actor.regionPath || null,
      detail: { ...summary, missingHeads: missingHeads.slice(0, 20) },
    });
    return report;
  });
  defineRoute(app, deps, endpoints.getAuditRetention, 'audit.manage', async ({ ctx }) =>
    getAuditRetention(ctx.db),
  );
  defineRoute(app, deps, endpoints.updateAuditRetention, 'audit.manage', async ({ ctx, body }) =>
    updateAuditRetention(ctx, body),
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportAuditEvents,
    {
      config: { access: 'audit.manage', auditedByHandler: true },
      schema: {
        summary: '导出审计日志归档（JSON Lines，含哈希链字段，可用密钥复核；审计管理员）',
        tags: ['audit'],
        querystring: AuditExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const range = { from: new Date(request.query.from), to: new Date(request.query.to) };
      const bytes = await exportAuditLogForDownload(ctx, range);
      const day = (date: Date) => date.toISOString().slice(0, 10);
      reply.header(
        'content-disposition',
        attachmentDisposition(`审计日志-${day(range.from)}-${day(range.to)}.jsonl`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.type('application/x-ndjson; charset=utf-8');
      return reply.send(bytes);
    },
  );
}
