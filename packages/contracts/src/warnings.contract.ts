import { WarningRuleSet, warningColours, warningDimensions, warningPresetIds } from '@tuijin/domain';
import { z } from 'zod';
import { Id, PageInfo, requiredText, Timestamp, Version } from './common';
import { endpoint, IdParams } from './endpoint';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const WarningColour = z.enum(warningColours);
export const WarningDimension = z.enum(warningDimensions);
export const WarningPresetId = z.enum(warningPresetIds);
export const WarningRules = WarningRuleSet;

/** A month as YYYY-MM. */
export const MonthKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
  .describe('月份，YYYY-MM');

/** Why a dimension is not green: a code the web localises, its numbers, and whether excused (正当理由). */
export const WarningReason = z.object({
  dimension: WarningDimension,
  colour: z.enum(['yellow', 'red']),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  excused: z.boolean(),
});
export type WarningReason = z.infer<typeof WarningReason>;

/** A project's colour for a month with its reasons and the rule version it came from. */
export const ProjectWarning = z.object({
  projectId: Id,
  projectName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  month: MonthKey,
  colour: WarningColour,
  reasons: z.array(WarningReason),
  ruleSetId: Id,
  ruleRegionCode: z.string(),
  ruleVersion: z.number().int(),
  computedAt: Timestamp,
});
export type ProjectWarning = z.infer<typeof ProjectWarning>;

export const WarningCounts = z.object({
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
});
export type WarningCounts = z.infer<typeof WarningCounts>;

export const WarningQuery = z
  .object({
    month: MonthKey.optional().describe('月份，默认上月'),
    colour: WarningColour.optional(),
    regionCode: z.string().max(30).optional().describe('只看该区划及下级'),
    projectIds: z
      .string()
      .max(200 * 37)
      .regex(new RegExp(`^${uuid}(,${uuid})*$`, 'i'), { message: '项目编号应为以逗号分隔的 UUID' })
      .optional()
      .describe('只看这些项目（逗号分隔，最多 200 个）'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type WarningQuery = z.infer<typeof WarningQuery>;

/** 区域预警: a region's colour for the month (Sanya's region rule) with the reason when not green. */
export const RegionWarning = z.object({
  regionCode: z.string(),
  colour: WarningColour,
  reasons: z.array(
    z.object({
      colour: z.enum(['yellow', 'red']),
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});
export type RegionWarning = z.infer<typeof RegionWarning>;

/**
 * 预警总览: counts by colour and by region (the caller's scope), and a page of projects.
 * `regionColours`: for each region in `byRegion` whose rule set has the region rule on, its colour;
 * absent when no applicable rule set has it on.
 */
export const WarningOverview = z.object({
  month: MonthKey,
  counts: WarningCounts,
  byRegion: z.array(WarningCounts.extend({ regionCode: z.string(), regionName: z.string() })),
  regionColours: z.array(RegionWarning).optional(),
  data: z.array(ProjectWarning),
  page: PageInfo,
});
export type WarningOverview = z.infer<typeof WarningOverview>;

export const SnailQuery = z
  .object({
    month: MonthKey.optional(),
    months: z.coerce.number().int().min(2).max(12).optional().describe('连续红灯月数，默认取规则设置（3）'),
  })
  .strict();
export type SnailQuery = z.infer<typeof SnailQuery>;

/** 蜗牛榜: projects red for N months in a row up to the month. */
export const SnailList = z.object({
  month: MonthKey,
  months: z.number().int(),
  data: z.array(ProjectWarning.extend({ consecutiveRedMonths: z.number().int() })),
});
export type SnailList = z.infer<typeof SnailList>;

/** 正当理由 recorded by an office. */
export const WarningGrace = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  dimension: WarningDimension,
  fromMonth: MonthKey,
  toMonth: MonthKey.nullable(),
  reason: z.string(),
  recordedByName: z.string(),
  recordedAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  revokedByName: z.string().nullable(),
});
export type WarningGrace = z.infer<typeof WarningGrace>;

export const WarningGraceList = z.object({ data: z.array(WarningGrace) });
export type WarningGraceList = z.infer<typeof WarningGraceList>;

export const WarningGraceQuery = z.object({ projectId: Id.optional() }).strict();

export const CreateWarningGrace = z
  .object({
    projectId: Id.describe('项目'),
    dimension: WarningDimension.describe('免予预警的维度'),
    fromMonth: MonthKey.describe('起始月份'),
    toMonth: MonthKey.nullable().default(null).describe('截止月份（空：长期）'),
    reason: requiredText(500).describe('正当理由'),
  })
  .strict();
export type CreateWarningGrace = z.infer<typeof CreateWarningGrace>;

/** A project's warning page: the latest colour and the history under the rules that applied. */
export const ProjectWarnings = z.object({
  current: ProjectWarning.nullable(),
  history: z.array(ProjectWarning),
  graces: z.array(WarningGrace),
});
export type ProjectWarnings = z.infer<typeof ProjectWarnings>;

/** One version of a region's rule set. */
export const WarningRuleSetView = z.object({
  id: Id,
  regionCode: z.string(),
  ruleVersion: z.number().int(),
  status: z.enum(['draft', 'published']),
  name: z.string(),
  preset: WarningPresetId.nullable(),
  rules: WarningRules,
  version: Version,
  publishedAt: Timestamp.nullable(),
  publishedByName: z.string().nullable(),
  updatedAt: Timestamp,
});
export type WarningRuleSetView = z.infer<typeof WarningRuleSetView>;

/** A region's rule sets: all its versions, and which region's published one applies to it. */
export const WarningRuleSets = z.object({
  regionCode: z.string(),
  applying: WarningRuleSetView.nullable(),
  versions: z.array(WarningRuleSetView),
  canManage: z.boolean(),
});
export type WarningRuleSets = z.infer<typeof WarningRuleSets>;

export const WarningRuleSetsQuery = z.object({ regionCode: z.string().max(30).optional() }).strict();

export const CreateWarningDraft = z
  .object({
    regionCode: z.string().min(1).max(30).describe('区划代码'),
    preset: WarningPresetId.nullable().default(null).describe('从预设创建；空则复制当前生效版本'),
  })
  .strict();
export type CreateWarningDraft = z.infer<typeof CreateWarningDraft>;

export const UpdateWarningDraft = z
  .object({
    version: Version,
    name: requiredText(100).describe('规则名称'),
    preset: WarningPresetId.nullable().default(null),
    rules: WarningRules,
  })
  .strict();
export type UpdateWarningDraft = z.infer<typeof UpdateWarningDraft>;

export const PublishWarningDraft = z.object({ version: Version }).strict();

export const WarningPreviewQuery = z.object({ month: MonthKey.optional() }).strict();

/** 预览: exactly the projects whose colour for the month would change under the draft, and why. */
export const WarningPreview = z.object({
  month: MonthKey,
  evaluated: z.number().int(),
  changes: z.array(
    z.object({
      projectId: Id,
      projectName: z.string(),
      regionName: z.string(),
      before: z.object({ colour: WarningColour, reasons: z.array(WarningReason) }).nullable(),
      after: z.object({ colour: WarningColour, reasons: z.array(WarningReason) }),
    }),
  ),
});
export type WarningPreview = z.infer<typeof WarningPreview>;

export const RecomputeWarnings = z.object({ month: MonthKey }).strict();

export const RecomputeResult = z.object({
  month: MonthKey,
  computed: z.number().int(),
  changed: z.number().int(),
  counts: WarningCounts,
});
export type RecomputeResult = z.infer<typeof RecomputeResult>;

/** The warnings module's endpoints (the server registers them, the client calls them). */
export const warningsEndpoints = {
  listWarnings: endpoint({
    method: 'GET',
    path: '/api/warnings',
    summary: '红黄绿灯预警：本月（默认上月）按颜色、区划统计与项目清单',
    tag: 'warnings',
    query: WarningQuery,
    response: WarningOverview,
  }),
  listSnails: endpoint({
    method: 'GET',
    path: '/api/warnings/snails',
    summary: '蜗牛榜：连续 N 个月红灯的项目',
    tag: 'warnings',
    query: SnailQuery,
    response: SnailList,
  }),
  recomputeWarnings: endpoint({
    method: 'POST',
    path: '/api/warnings/recompute',
    summary: '按当前生效规则重新计算本辖区某月的预警颜色',
    tag: 'warnings',
    body: RecomputeWarnings,
    response: RecomputeResult,
  }),
  getProjectWarnings: endpoint({
    method: 'GET',
    path: '/api/projects/:id/warnings',
    summary: '项目的预警颜色、原因与历史',
    tag: 'warnings',
    params: IdParams,
    response: ProjectWarnings,
  }),
  listWarningRuleSets: endpoint({
    method: 'GET',
    path: '/api/warning-rule-sets',
    summary: '区划的预警规则各版本及生效版本',
    tag: 'warnings',
    query: WarningRuleSetsQuery,
    response: WarningRuleSets,
  }),
  createWarningDraft: endpoint({
    method: 'POST',
    path: '/api/warning-rule-sets',
    summary: '新建预警规则草稿（从预设或当前生效版本）',
    tag: 'warnings',
    body: CreateWarningDraft,
    response: WarningRuleSetView,
  }),
  updateWarningDraft: endpoint({
    method: 'PUT',
    path: '/api/warning-rule-sets/:id',
    summary: '修改预警规则草稿的阈值',
    tag: 'warnings',
    params: IdParams,
    body: UpdateWarningDraft,
    response: WarningRuleSetView,
  }),
  previewWarningDraft: endpoint({
    method: 'GET',
    path: '/api/warning-rule-sets/:id/preview',
    summary: '预览：按草稿计算上月，列出颜色会变化的项目',
    tag: 'warnings',
    params: IdParams,
    query: WarningPreviewQuery,
    response: WarningPreview,
  }),
  publishWarningDraft: endpoint({
    method: 'POST',
    path: '/api/warning-rule-sets/:id/publish',
    summary: '发布预警规则草稿（发布后不可修改）并重算上月',
    tag: 'warnings',
    params: IdParams,
    body: PublishWarningDraft,
    response: WarningRuleSetView,
  }),
  listWarningGraces: endpoint({
    method: 'GET',
    path: '/api/warning-graces',
    summary: '预警正当理由（本辖区）',
    tag: 'warnings',
    query: WarningGraceQuery,
    response: WarningGraceList,
  }),
  createWarningGrace: endpoint({
    method: 'POST',
    path: '/api/warning-graces',
    summary: '登记正当理由：某项目某维度在某些月份免予预警',
    tag: 'warnings',
    body: CreateWarningGrace,
    response: WarningGrace,
  }),
  revokeWarningGrace: endpoint({
    method: 'POST',
    path: '/api/warning-graces/:id/revoke',
    summary: '撤销正当理由',
    tag: 'warnings',
    params: IdParams,
    response: WarningGrace,
  }),
} as const;
