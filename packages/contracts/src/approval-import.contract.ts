import { approvalImportIssues } from '@tuijin/domain';
import { z } from 'zod';
import { ApprovalStatus } from './approvals.contract';
import { ErrorBody, Id } from './common';

const sheet = z.string().describe('工作表名称');
const row = z.number().int().describe('工作表中的行号（从 1 开始）');

/** One problem of a 前期手续 ledger, by sheet, row and column; `issue` + `params` for the web's own text. */
export const ApprovalImportProblem = z.object({
  sheet,
  row,
  column: z.string().nullable().describe('Excel 列字母，如 D；整行或整表的问题为 null'),
  severity: z.enum(['error', 'warning']).describe('错误阻止导入；提示不阻止'),
  issue: z.enum(approvalImportIssues),
  params: z.record(z.string(), z.string()),
  message: z.string().describe('中文说明'),
});
export type ApprovalImportProblem = z.infer<typeof ApprovalImportProblem>;

const ItemState = z.object({
  status: ApprovalStatus,
  on: z.string().nullable().describe('受理、批复或退回日期（视状态）'),
  approvalNumber: z.string().nullable(),
});
export type ApprovalImportItemState = z.infer<typeof ItemState>;

/** What the import does (or would do) with one procedure cell of a project's row. */
export const ApprovalImportCell = z.object({
  column: z.string(),
  heading: z.string(),
  procedureName: z.string().nullable(),
  action: z
    .enum(['create', 'update', 'unchanged', 'invalid'])
    .describe('新建事项（从目录）/ 更新 / 无变化 / 有错误'),
  before: ItemState.nullable().describe('项目清单中现有的状态；没有该手续时为 null'),
  after: ItemState.nullable().describe('导入后的状态；有错误时为 null'),
  missingMaterials: z.array(z.string()).describe('容缺受理新登记的缺少材料'),
});
export type ApprovalImportCell = z.infer<typeof ApprovalImportCell>;

export const ApprovalImportRow = z.object({
  sheet,
  row,
  projectText: z.string().describe('表中的项目编码或名称'),
  projectId: Id.nullable(),
  projectName: z.string().nullable(),
  cells: z.array(ApprovalImportCell),
});
export type ApprovalImportRow = z.infer<typeof ApprovalImportRow>;

export const ApprovalImportCounts = z.object({
  rows: z.number().int(),
  projects: z.number().int().describe('匹配到的项目数'),
  itemsCreated: z.number().int(),
  itemsUpdated: z.number().int(),
  itemsUnchanged: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});

/** The preview (nothing written) or the committed import: per row and cell, counts and problems. */
export const ApprovalImportResult = z.object({
  fileName: z.string().nullable(),
  regionCode: z.string(),
  isDryRun: z.boolean(),
  isBlocked: z.boolean().describe('有错误时不能导入（全部或全不）'),
  counts: ApprovalImportCounts,
  rows: z.array(ApprovalImportRow),
  problems: z.array(ApprovalImportProblem),
});
export type ApprovalImportResult = z.infer<typeof ApprovalImportResult>;

/** The 422 answer of an import refused for blocking problems: the error plus every problem. */
export const ApprovalImportRefused = ErrorBody.extend({ problems: z.array(ApprovalImportProblem) });

export const ApprovalImportTemplateQuery = z
  .object({
    regionCode: z.string().max(20).optional().describe('按哪一辖区适用的目录生成表头，缺省为本单位辖区'),
  })
  .strict();
