import '@fastify/multipart';
import { fileRoutes, LedgerPreview } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentDisposition } from '../../lib/excel';
import { presentLedgerPreview } from './ledger-preview';
import { buildLedgerTemplate } from './ledger-template';
import { parseLedger } from './parse-ledger';
import { ledgerLimits } from './xlsx-guard';

/** The ledger check (upload → preview, nothing written) and the import template download. */
export function registerLedgerRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post(
    fileRoutes.previewLedger,
    {
      config: { access: 'project.create' },
      schema: {
        summary: '预检项目台账 Excel：识别项目行、跳过的行和问题（不写入）',
        tags: ['ledger'],
        consumes: ['multipart/form-data'],
        response: { 200: LedgerPreview },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传台账文件', [
          { path: 'file', message: '需要 multipart/form-data' },
        ]);
      }
      const part = await request.file({ limits: { fileSize: ledgerLimits.maxFileBytes, files: 1 } });
      if (!part)
        throw new AppError('VALIDATION_FAILED', '请选择台账文件', [{ path: 'file', message: '没有文件' }]);
      const bytes = await part.toBuffer();
      if (part.file.truncated) {
        throw new AppError('VALIDATION_FAILED', `文件超过 ${ledgerLimits.maxFileBytes / 1024 / 1024} MB`, [
          { path: 'file', message: '文件过大' },
        ]);
      }
      return presentLedgerPreview(await parseLedger(bytes));
    },
  );

  app.get(
    fileRoutes.ledgerTemplate,
    { config: { access: 'project.read' }, schema: { summary: '下载台账导入模板', tags: ['ledger'] } },
    async (_request, reply) => {
      reply.header('content-disposition', attachmentDisposition('重点项目台账导入模板.xlsx'));
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(await buildLedgerTemplate());
    },
  );
}
