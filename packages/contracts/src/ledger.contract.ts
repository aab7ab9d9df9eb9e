import { z } from 'zod';
import { ErrorBody } from './common';

const amount = z.string().nullable().describe('万元，精确小数字符串；空白为 null（未知），不是 0');
const total = z.string().describe('合计（万元），精确小数字符串');

const sheet = z.string().describe('工作表名称');

export const LedgerRecordPreview = z.object({
  sheet,
  row: z.number().int().describe('工作表中的行号（从 1 开始）'),
  name: z.string().nullable(),
  level: z.enum(['provincial']).nullable().describe('名称带 ★/■ 标记的为省重点'),
  category: z.string().nullable().describe('所属分类行，如 产业项目'),
  owner: z.string().nullable(),
  location: z.string().nullable(),
  scale: z.string().nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  totalInvestmentWanYuan: amount,
  annualPlanWanYuan: amount,
  completedToDateWanYuan: amount,
  annualTarget: z.string().nullable(),
  progress: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  leader: z.string().nullable(),
  remark: z.string().nullable(),
});

/** What an import does (or would do) with one record. */
export const LedgerRecordAction = z.object({
  sheet,
  row: z.number().int(),
  name: z.string().nullable(),
  action: z
    .enum(['create', 'update', 'unchanged', 'invalid'])
    .describe('新建 / 更新（列出变化的字段）/ 无变化 / 有错误不能导入'),
  regionCode: z.string().nullable().describe('项目所在区划'),
  projectId: z.string().nullable().describe('已有项目或新建项目的编号（预检时新建项目的编号不会保留）'),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  planYear: z.number().int().nullable().describe('年度计划投资写入的计划年度；该行没有年度计划投资时为 null'),
  planAction: z
    .enum(['create', 'update', 'unchanged', 'frozen', 'split'])
    .nullable()
    .describe(
      '对该项目年度计划草稿的处理：新建 / 更新计划投资 / 无变化 / 计划已冻结未修改 / 草稿已分解且金额不符未修改；没有年度计划投资时为 null',
    ),
});
export type LedgerRecordAction = z.infer<typeof LedgerRecordAction>;

export const LedgerImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  ownersCreated: z.number().int(),
  domainsCreated: z.number().int(),
  plansCreated: z.number().int().describe('新建的年度计划草稿数'),
  plansUpdated: z.number().int().describe('更新了计划投资的年度计划草稿数'),
  plansSkipped: z
    .number()
    .int()
    .describe('未修改的年度计划数（已冻结，或草稿已分解且金额不符），每个都有提示'),
});

const planYears = z.array(z.number().int()).describe('年度计划投资写入的计划年度');

const problem = z.object({
  sheet,
  row: z.number().int(),
  column: z.string().nullable().describe('Excel 列字母，如 G'),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

/** The answer of a committed import: counts, what was done per record, the warnings. */
export const LedgerImportResult = z.object({
  counts: LedgerImportCounts,
  actions: z.array(LedgerRecordAction),
  problems: z.array(problem),
  ownersCreated: z.array(z.object({ name: z.string(), regionCode: z.string() })),
  domainsCreated: z.array(z.string()),
  planYears,
});
export type LedgerImportResult = z.infer<typeof LedgerImportResult>;

export const LedgerPreview = z.object({
  records: z.array(LedgerRecordPreview),
  skippedRows: z.array(
    z.object({
      sheet,
      row: z.number().int(),
      kind: z.enum(['title', 'units', 'header', 'total', 'subtotal', 'category', 'blank', 'note']),
    }),
  ),
  problems: z.array(problem),
  actions: z.array(LedgerRecordAction).describe('导入时对每条记录的处理，与确认导入走同一段代码（事务回滚）'),
  counts: LedgerImportCounts,
  isBlocked: z.boolean().describe('有错误时不能导入'),
  planYears,
  totals: z.object({
    records: z.number().int(),
    totalInvestmentWanYuan: total,
    annualPlanWanYuan: total,
    completedToDateWanYuan: total,
  }),
});
export type LedgerPreview = z.infer<typeof LedgerPreview>;

/** The 422 answer of an import refused for blocking problems: the error plus every problem. */
export const LedgerImportRefused = ErrorBody.extend({ problems: z.array(problem) });

/** How one sheet of a progress workbook was read: its period, or why it was not (needsYear: ask the user). */
export const LedgerSheetPeriod = z.object({
  sheet,
  title: z.string().nullable(),
  status: z.enum(['ok', 'needsYear', 'noPeriod', 'noFigures', 'unreadable']),
  year: z.number().int().nullable(),
  fromMonth: z.number().int().nullable(),
  month: z.number().int().nullable().describe('写入哪个月的月报（报告期的最后一个月）'),
  reason: z.string().nullable(),
});

/** The answer of a progress-ledger import (or its dry run): per-sheet periods, the reports, problems. */
export const LedgerReportsResult = z.object({
  sheets: z.array(LedgerSheetPeriod),
  actions: z.array(
    z.object({
      sheet,
      row: z.number().int(),
      name: z.string().nullable(),
      projectId: z.string().nullable(),
      year: z.number().int().nullable(),
      month: z.number().int().nullable(),
      completedWanYuan: z.string().nullable(),
      action: z.enum(['create', 'unchanged', 'kept', 'skipped']),
      existing: z.object({ status: z.string(), completedWanYuan: z.string() }).nullable(),
    }),
  ),
  problems: z.array(problem),
  counts: z.object({
    created: z.number().int(),
    unchanged: z.number().int(),
    kept: z.number().int(),
    skipped: z.number().int(),
  }),
});
export type LedgerReportsResult = z.infer<typeof LedgerReportsResult>;
