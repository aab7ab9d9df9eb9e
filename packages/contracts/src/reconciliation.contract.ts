import { reconciliationFlags } from '@tuijin/domain';
import { z } from 'zod';
import { endpoint } from './endpoint';
import { WanYuan } from './money';

export const ReconciliationFlag = z.enum(reconciliationFlags);
export type ReconciliationFlag = z.infer<typeof ReconciliationFlag>;

const Year = z.coerce
  .number({ message: '年份应为 2000–2100 的整数' })
  .int({ message: '年份应为 2000–2100 的整数' })
  .min(2000, { message: '年份应为 2000–2100 的整数' })
  .max(2100, { message: '年份应为 2000–2100 的整数' });
const Month = z.coerce
  .number({ message: '月份应为 1–12 的整数' })
  .int({ message: '月份应为 1–12 的整数' })
  .min(1, { message: '月份应为 1–12 的整数' })
  .max(12, { message: '月份应为 1–12 的整数' });

/** The jurisdiction's thresholds (domain `ReconciliationSettings`). */
export const ReconciliationSettings = z.object({
  gapPercent: z
    .number({ message: '差异比例应为数字' })
    .gt(0, { message: '差异比例应大于 0' })
    .max(100, { message: '差异比例不能超过 100' })
    .describe('自报与入统之差超过入统数的百分之几时列出，如 10'),
  gapMinWanYuan: WanYuan.describe('且差额至少多少万元，如 100'),
});
export type ReconciliationSettings = z.infer<typeof ReconciliationSettings>;

/** The thresholds as answered (amounts as decimal strings). */
const SettingsAnswer = z.object({ gapPercent: z.number(), gapMinWanYuan: z.string() });

export const ReconciliationSettingsView = SettingsAnswer.extend({
  regionCode: z.string(),
  /** The region whose saved settings apply (an ancestor's, or null for the defaults). */
  fromRegionCode: z.string().nullable(),
  version: z.number().int().describe('本辖区设置的版本（0 为从未保存）'),
});
export type ReconciliationSettingsView = z.infer<typeof ReconciliationSettingsView>;

export const SaveReconciliationSettings = ReconciliationSettings.extend({
  regionCode: z.string().max(20).optional().describe('辖区，默认本人所在'),
  version: z.number().int().min(0),
}).strict();
export type SaveReconciliationSettings = z.infer<typeof SaveReconciliationSettings>;

export const ReconciliationQuery = z
  .object({
    regionCode: z.string().max(20).optional().describe('辖区，默认本人所在'),
    year: Year.optional().describe('年份，默认上一个报送月份所在年'),
    month: Month.optional().describe('月份（1–N 月累计），默认最近一个报送月份'),
    flaggedOnly: z.enum(['true', 'false']).optional().describe('true 时只列差异超限的项目'),
  })
  .strict();
export type ReconciliationQuery = z.infer<typeof ReconciliationQuery>;

export const ReconciliationRow = z.object({
  projectId: z.string(),
  projectName: z.string(),
  projectCode: z.string().nullable(),
  regionName: z.string(),
  reportedWanYuan: z.string().describe('自报：当年已审核月报 1–N 月累计完成投资'),
  statisticsWanYuan: z.string().nullable().describe('入统：统计局 1–N 月累计入统投资'),
  fundsPaidWanYuan: z.string().describe('资金：当年 1 月 1 日至月末支付的专项资金'),
  gapWanYuan: z.string().nullable().describe('自报 − 入统'),
  gapPercent: z.string().nullable().describe('|自报 − 入统| / 入统，%'),
  flags: z.array(ReconciliationFlag),
});
export type ReconciliationRow = z.infer<typeof ReconciliationRow>;

export const StatisticsImportSummary = z.object({
  id: z.string(),
  regionCode: z.string(),
  fileName: z.string().nullable(),
  rowCount: z.number().int(),
  importedByName: z.string(),
  importedAt: z.string(),
});
export type StatisticsImportSummary = z.infer<typeof StatisticsImportSummary>;

export const Reconciliation = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  settings: SettingsAnswer,
  imports: z.array(StatisticsImportSummary).describe('该月导入过的入统数据'),
  totals: z.object({
    projects: z.number().int(),
    flagged: z.number().int(),
    reportedWanYuan: z.string(),
    statisticsWanYuan: z.string(),
    fundsPaidWanYuan: z.string(),
    byFlag: z.record(ReconciliationFlag, z.number().int()),
  }),
  rows: z.array(ReconciliationRow),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

/** One problem of a statistics sheet, where it is. */
export const StatisticsImportProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type StatisticsImportProblem = z.infer<typeof StatisticsImportProblem>;

export const StatisticsImportRow = z.object({
  row: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  projectId: z.string(),
  yearToDateWanYuan: z.string(),
  previousWanYuan: z.string().nullable().describe('此前导入的同月数字；空为新增'),
});
export type StatisticsImportRow = z.infer<typeof StatisticsImportRow>;

export const StatisticsImportResult = z.object({
  year: z.number().int(),
  month: z.number().int(),
  regionCode: z.string(),
  sheet: z.string(),
  dryRun: z.boolean(),
  rows: z.array(StatisticsImportRow),
  problems: z.array(StatisticsImportProblem),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
});
export type StatisticsImportResult = z.infer<typeof StatisticsImportResult>;

/** 422: the refusal and every problem by row (the same shape as the other sheet imports). */
export const StatisticsImportRefused = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  problems: z.array(StatisticsImportProblem),
});

export const reconciliationEndpoints = {
  getReconciliation: endpoint({
    method: 'GET',
    path: '/api/reconciliation',
    summary: '三数比对：自报、入统与资金支付，差异超限的项目',
    tag: 'reconciliation',
    query: ReconciliationQuery,
    response: Reconciliation,
  }),
  getReconciliationSettings: endpoint({
    method: 'GET',
    path: '/api/reconciliation/settings',
    summary: '三数比对的差异阈值（本辖区或上级设置，缺省 10% 且 100 万元）',
    tag: 'reconciliation',
    query: z.object({ regionCode: z.string().max(20).optional() }).strict(),
    response: ReconciliationSettingsView,
  }),
  saveReconciliationSettings: endpoint({
    method: 'PUT',
    path: '/api/reconciliation/settings',
    summary: '保存本辖区的三数比对差异阈值（重点办）',
    tag: 'reconciliation',
    body: SaveReconciliationSettings,
    response: ReconciliationSettingsView,
  }),
} as const;
