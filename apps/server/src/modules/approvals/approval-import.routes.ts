import '@fastify/multipart';
import {
  ApprovalImportRefused,
  ApprovalImportResult,
  ApprovalImportTemplateQuery,
  fileRoutes,
} from '@tuijin/contracts';
import { authorize } from '@tuijin/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/route';
import { readSheetUpload } from '../../http/sheet-upload';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { buildApprovalImportTemplate } from './approval-import-template';
import { ApprovalImportRefusedError, importApprovals } from './import-approvals';

/** The uploaded ledger (`file`) and the optional `region` field, sent before or after it. */
async function readApprovalUpload(request: FastifyRequest) {
  const { bytes, fileName, fields } = await readSheetUpload(request, '台账文件', 2);
  return { bytes, fileName, regionCode: fields.region?.slice(0, 20) || null };
}

/**
 * 前期手续台账导入: the preview (plans every cell, writes nothing), the import (one transaction; 422
 * with every problem when any blocks it) and the template with the jurisdiction's headings.
 */
export function registerApprovalImportRoutes(app: FastifyInstance, deps: RouteDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    fileRoutes.previewApprovalImport,
    {
      config: { access: 'approval.manage' },
      schema: {
        summary: '预检前期手续台账：每个项目、每格手续将如何变化，以及按行列的问题（不写入）',
        tags: ['approvals'],
        consumes: ['multipart/form-data'],
        response: { 200: ApprovalImportResult },
      },
    },
    async (request) => {
      const upload = await readApprovalUpload(request);
      return importApprovals(deps.makeCtx(request), { ...upload, dryRun: true });
    },
  );

  typed.post(
    fileRoutes.importApprovals,
    {
      config: { access: 'approval.manage' },
      schema: {
        summary:
          '导入前期手续台账：一个事务内按台账新建或更新项目的手续事项；有错误时整体拒绝（422）且不写入',
        tags: ['approvals'],
        consumes: ['multipart/form-data'],
        response: { 200: ApprovalImportResult, 422: ApprovalImportRefused },
      },
    },
    async (request, reply) => {
      const upload = await readApprovalUpload(request);
      try {
        return await importApprovals(deps.makeCtx(request), { ...upload, dryRun: false });
      } catch (error) {
        if (!(error instanceof ApprovalImportRefusedError)) throw error;
        return reply.code(422).send({
          error: { code: error.code, message: error.message, details: error.details },
          problems: error.result.problems,
        });
      }
    },
  );

  typed.get(
    fileRoutes.approvalImportTemplate,
    {
      config: { access: 'approval.manage' },
      schema: {
        summary: '下载前期手续台账模板（本辖区目录的手续为表头，预填未开工项目的现状）',
        tags: ['approvals'],
        querystring: ApprovalImportTemplateQuery,
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      authorize(ctx.actor, 'approval.manage');
      const { buffer, regionName } = await buildApprovalImportTemplate(
        ctx.db,
        ctx.actor,
        request.query.regionCode,
      );
      reply.header('content-disposition', attachmentDisposition(`${regionName}前期手续台账模板.xlsx`));
      reply.type(xlsxContentType);
      return reply.send(buffer);
    },
  );
}
