import { planGoalsMaxLength, planSplitKinds, planStatuses } from '@tuijin/domain';
import { z } from 'zod';
import { Id, PageInfo, PageQuery, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { WanYuan } from './money';
import { ProjectLevel, ProjectStage } from './projects.contract';

export const PlanSplitKind = z.enum(planSplitKinds);
export const PlanStatus = z.enum(planStatuses);
export const PlanYear = z.coerce.number().int().min(2000).max(2100).describe('计划年度');

const month = z
  .number({ message: '月份应为 1–12' })
  .int({ message: '月份应为 1–12' })
  .min(1, { message: '月份应为 1–12' })
  .max(12, { message: '月份应为 1–12' });

/** The fields a person fills in on a plan (edit form and adjustment form alike). */
const planFields = {
  plannedInvestmentWanYuan: WanYuan.describe('年度计划投资（万元）'),
  priorCompletedWanYuan: WanYuan.nullable()
    .default(null)
    .describe('以前年度累计完成投资（万元），续建项目填写'),
  plansStart: z.boolean().default(false).describe('年内计划开工'),
  startMonth: month.nullable().default(null).describe('计划开工月份（计划开工时必填）'),
  plansCompletion: z.boolean().default(false).describe('年内计划竣工'),
  completionMonth: month.nullable().default(null).describe('计划竣工月份'),
  plansOperation: z.boolean().default(false).describe('年内计划投产'),
  operationMonth: month.nullable().default(null).describe('计划投产月份'),
  goals: text(planGoalsMaxLength).nullable().default(null).describe('年度建设目标（形象进度目标）'),
  splitKind: PlanSplitKind.default('none').describe(
    '分解方式：none 不分解，month 按月（12 个），quarter 按季（4 个）',
  ),
  splitWanYuan: z
    .array(WanYuan)
    .max(12)
    .nullable()
    .default(null)
    .describe('分解金额（万元），合计须等于年度计划投资'),
};

/** Creates (version null) or edits (current version) a project's draft plan for a year. */
export const SaveAnnualPlan = z
  .object({ ...planFields, version: Version.nullable().describe('新建时为 null；修改时为当前版本号') })
  .strict();
export type SaveAnnualPlan = z.infer<typeof SaveAnnualPlan>;

/** 年中调整 of a frozen plan: the new live fields, a reason, and the version the form was based on. */
export const AdjustAnnualPlan = z
  .object({ ...planFields, reason: requiredText(500).describe('调整原因'), version: Version })
  .strict();
export type AdjustAnnualPlan = z.infer<typeof AdjustAnnualPlan>;

/** Freezes one or many draft plans of a year as the year's baseline, in one transaction. */
export const FreezeAnnualPlans = z
  .object({
    year: PlanYear,
    plans: z
      .array(z.object({ id: Id, version: Version }).strict())
      .min(1, { message: '请至少选择一个计划' })
      .max(1000, { message: '一次最多冻结 1000 个计划' }),
  })
  .strict();
export type FreezeAnnualPlans = z.infer<typeof FreezeAnnualPlans>;

export const PlanBaseline = z
  .object({
    plannedInvestmentWanYuan: z.string(),
    splitKind: PlanSplitKind,
    splitWanYuan: z.array(z.string()).nullable(),
    plansStart: z.boolean(),
    plansCompletion: z.boolean(),
    plansOperation: z.boolean(),
  })
  .describe('冻结时的基准计划');

export const PlanAdjustment = z.object({
  id: z.string(),
  reason: z.string(),
  before: z.record(z.string(), z.unknown()).describe('调整前（仅变化的字段）'),
  after: z.record(z.string(), z.unknown()).describe('调整后（仅变化的字段）'),
  approvedByName: z.string(),
  at: z.string(),
});
export type PlanAdjustment = z.infer<typeof PlanAdjustment>;

/** One project's plan for one year: the adjusted (live) plan, its baseline, history and abilities. */
export const AnnualPlan = z.object({
  id: Id,
  projectId: Id,
  year: z.number().int(),
  plannedInvestmentWanYuan: z.string(),
  priorCompletedWanYuan: z.string().nullable(),
  plansStart: z.boolean(),
  startMonth: z.number().int().nullable(),
  plansCompletion: z.boolean(),
  completionMonth: z.number().int().nullable(),
  plansOperation: z.boolean(),
  operationMonth: z.number().int().nullable(),
  goals: z.string().nullable(),
  splitKind: PlanSplitKind,
  splitWanYuan: z.array(z.string()).nullable(),
  status: PlanStatus,
  baseline: PlanBaseline.nullable(),
  frozenAt: z.string().nullable(),
  frozenByName: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  adjustments: z.array(PlanAdjustment).describe('年中调整记录，最新在前'),
  abilities: z.object({ edit: z.boolean(), freeze: z.boolean(), adjust: z.boolean() }),
});
export type AnnualPlan = z.infer<typeof AnnualPlan>;

export const ProjectPlans = z.object({
  data: z.array(AnnualPlan).describe('各年度计划，年度倒序'),
  abilities: z.object({ create: z.boolean().describe('可新建计划') }),
});
export type ProjectPlans = z.infer<typeof ProjectPlans>;

export const PlanYearParams = z.object({ id: Id, year: PlanYear });

/** Filters of a year's plan list (also the export's). */
export const AnnualPlanQuery = PageQuery.extend({
  year: PlanYear,
  q: text(50).optional().describe('项目名称或代码'),
  region: text(20).optional().describe('区划代码（含下级）'),
  status: PlanStatus.optional(),
  domain: text(30).optional(),
  level: ProjectLevel.optional(),
});
export type AnnualPlanQuery = z.infer<typeof AnnualPlanQuery>;
export const AnnualPlanExportQuery = AnnualPlanQuery.omit({ page: true, pageSize: true });

export const AnnualPlanListItem = z.object({
  id: Id,
  projectId: Id,
  projectCode: z.string().nullable(),
  projectName: z.string(),
  regionName: z.string(),
  stage: ProjectStage,
  domain: z.string(),
  levels: z.array(ProjectLevel),
  year: z.number().int(),
  plannedInvestmentWanYuan: z.string(),
  baselineInvestmentWanYuan: z.string().nullable(),
  plansStart: z.boolean(),
  startMonth: z.number().int().nullable(),
  plansCompletion: z.boolean(),
  completionMonth: z.number().int().nullable(),
  plansOperation: z.boolean(),
  operationMonth: z.number().int().nullable(),
  status: PlanStatus,
  adjustmentCount: z.number().int(),
  version: z.number().int(),
  canFreeze: z.boolean(),
});
export type AnnualPlanListItem = z.infer<typeof AnnualPlanListItem>;

export const AnnualPlanPage = z.object({
  data: z.array(AnnualPlanListItem),
  page: PageInfo,
  totals: z
    .object({
      count: z.number().int(),
      plannedWanYuan: z.string().describe('调整后计划投资合计'),
      baselineWanYuan: z.string().describe('基准计划投资合计（仅已冻结）'),
    })
    .describe('当前筛选条件下全部计划的合计'),
});
export type AnnualPlanPage = z.infer<typeof AnnualPlanPage>;

export const FreezeResult = z.object({
  frozen: z.number().int(),
  data: z.array(z.object({ id: Id, version: z.number().int() })),
});

/** The plans module's endpoints (the server registers them, the client calls them). */
export const plansEndpoints = {
  listProjectPlans: endpoint({
    method: 'GET',
    path: '/api/projects/:id/annual-plans',
    summary: '项目的年度计划（各年度，含调整记录）',
    tag: 'plans',
    params: IdParams,
    response: ProjectPlans,
  }),
  saveAnnualPlan: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/annual-plans/:year',
    summary: '新建或修改年度计划（草稿）',
    tag: 'plans',
    params: PlanYearParams,
    body: SaveAnnualPlan,
    response: AnnualPlan,
  }),
  adjustAnnualPlan: endpoint({
    method: 'POST',
    path: '/api/annual-plans/:id/adjustments',
    summary: '年中调整（已冻结的计划）',
    tag: 'plans',
    params: IdParams,
    body: AdjustAnnualPlan,
    response: AnnualPlan,
  }),
  freezeAnnualPlans: endpoint({
    method: 'POST',
    path: '/api/annual-plans/freeze',
    summary: '冻结年度计划（作为年度基准）',
    tag: 'plans',
    body: FreezeAnnualPlans,
    response: FreezeResult,
  }),
  findAnnualPlans: endpoint({
    method: 'GET',
    path: '/api/annual-plans',
    summary: '某年度的计划列表（本辖区）及合计',
    tag: 'plans',
    query: AnnualPlanQuery,
    response: AnnualPlanPage,
  }),
} as const;
