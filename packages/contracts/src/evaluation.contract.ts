import { evaluationEntityKinds, evaluationIndicatorKeys, evaluationPresetIds } from '@tuijin/domain';
import { z } from 'zod';
import { Id, Ok, requiredText, Timestamp, Version } from './common';
import { endpoint, IdParams } from './endpoint';

export const EvaluationIndicatorKey = z.enum(evaluationIndicatorKeys);
export type EvaluationIndicatorKey = z.infer<typeof EvaluationIndicatorKey>;
export const EvaluationPresetId = z.enum(evaluationPresetIds);

const points = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\.\d{1,2})?$/, { message: '应为最多两位小数的分值，如 5 或 2.5' });

/** Quarter key `2026Q3`. */
export const QuarterKey = z
  .string()
  .regex(/^\d{4}Q[1-4]$/, { message: '季度格式应为 2026Q3' })
  .describe('季度，如 2026Q3');

export const EvaluationRules = z
  .object({
    indicators: z
      .array(z.object({ key: EvaluationIndicatorKey, weight: points.describe('该项满分') }).strict())
      .min(1, { message: '至少需要一项考评指标' })
      .max(evaluationIndicatorKeys.length)
      .describe('考评指标及权重（分值）'),
    redTopN: z.number().int().min(0).max(100).describe('红榜：达标且排名前 N 名'),
    blackBottomM: z.number().int().min(0).max(100).describe('黑榜：未达标且排名后 M 名（免责单位不上黑榜）'),
    requireTimeProgress: z.boolean().describe('达标条件：投资计划完成率不低于序时进度'),
    passScore: points.nullable().describe('达标条件：综合得分不低于此分（可空）'),
  })
  .strict();
export type EvaluationRules = z.infer<typeof EvaluationRules>;

export const EvaluationScheme = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  entityKind: z.enum(evaluationEntityKinds),
  rules: EvaluationRules,
  preset: z.string().nullable(),
  version: z.number().int(),
  updatedAt: Timestamp,
  canManage: z.boolean().describe('当前用户能否修改方案、录入加减分、计算和发布'),
  entities: z
    .array(z.object({ code: z.string(), name: z.string() }))
    .describe('考评对象：下级区划（代码）或本级行业主管部门（单位编号）'),
});
export type EvaluationScheme = z.infer<typeof EvaluationScheme>;
export const EvaluationSchemeList = z.object({ data: z.array(EvaluationScheme) });
export type EvaluationSchemeList = z.infer<typeof EvaluationSchemeList>;

/** 新建考评方案: from a preset, or with rules composed by hand. */
export const CreateEvaluationScheme = z
  .object({
    regionCode: z.string().max(20).describe('方案所属区划（对其下级区划赛马）'),
    name: requiredText(100).describe('方案名称'),
    entityKind: z
      .enum(evaluationEntityKinds)
      .default('region')
      .describe('考评对象：region 下级区划，department 本级行业主管部门'),
    preset: EvaluationPresetId.nullable().default(null).describe('预设方案；为空时用 rules'),
    rules: EvaluationRules.nullable().default(null),
  })
  .strict();
export type CreateEvaluationScheme = z.infer<typeof CreateEvaluationScheme>;

export const UpdateEvaluationScheme = z
  .object({ version: Version, name: requiredText(100).describe('方案名称'), rules: EvaluationRules })
  .strict();
export type UpdateEvaluationScheme = z.infer<typeof UpdateEvaluationScheme>;

export const EvaluationAdjustmentKind = z.enum(['bonus', 'penalty', 'exemption']);
export type EvaluationAdjustmentKind = z.infer<typeof EvaluationAdjustmentKind>;

/** 加减分/免责: bonus and penalty carry points; an exemption carries only its reason. */
export const AddEvaluationAdjustment = z
  .object({
    quarter: QuarterKey,
    entityCode: z.string().max(20).describe('被考评区划'),
    kind: EvaluationAdjustmentKind.describe('bonus 加分，penalty 扣分，exemption 免责'),
    points: points.nullable().default(null).describe('分值（加分、扣分必填；免责为空）'),
    reason: requiredText(500).describe('事由，如“承办全市集中开工活动”“台风不可抗力停工”'),
    campaignEventId: Id.nullable()
      .default(null)
      .describe('加分所依据的集中开竣工活动（可选；活动须在该季度内举行）'),
  })
  .strict();
export type AddEvaluationAdjustment = z.infer<typeof AddEvaluationAdjustment>;

export const EvaluationAdjustment = z.object({
  id: Id,
  quarter: z.string(),
  entityCode: z.string(),
  entityName: z.string(),
  kind: EvaluationAdjustmentKind,
  points: z.string().nullable(),
  reason: z.string(),
  /** The 集中开竣工 event a bonus is for, if any. */
  campaignEvent: z.object({ id: Id, name: z.string(), heldOn: z.string() }).nullable(),
  createdByName: z.string(),
  createdAt: Timestamp,
});
export type EvaluationAdjustment = z.infer<typeof EvaluationAdjustment>;
export const EvaluationAdjustmentList = z.object({ data: z.array(EvaluationAdjustment) });
export type EvaluationAdjustmentList = z.infer<typeof EvaluationAdjustmentList>;

export const QuarterQuery = z.object({ quarter: QuarterKey }).strict();
export type QuarterQuery = z.infer<typeof QuarterQuery>;
export const QuarterBody = z.object({ quarter: QuarterKey }).strict();
export type QuarterBody = z.infer<typeof QuarterBody>;

export const IndicatorScore = z.object({
  key: EvaluationIndicatorKey,
  numerator: z.string(),
  denominator: z.string(),
  percent: z.string().nullable(),
  scoredPercent: z.string().nullable(),
  isNotApplicable: z.boolean(),
  weight: z.string(),
  points: z.string(),
});

export const EvaluationEntry = z.object({
  code: z.string(),
  name: z.string(),
  rank: z.number().int(),
  total: z.string(),
  indicatorPoints: z.string(),
  adjustmentPoints: z.string(),
  indicators: z.array(IndicatorScore),
  adjustments: z.array(
    z.object({ kind: z.enum(['bonus', 'penalty']), points: z.string(), reason: z.string() }),
  ),
  isTargetMet: z.boolean(),
  timeProgressPercent: z.string().nullable(),
  list: z.enum(['red', 'black']).nullable(),
  exemptionReason: z.string().nullable(),
  isSparedByExemption: z.boolean(),
});
export type EvaluationEntry = z.infer<typeof EvaluationEntry>;

export const EvaluationRun = z.object({
  id: Id,
  quarter: z.string(),
  schemeVersion: z.number().int(),
  schemeName: z.string(),
  rules: EvaluationRules,
  status: z.enum(['computed', 'published']),
  computedAt: Timestamp,
  computedByName: z.string(),
  publishedAt: Timestamp.nullable(),
  publishedByName: z.string().nullable(),
});
export type EvaluationRun = z.infer<typeof EvaluationRun>;

/** One quarter's ranking: null run when nothing has been computed (or published, for a reader below). */
export const EvaluationResults = z.object({
  schemeId: Id,
  quarter: z.string(),
  run: EvaluationRun.nullable(),
  entries: z.array(EvaluationEntry),
  isStale: z.boolean().describe('方案已修改，本结果按旧版本计算'),
});
export type EvaluationResults = z.infer<typeof EvaluationResults>;

export const WhatItTakesQuery = z
  .object({
    quarter: QuarterKey,
    code: z.string().max(20).describe('区划'),
    rank: z.coerce.number().int().min(1).max(1000).describe('目标名次'),
  })
  .strict();
export type WhatItTakesQuery = z.infer<typeof WhatItTakesQuery>;

export const WhatItTakes = z.object({
  code: z.string(),
  targetRank: z.number().int(),
  currentRank: z.number().int(),
  extraPoints: z.string(),
  thresholdTotal: z.string().nullable(),
  indicators: z.array(
    z.object({
      key: EvaluationIndicatorKey,
      isFeasible: z.boolean(),
      neededPercent: z.string().nullable(),
      neededNumerator: z.string().nullable(),
      extraNumerator: z.string().nullable(),
    }),
  ),
});
export type WhatItTakes = z.infer<typeof WhatItTakes>;

export const HistoryQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') })
  .strict();
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const EvaluationHistory = z.object({
  schemeId: Id,
  year: z.number().int(),
  quarters: z.array(
    z.object({
      quarter: z.string(),
      status: z.enum(['computed', 'published']),
      entries: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          rank: z.number().int(),
          total: z.string(),
          list: z.enum(['red', 'black']).nullable(),
        }),
      ),
    }),
  ),
});
export type EvaluationHistory = z.infer<typeof EvaluationHistory>;

export const EvaluationRunSummary = z.object({ run: EvaluationRun, entries: z.number().int() });
export type EvaluationRunSummary = z.infer<typeof EvaluationRunSummary>;

/** The evaluation module's endpoints (the server registers them, the client calls them). */
export const evaluationEndpoints = {
  listEvaluationSchemes: endpoint({
    method: 'GET',
    path: '/api/evaluation-schemes',
    summary: '考评（赛马）方案：本辖区的及上级已发布晾晒的',
    tag: 'evaluation',
    response: EvaluationSchemeList,
  }),
  createEvaluationScheme: endpoint({
    method: 'POST',
    path: '/api/evaluation-schemes',
    summary: '新建考评方案（可套用预设）',
    tag: 'evaluation',
    body: CreateEvaluationScheme,
    response: EvaluationScheme,
  }),
  getEvaluationScheme: endpoint({
    method: 'GET',
    path: '/api/evaluation-schemes/:id',
    summary: '考评方案',
    tag: 'evaluation',
    params: IdParams,
    response: EvaluationScheme,
  }),
  updateEvaluationScheme: endpoint({
    method: 'PUT',
    path: '/api/evaluation-schemes/:id',
    summary: '修改考评方案（权重、达标条件、红黑榜名额）；版本号加一',
    tag: 'evaluation',
    params: IdParams,
    body: UpdateEvaluationScheme,
    response: EvaluationScheme,
  }),
  listEvaluationAdjustments: endpoint({
    method: 'GET',
    path: '/api/evaluation-schemes/:id/adjustments',
    summary: '某季度的加减分与免责',
    tag: 'evaluation',
    params: IdParams,
    query: QuarterQuery,
    response: EvaluationAdjustmentList,
  }),
  addEvaluationAdjustment: endpoint({
    method: 'POST',
    path: '/api/evaluation-schemes/:id/adjustments',
    summary: '录入加分、扣分或免责（附事由）',
    tag: 'evaluation',
    params: IdParams,
    body: AddEvaluationAdjustment,
    response: EvaluationAdjustment,
  }),
  deleteEvaluationAdjustment: endpoint({
    method: 'DELETE',
    path: '/api/evaluation-adjustments/:id',
    summary: '删除加减分或免责（季度结果发布前）',
    tag: 'evaluation',
    params: IdParams,
    response: Ok,
  }),
  computeEvaluation: endpoint({
    method: 'POST',
    path: '/api/evaluation-schemes/:id/compute',
    summary: '计算某季度考评结果（可重复计算；已发布的季度不可再算）',
    tag: 'evaluation',
    params: IdParams,
    body: QuarterBody,
    response: EvaluationRunSummary,
  }),
  publishEvaluation: endpoint({
    method: 'POST',
    path: '/api/evaluation-schemes/:id/publish',
    summary: '发布某季度考评结果（发布后冻结，下级可见）',
    tag: 'evaluation',
    params: IdParams,
    body: QuarterBody,
    response: EvaluationRunSummary,
  }),
  getEvaluationResults: endpoint({
    method: 'GET',
    path: '/api/evaluation-schemes/:id/results',
    summary: '某季度排名、得分构成、红黑榜',
    tag: 'evaluation',
    params: IdParams,
    query: QuarterQuery,
    response: EvaluationResults,
  }),
  getEvaluationWhatItTakes: endpoint({
    method: 'GET',
    path: '/api/evaluation-schemes/:id/what-it-takes',
    summary: '差距测算：某区划要达到第 K 名需要多少分、各指标需要多少',
    tag: 'evaluation',
    params: IdParams,
    query: WhatItTakesQuery,
    response: WhatItTakes,
  }),
  getEvaluationHistory: endpoint({
    method: 'GET',
    path: '/api/evaluation-schemes/:id/history',
    summary: '各季度得分与名次',
    tag: 'evaluation',
    params: IdParams,
    query: HistoryQuery,
    response: EvaluationHistory,
  }),
} as const;
