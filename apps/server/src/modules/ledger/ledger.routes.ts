import '@fastify/multipart';
import {
  fileRoutes,
  LedgerImportRefused,
  LedgerImportResult,
  LedgerPreview,
  LedgerReportsResult,
} from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/route';
import { readSheetUpload } from '../../http/sheet-upload';
import { attachmentDisposition } from '../../lib/excel';
import { importLedger, LedgerRefusedError } from './import-ledger';
import { importLedgerReports } from './import-ledger-reports';
import { ledgerImportGate } from './ledger-gate';
import { presentLedgerCheck, presentLedgerImport } from './ledger-preview';
import { buildLedgerTemplate } from './ledger-template';
import { parseLedger } from './parse-ledger';

/** A `year` form field: a whole year 2000–2100, else a clear refusal. */
function planYearField(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100)
    throw new AppError(
      'VALIDATION_FAILED',
      `计划年度“${value.slice(0, 20)}”无效：应为 2000–2100 之间的年份`,
      [{ path: 'year', message: '计划年度应为 2000–2100 之间的年份' }],
    );
  return year;
}

/**
 * The uploaded ledger and the optional form fields (sent before or after the file): `region` (where
 * every record is) and `year` (the plan year its 年度计划投资 goes into).
 */
async function readLedgerUpload(request: FastifyRequest) {
  const { bytes, fileName, fields } = await readSheetUpload(request, '台账文件', 6);
  return {
    bytes,
    fileName,
    regionCode: fields.region?.slice(0, 20) || null,
    year: fields.year ? planYearField(fields.year) : null,
    dryRun: fields.dryRun === 'true',
    sheetYears: fields.sheetYears ? sheetYearsField(fields.sheetYears) : {},
  };
}

/** A `sheetYears` form field: JSON `{"福安市": 2026}`, each a year 2000–2100, else a clear refusal. */
function sheetYearsField(value: string): Record<string, number> {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(value);
  } catch {}
  const entries =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : null;
  if (!entries || entries.length > 100)
    throw new AppError('VALIDATION_FAILED', '各表年份格式不对', [
      { path: 'sheetYears', message: '应为 {"表名": 年份}' },
    ]);
  return Object.fromEntries(
    entries.map(([sheet, year]) => [sheet.slice(0, 100), planYearField(String(year))]),
  );
}

/**
 * The ledger check (upload → preview of what an import would do, rolled back), the import itself
 * (one transaction; 422 with the problems when any blocks it) and the import template download.
 */
export function registerLedgerRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.withTypeProvider<ZodTypeProvider>().post(
    fileRoutes.previewLedger,
    {
      config: { access: 'project.create' },
      schema: {
        summary:
          '预检项目台账 Excel：识别项目行、跳过的行、问题，以及导入时每条记录将新建/更新/不变（不写入）',
        tags: ['ledger'],
        consumes: ['multipart/form-data'],
        response: { 200: LedgerPreview },
      },
    },
    async (request) => {
      const ctx = deps.makeCtx(request);
      return ledgerImportGate.run(ctx.actor.userId, async () => {
        const upload = await readLedgerUpload(request);
        const parsed = await parseLedger(upload.bytes);
        const outcome = await importLedger(ctx, {
          parsed,
          regionCode: upload.regionCode,
          year: upload.year,
          dryRun: true,
        });
        return presentLedgerCheck(parsed, outcome);
      });
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    fileRoutes.importLedger,
    {
      config: { access: 'project.create' },
      schema: {
        summary:
          '导入项目台账 Excel：一个事务内新建/更新项目，年度计划投资写入该年度的计划草稿（表单字段 year，缺省取标题中的年份，再缺省为今年；已冻结的计划不改）；有错误时整体拒绝（422）且不写入',
        tags: ['ledger'],
        consumes: ['multipart/form-data'],
        response: { 200: LedgerImportResult, 422: LedgerImportRefused },
      },
    },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      return ledgerImportGate.run(ctx.actor.userId, async () => {
        const upload = await readLedgerUpload(request);
        const parsed = await parseLedger(upload.bytes);
        try {
          const outcome = await importLedger(ctx, {
            parsed,
            regionCode: upload.regionCode,
            year: upload.year,
            fileName: upload.fileName,
          });
          return presentLedgerImport(outcome);
        } catch (error) {
          if (!(error instanceof LedgerRefusedError)) throw error;
          return reply.code(422).send({
            error: { code: error.code, message: error.message, details: error.details },
            problems: presentLedgerImport(error.outcome).problems,
          });
        }
      });
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    fileRoutes.importLedgerReports,
    {
      config: { access: 'report.correct' },
      schema: {
        summary:
          '导入月度进展台账：各表按标题报告期把“本月完成/1-N月完成/形象进度”写成已审核的办公室月报（dryRun=true 只预检；无年份的表须在 sheetYears 中给出年份；不覆盖已有月报）',
        tags: ['ledger'],
        consumes: ['multipart/form-data'],
        response: { 200: LedgerReportsResult },
      },
    },
    async (request) => {
      const ctx = deps.makeCtx(request);
      return ledgerImportGate.run(ctx.actor.userId, async () => {
        const upload = await readLedgerUpload(request);
        return importLedgerReports(ctx, {
          parsed: await parseLedger(upload.bytes),
          year: upload.year,
          sheetYears: upload.sheetYears,
          dryRun: upload.dryRun,
          fileName: upload.fileName,
        });
      });
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
