import { fundApplicationStages, fundKinds } from '@tuijin/domain';
import { z } from 'zod';
import { Id, Ok, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';
import { WanYuan } from './money';

export const FundKind = z.enum(fundKinds, {
  message: '资金类型应为专项债券、中央预算内投资或超长期特别国债',
});
export type FundKind = z.infer<typeof FundKind>;
export const FundApplicationStage = z.enum(fundApplicationStages, { message: '无效的申报阶段' });
export type FundApplicationStage = z.infer<typeof FundApplicationStage>;

const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const FundYear = z
  .number({ message: '年度应为 2000–2100 的整数' })
  .int({ message: '年度应为整数' })
  .min(2000, { message: '年度应为 2000–2100 的整数' })
  .max(2100, { message: '年度应为 2000–2100 的整数' });

/** 资金申报: a project's application for a fund of a year (enters 谋划储备). */
export const CreateFundApplication = z
  .object({
    kind: FundKind.describe(
      'specialBond 专项债券，centralBudget 中央预算内投资，ultraLongTreasury 超长期特别国债',
    ),
    year: FundYear.describe('申报年度'),
    requestedWanYuan: WanYuan.describe('申请金额（万元）'),
    plannedOn: IsoDate.nullable().default(null).describe('纳入谋划储备日期；空则为今天'),
    note: text(1000).nullable().default(null),
  })
  .strict();
export type CreateFundApplication = z.infer<typeof CreateFundApplication>;

export const UpdateFundApplication = z
  .object({
    version: Version,
    kind: FundKind,
    year: FundYear,
    requestedWanYuan: WanYuan,
    note: text(1000).nullable().default(null),
  })
  .strict();
export type UpdateFundApplication = z.infer<typeof UpdateFundApplication>;

/** A stage move of the pipeline (domain `fundApplicationMoves`), dated (default today). */
export const MoveFundApplication = z
  .object({
    version: Version,
    stage: FundApplicationStage,
    on: IsoDate.nullable().default(null).describe('进入该阶段的日期；空则为今天'),
  })
  .strict();
export type MoveFundApplication = z.infer<typeof MoveFundApplication>;

export const FundApplication = z.object({
  id: Id,
  projectId: Id,
  kind: FundKind,
  year: z.number().int(),
  requestedWanYuan: z.string(),
  stage: FundApplicationStage,
  plannedOn: z.string().nullable(),
  provincialReviewOn: z.string().nullable(),
  submittedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  rejectedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** The stages it may move to now (empty when the caller may not manage). */
  nextStages: z.array(FundApplicationStage),
  version: z.number().int(),
});
export type FundApplication = z.infer<typeof FundApplication>;

/** 资金下达: an allocation issued to the project. */
export const SaveFundAllocation = z
  .object({
    kind: FundKind,
    year: FundYear.describe('资金年度'),
    batch: text(50).nullable().default(null).describe('批次，如 第三批'),
    amountWanYuan: WanYuan.describe('下达金额（万元）'),
    issuedOn: IsoDate.describe('下达日期'),
    documentNumber: text(100).nullable().default(null).describe('下达文号'),
  })
  .strict();
export type SaveFundAllocation = z.infer<typeof SaveFundAllocation>;
export const UpdateFundAllocation = SaveFundAllocation.extend({ version: Version }).strict();
export type UpdateFundAllocation = z.infer<typeof UpdateFundAllocation>;

/** 资金支付: money paid out of an allocation; the paid total may not pass the allocation. */
export const SaveFundPayment = z
  .object({
    paidOn: IsoDate.describe('支付日期'),
    amountWanYuan: WanYuan.describe('支付金额（万元）'),
    note: text(500).nullable().default(null),
    evidenceFileId: Id.nullable().default(null).describe('佐证材料：本项目已上传的文件'),
  })
  .strict();
export type SaveFundPayment = z.infer<typeof SaveFundPayment>;
export const UpdateFundPayment = SaveFundPayment.extend({ version: Version }).strict();
export type UpdateFundPayment = z.infer<typeof UpdateFundPayment>;

export const VersionQuery = z
  .object({ version: z.coerce.number().int().min(0).describe('记录版本号') })
  .strict();

export const FundPayment = z.object({
  id: Id,
  allocationId: Id,
  paidOn: z.string(),
  amountWanYuan: z.string(),
  note: z.string().nullable(),
  evidenceFileId: Id.nullable(),
  version: z.number().int(),
});
export type FundPayment = z.infer<typeof FundPayment>;

export const FundAllocation = z.object({
  id: Id,
  projectId: Id,
  kind: FundKind,
  year: z.number().int(),
  batch: z.string().nullable(),
  amountWanYuan: z.string(),
  issuedOn: z.string(),
  documentNumber: z.string().nullable(),
  paidWanYuan: z.string(),
  remainingWanYuan: z.string(),
  payments: z.array(FundPayment),
  version: z.number().int(),
});
export type FundAllocation = z.infer<typeof FundAllocation>;

export const ProjectFunds = z.object({
  projectId: Id,
  actualStartOn: z.string().nullable(),
  applications: z.array(FundApplication),
  allocations: z.array(FundAllocation),
  /** An office over the project: applications and allocations. */
  canManage: z.boolean(),
  /** The office, or the project's owner unit: payments. */
  canPay: z.boolean(),
});
export type ProjectFunds = z.infer<typeof ProjectFunds>;

const Rate = z.object({
  numerator: z.string(),
  denominator: z.string(),
  percent: z.string().nullable().describe('百分比，一位小数；分母为 0 时为 null'),
});

/** The figures of one region (or the whole jurisdiction) for a year and kind. */
export const FundFigures = z.object({
  fundedProjects: z.number().int().describe('有该年度该类资金下达的项目数'),
  startedProjects: z.number().int().describe('其中已开工（实际开工日期不晚于统计日）'),
  startRate: Rate.describe('开工率 = 已开工 ÷ 资金项目'),
  allocatedWanYuan: z.string(),
  paidWanYuan: z.string(),
  disbursementRate: Rate.describe('支付率 = 已支付 ÷ 下达'),
  idleCount: z.number().int(),
  idleWanYuan: z.string(),
});
export type FundFigures = z.infer<typeof FundFigures>;

export const FundOverviewQuery = z
  .object({
    regionCode: z.string().max(20).optional().describe('辖区，默认本人所在'),
    year: z.coerce.number().int().min(2000).max(2100).optional().describe('资金年度，默认本年'),
    kind: FundKind.optional().describe('资金类型，空则全部'),
    idleMonths: z.coerce
      .number({ message: '闲置月数应为 1–60 的整数' })
      .int({ message: '闲置月数应为 1–60 的整数' })
      .min(1, { message: '闲置月数应为 1–60 的整数' })
      .max(60, { message: '闲置月数应为 1–60 的整数' })
      .optional()
      .describe('下达后未开工满多少个月算闲置，默认 3'),
  })
  .strict();
export type FundOverviewQuery = z.infer<typeof FundOverviewQuery>;

export const IdleFund = z.object({
  allocationId: Id,
  projectId: Id,
  projectName: z.string(),
  regionName: z.string(),
  kind: FundKind,
  year: z.number().int(),
  batch: z.string().nullable(),
  amountWanYuan: z.string(),
  issuedOn: z.string(),
  monthsIdle: z.number().int(),
});
export type IdleFund = z.infer<typeof IdleFund>;

export const FundPipelineRow = z.object({
  kind: FundKind,
  total: z.number().int(),
  byStage: z.record(FundApplicationStage, z.number().int()),
  passedProvincialReview: z.number().int().describe('通过省级审核（已报送国家发改委及以后）'),
});
export type FundPipelineRow = z.infer<typeof FundPipelineRow>;

export const FundOverview = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: z.number().int(),
  kind: FundKind.nullable(),
  asOf: z.string().describe('统计日 YYYY-MM-DD'),
  idleMonths: z.number().int(),
  totals: FundFigures,
  regions: z.array(FundFigures.extend({ regionCode: z.string(), regionName: z.string() })),
  idle: z.array(IdleFund),
  pipeline: z.array(FundPipelineRow),
});
export type FundOverview = z.infer<typeof FundOverview>;

/** One problem of a 资金台账 sheet, where it is (row and column as Excel shows them). */
export const FundImportProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type FundImportProblem = z.infer<typeof FundImportProblem>;

/** A sheet row the import records (`created`) or finds already recorded (`existing`). */
export const FundImportRow = z.object({
  row: z.number().int(),
  record: z.enum(['allocation', 'payment']).describe('allocation 资金下达，payment 资金支付'),
  status: z
    .enum(['created', 'existing'])
    .describe('created 将登记/已登记，existing 系统中已有（不重复登记）'),
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  kind: FundKind,
  year: z.number().int(),
  batch: z.string().nullable(),
  amountWanYuan: z.string(),
  on: z.string().describe('下达日期或支付日期 YYYY-MM-DD'),
  text: z.string().nullable().describe('下达文号或支付凭证/说明'),
});
export type FundImportRow = z.infer<typeof FundImportRow>;

export const FundImportResult = z.object({
  sheet: z.string(),
  dryRun: z.boolean(),
  rows: z.array(FundImportRow),
  problems: z.array(FundImportProblem),
  counts: z.object({
    allocationsCreated: z.number().int(),
    allocationsExisting: z.number().int(),
    paymentsCreated: z.number().int(),
    paymentsExisting: z.number().int(),
  }),
});
export type FundImportResult = z.infer<typeof FundImportResult>;

/** 422: the refusal and every problem by row (the same shape as the other sheet imports). */
export const FundImportRefused = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  problems: z.array(FundImportProblem),
});

export const FundItemParams = z.object({ id: Id });

export const fundsEndpoints = {
  getProjectFunds: endpoint({
    method: 'GET',
    path: '/api/projects/:id/funds',
    summary: '项目资金：申报、下达与支付',
    tag: 'funds',
    params: IdParams,
    response: ProjectFunds,
  }),
  createFundApplication: endpoint({
    method: 'POST',
    path: '/api/projects/:id/fund-applications',
    summary: '新增资金申报（重点办）',
    tag: 'funds',
    params: IdParams,
    body: CreateFundApplication,
    response: FundApplication,
  }),
  updateFundApplication: endpoint({
    method: 'PATCH',
    path: '/api/fund-applications/:id',
    summary: '修改资金申报（重点办）',
    tag: 'funds',
    params: FundItemParams,
    body: UpdateFundApplication,
    response: FundApplication,
  }),
  moveFundApplication: endpoint({
    method: 'POST',
    path: '/api/fund-applications/:id/stage',
    summary: '资金申报进入下一阶段（省级审核、报送国家发改委、批复、未通过）',
    tag: 'funds',
    params: FundItemParams,
    body: MoveFundApplication,
    response: FundApplication,
  }),
  removeFundApplication: endpoint({
    method: 'DELETE',
    path: '/api/fund-applications/:id',
    summary: '删除资金申报（重点办）',
    tag: 'funds',
    params: FundItemParams,
    query: VersionQuery,
    response: Ok,
  }),
  createFundAllocation: endpoint({
    method: 'POST',
    path: '/api/projects/:id/fund-allocations',
    summary: '登记资金下达（重点办）',
    tag: 'funds',
    params: IdParams,
    body: SaveFundAllocation,
    response: FundAllocation,
  }),
  updateFundAllocation: endpoint({
    method: 'PATCH',
    path: '/api/fund-allocations/:id',
    summary: '修改资金下达（重点办）',
    tag: 'funds',
    params: FundItemParams,
    body: UpdateFundAllocation,
    response: FundAllocation,
  }),
  removeFundAllocation: endpoint({
    method: 'DELETE',
    path: '/api/fund-allocations/:id',
    summary: '删除资金下达（无支付记录时，重点办）',
    tag: 'funds',
    params: FundItemParams,
    query: VersionQuery,
    response: Ok,
  }),
  createFundPayment: endpoint({
    method: 'POST',
    path: '/api/fund-allocations/:id/payments',
    summary: '登记资金支付（重点办或项目业主）',
    tag: 'funds',
    params: FundItemParams,
    body: SaveFundPayment,
    response: FundAllocation,
  }),
  updateFundPayment: endpoint({
    method: 'PATCH',
    path: '/api/fund-payments/:id',
    summary: '修改资金支付',
    tag: 'funds',
    params: FundItemParams,
    body: UpdateFundPayment,
    response: FundAllocation,
  }),
  removeFundPayment: endpoint({
    method: 'DELETE',
    path: '/api/fund-payments/:id',
    summary: '删除资金支付（保留记录，不再计入）',
    tag: 'funds',
    params: FundItemParams,
    query: VersionQuery,
    response: FundAllocation,
  }),
  fundOverview: endpoint({
    method: 'GET',
    path: '/api/funds/overview',
    summary: '资金保障：分地区开工率与支付率、闲置资金、申报进度',
    tag: 'funds',
    query: FundOverviewQuery,
    response: FundOverview,
  }),
} as const;
