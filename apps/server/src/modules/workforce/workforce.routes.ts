import '@fastify/multipart';
import {
  endpoints,
  fileRoutes,
  WorkerExportQuery,
  WorkerImportRefused,
  WorkerImportResult,
} from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defineRoute, type RouteDeps } from '../../http/route';
import { readSheetUpload } from '../../http/sheet-upload';
import { attachmentDisposition, xlsxContentType } from '../../lib/excel';
import { createContractor, removeContractor, updateContractor } from './contractors';
import { getWorkerHealthChecks, saveHealthCheck } from './health-checks';
import { createHealthWatch, endHealthWatch, updateHealthWatch } from './health-watches';
import { importWorkers, WorkerImportRefusedError } from './import-workers';
import { getProjectWorkforce } from './project-workforce';
import { buildWorkerImportTemplate, exportWorkers } from './worker-sheets-out';
import { createWorker, departWorker, removeWorker, updateWorker } from './workers';
import { searchWorkers, workforceOverview } from './workforce-overview';

const IdParams = z.object({ id: z.uuid({ message: '无效的编号' }) });

/** The uploaded 花名册 and the contractor chosen for rows that name none. */
const readWorkerUpload = async (request: FastifyRequest) => {
  const { bytes, fileName, fields } = await readSheetUpload(request, '实名制花名册（.xlsx）', 4);
  const contractorId = fields.contractorId || null;
  if (contractorId !== null && !/^[0-9a-f-]{36}$/i.test(contractorId))
    throw new AppError('VALIDATION_FAILED', '施工单位编号无效', [
      { path: 'contractorId', message: '无效的编号' },
    ]);
  return { bytes, fileName, contractorId };
};

/**
 * 实名制用工: rosters (`workforce.read` to read; the use cases admit the owner unit and the office
 * over the project to change them), the health watch (`healthWatch.manage`), daily health checks,
 * the region overview and search, the 花名册 import (preview / one-transaction import / template)
 * and export. Every worker goes out through the one presenter (ID numbers masked by role).
 */
export function registerWorkforceRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getProjectWorkforce, 'workforce.read', ({ ctx, params }) =>
    getProjectWorkforce(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.createContractor, 'workforce.manage', ({ ctx, params, body }) =>
    createContractor(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.updateContractor, 'workforce.manage', ({ ctx, params, body }) =>
    updateContractor(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.removeContractor, 'workforce.manage', ({ ctx, params, query }) =>
    removeContractor(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.createWorker, 'workforce.manage', ({ ctx, params, body }) =>
    createWorker(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.getWorker, 'workforce.read', ({ ctx, params }) =>
    getWorkerHealthChecks(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.updateWorker, 'workforce.manage', ({ ctx, params, body }) =>
    updateWorker(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.departWorker, 'workforce.manage', ({ ctx, params, body }) =>
    departWorker(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.removeWorker, 'workforce.manage', ({ ctx, params, query }) =>
    removeWorker(ctx, params.id, query.version),
  );
  defineRoute(app, deps, endpoints.saveHealthCheck, 'workforce.manage', ({ ctx, params, body }) =>
    saveHealthCheck(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.searchWorkers, 'workforce.read', ({ ctx, query }) =>
    searchWorkers(ctx, query),
  );
  defineRoute(app, deps, endpoints.workforceOverview, 'workforce.read', ({ ctx, query }) =>
    workforceOverview(ctx, query),
  );
  defineRoute(app, deps, endpoints.createHealthWatch, 'healthWatch.manage', ({ ctx, body }) =>
    createHealthWatch(ctx, body),
  );
  defineRoute(app, deps, endpoints.updateHealthWatch, 'healthWatch.manage', ({ ctx, params, body }) =>
    updateHealthWatch(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.endHealthWatch, 'healthWatch.manage', ({ ctx, params, body }) =>
    endHealthWatch(ctx, params.id, body),
  );

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    fileRoutes.previewWorkerImport,
    {
      config: { access: 'workforce.manage' },
      schema: {
        summary: '预检实名制花名册：每行新增、更新或无变化，及按行列的问题（不写入）',
        tags: ['workforce'],
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: WorkerImportResult },
      },
    },
    async (request) => {
      const upload = await readWorkerUpload(request);
      return importWorkers(deps.makeCtx(request), request.params.id, { ...upload, dryRun: true });
    },
  );
  typed.post(
    fileRoutes.importWorkers,
    {
      config: { access: 'workforce.manage' },
      schema: {
        summary:
          '导入实名制花名册：一个事务内登记或更新（按身份证号码识别同一人）；有错误时整体拒绝（422）且不写入',
        tags: ['workforce'],
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: WorkerImportResult, 422: WorkerImportRefused },
      },
    },
    async (request, reply) => {
      const upload = await readWorkerUpload(request);
      try {
        return await importWorkers(deps.makeCtx(request), request.params.id, { ...upload, dryRun: false });
      } catch (error) {
        if (!(error instanceof WorkerImportRefusedError)) throw error;
        return reply.code(422).send({
          error: { code: error.code, message: error.message },
          problems: error.result.problems,
        });
      }
    },
  );
  typed.get(
    fileRoutes.workerImportTemplate,
    {
      config: { access: 'workforce.manage' },
      schema: { summary: '下载实名制花名册导入模板', tags: ['workforce'] },
    },
    async (_request, reply) => {
      reply.header('content-disposition', attachmentDisposition('实名制花名册导入模板.xlsx'));
      reply.header('x-content-type-options', 'nosniff');
      reply.type(xlsxContentType);
      return reply.send(await buildWorkerImportTemplate());
    },
  );
  typed.get(
    fileRoutes.exportWorkers,
    {
      config: { access: 'workforce.read' },
      schema: {
        summary: '导出项目实名制花名册 Excel（可按施工单位；身份证号码按角色脱敏）',
        tags: ['workforce'],
        params: IdParams,
        querystring: WorkerExportQuery,
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await exportWorkers(
        deps.makeCtx(request),
        request.params.id,
        request.query,
      );
      reply.header('content-disposition', attachmentDisposition(fileName));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(xlsxContentType);
      return reply.send(bytes);
    },
  );
}
