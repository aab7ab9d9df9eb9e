import { fileRoutes, MonthlyLedgerQuery, ProjectQuery } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { exportMonthlyLedger } from './export-monthly-ledger';
import { exportProjects } from './export-projects';

/**
 * The monthly ledger download (月度台账): scoped to the caller, outside the jurisdiction NOT_FOUND;
 * and the project list (项目库) under the list's filters.
 */
export function registerLedgerExportRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.monthlyLedger,
    {
      config: { access: 'project.read' },
      schema: {
        summary: '导出月度台账 Excel（某年某月，某区划及下级；只计已审核月报）',
        tags: ['ledger'],
        querystring: MonthlyLedgerQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const ledger = await exportMonthlyLedger(ctx, request.query);
      reply.header('content-disposition', attachmentDisposition(ledger.fileName));
      reply.header('x-content-type-options', 'nosniff');
      reply.type(xlsxContentType);
      return reply.send(ledger.bytes);
    },
  );

  const ExportQuery = ProjectQuery.omit({ page: true, pageSize: true, sort: true, order: true });
  app.withTypeProvider<ZodTypeProvider>().get(
    fileRoutes.exportProjects,
    {
      config: { access: 'project.read' },
      schema: { summary: '导出项目库（当前筛选条件）为 Excel', tags: ['projects'], querystring: ExportQuery },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const buffer = await exportProjects(ctx, request.query);
      reply.header(
        'content-disposition',
        attachmentDisposition(`项目库-${ctx.clock.now().toISOString().slice(0, 10)}.xlsx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.type(xlsxContentType);
      return reply.send(buffer);
    },
  );
}
