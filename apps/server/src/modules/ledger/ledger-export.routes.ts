import { fileRoutes, MonthlyLedgerQuery } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/route';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { exportMonthlyLedger } from './export-monthly-ledger';

/** The monthly ledger download (月度台账): scoped to the caller, outside the jurisdiction NOT_FOUND. */
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
}
