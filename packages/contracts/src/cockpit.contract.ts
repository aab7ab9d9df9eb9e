import { cockpitProgrammeParts, constructionTypes, sizeFilterKeys } from '@tuijin/domain';
import { z } from 'zod';
import { ApprovalFigures } from './approvals.contract';
import { Id } from './common';
import { endpoint } from './endpoint';

/** Which plan figures to use: the adjusted (live) plan or the frozen baseline (frozen plans only). */
export const CockpitBasis = z
  .enum(['adjusted', 'baseline'])
  .describe('adjusted 调整后计划；baseline 年初基准');
export type CockpitBasis = z.infer<typeof CockpitBasis>;

/** The dimension a rollup is grouped by. */
export const CockpitDimension = z
  .enum([
    'region',
    'level',
    'domain',
    'industry',
    'department',
    'leader',
    'batch',
    'tag',
    'projectClass',
    'constructionType',
    'sizeBand',
    'category',
  ])
  .describe(
    '分组维度：区划（所选区划的下级，末级为项目）、级别、领域、行业、责任部门、挂钩领导、批次、标签、项目分类（产业链类、基础设施类、急需民生类…，按轻重缓急排序）、新建/续建、投资规模（总投资 <5000 万、5000 万–1 亿、1–10 亿、≥10 亿元）、分类汇总（各标签、新建、续建、5000 万元以上、1 亿元以上；可重叠）',
  );
export type CockpitDimension = z.infer<typeof CockpitDimension>;

/** The kinds of row of the 分类汇总 (category) dimension, in the order a bulletin lists them. */
export const cockpitCategoryKinds = ['tag', 'constructionType', 'size'] as const;
export type CockpitCategoryKind = (typeof cockpitCategoryKinds)[number];

/**
 * A 分类汇总 row key: `tag:专项债`, `constructionType:new`, `size:ge5000` — the kind, then the value
 * the matching project filter (tag, constructionType, size) takes.
 */
export function cockpitCategoryKey(kind: CockpitCategoryKind, value: string): string {
  return `${kind}:${value}`;
}

/** The kind and filter value of a 分类汇总 row key; null for any other key. */
export function parseCockpitCategoryKey(key: string): { kind: CockpitCategoryKind; value: string } | null {
  const at = key.indexOf(':');
  const kind = key.slice(0, at) as CockpitCategoryKind;
  if (at < 0 || !cockpitCategoryKinds.includes(kind)) return null;
  return { kind, value: key.slice(at + 1) };
}

/**
 * Formula keys: every figure names the rule it came from, so the page can explain it (i18n
 * `cockpit.formula.<key>`) and link to the records behind it (`measure`).
 */
export const CockpitFormula = z.enum([
  'projectCount',
  'plannedInvestment',
  'cumulativePlan',
  'completedYtd',
  'planCompletionRate',
  'timeProgress',
  'progressGap',
  'startRate',
  'completionRate',
  'operationRate',
  'doubleHalf',
  'reportingTimeliness',
  'lateCount',
  'missingCount',
  'statisticsEntry',
  'warnings',
]);
export type CockpitFormula = z.infer<typeof CockpitFormula>;

/** An amount (万元) or a count with its formula key. */
export const CockpitValue = z.object({ formula: CockpitFormula, value: z.string() });
export type CockpitValue = z.infer<typeof CockpitValue>;

/** A rate with its formula key and the two figures behind it; percent null when nothing is due. */
export const CockpitRate = z.object({
  formula: CockpitFormula,
  numerator: z.string(),
  denominator: z.string(),
  percent: z.string().nullable().describe('百分比，一位小数；分母为 0 时为 null'),
});
export type CockpitRate = z.infer<typeof CockpitRate>;

export const CockpitFigures = z.object({
  projectCount: CockpitValue,
  plannedInvestment: CockpitValue,
  cumulativePlan: CockpitValue,
  completedYtd: CockpitValue,
  planCompletionRate: CockpitRate,
  timeProgress: CockpitRate,
  progressGap: z.object({
    formula: CockpitFormula,
    value: z.string().nullable().describe('完成率 − 序时进度（百分点）'),
    isBehind: z.boolean(),
  }),
  startRate: CockpitRate,
  completionRate: CockpitRate,
  operationRate: CockpitRate,
  doubleHalf: z.object({
    formula: CockpitFormula,
    asOfMonth: z.number().int().describe('判断所用的月份：所选月份与 6 月中较早者'),
    isReached: z.boolean(),
    investment: CockpitRate,
    start: CockpitRate,
    reachedMonth: z
      .number()
      .int()
      .nullable()
      .describe('首次达到双过半的月份（1–6 月，不晚于所选月份）；未达到为 null'),
    monthsEarly: z.number().int().nullable().describe('提前月数：6 − 首次达到的月份；未达到为 null'),
  }),
  reportingTimeliness: CockpitRate,
  lateCount: CockpitValue,
  missingCount: CockpitValue,
  statisticsEntry: CockpitRate,
  warnings: z
    .object({
      formula: CockpitFormula,
      red: z.number().int(),
      yellow: z.number().int(),
      green: z.number().int(),
    })
    .describe('截至月份（同年月）已计算的预警：红、黄、绿灯项目数；未计算的项目不计'),
});
export type CockpitFigures = z.infer<typeof CockpitFigures>;

export const CockpitRow = z.object({
  key: z
    .string()
    .describe(
      '分组键：区划代码、级别、领域、行业、部门编号、领导编号、批次编号、标签、new/continuing、规模档、分类（tag:标签、constructionType:new、size:ge5000）或项目编号',
    ),
  label: z.string(),
  kind: z.enum(['region', 'regionSelf', 'project', 'value', 'none']),
  figures: CockpitFigures,
});
export type CockpitRow = z.infer<typeof CockpitRow>;

export const CockpitRegionRef = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
});

/** Project filters every cockpit figure can be narrowed by (the project list has the same three). */
export const CockpitFilters = z.object({
  tag: z.string().max(30).optional().describe('标签（字典），如 专项债、中央预算内、白名单'),
  projectClass: z
    .string()
    .max(30)
    .optional()
    .describe('项目分类（字典），如 产业链类、基础设施类、急需民生类'),
  constructionType: z.enum(constructionTypes).optional().describe('new 新建 / continuing 续建'),
  size: z
    .enum(sizeFilterKeys)
    .optional()
    .describe(
      '投资规模（总投资）：lt5000 5000 万元以下、5000to10000、10000to100000、ge100000 10 亿元以上、ge5000 5000 万元以上、ge10000 亿元以上',
    ),
});
export type CockpitFilters = z.infer<typeof CockpitFilters>;

export const CockpitQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).describe('年份'),
  month: z.coerce.number().int().min(1).max(12).describe('截至月份'),
  basis: CockpitBasis.default('adjusted'),
  dimension: CockpitDimension.default('region'),
  region: z.string().max(20).optional().describe('区划代码（含下级）；默认本人辖区'),
  ...CockpitFilters.shape,
});
export type CockpitQuery = z.infer<typeof CockpitQuery>;

export const CockpitRollup = z.object({
  year: z.number().int(),
  month: z.number().int(),
  basis: CockpitBasis,
  dimension: CockpitDimension,
  region: CockpitRegionRef,
  breadcrumb: z.array(CockpitRegionRef).describe('从本人辖区到所选区划'),
  isLeaf: z.boolean().describe('所选区划没有下级：按区划分组时各行为项目'),
  isAdditive: z.boolean().describe('各行之和是否等于合计（级别、批次、标签、分类汇总可重叠，不可相加）'),
  deadlineOn: z.string().nullable().describe('本月报送截止日（本级区划适用的日历）'),
  total: CockpitFigures,
  rows: z.array(CockpitRow),
});
export type CockpitRollup = z.infer<typeof CockpitRollup>;

/** What a drill-down lists: the projects behind one number. */
export const CockpitMeasure = z
  .enum([
    'all',
    'due',
    'behind',
    'plannedToStart',
    'started',
    'notStarted',
    'plannedToComplete',
    'completed',
    'notCompleted',
    'plannedToOperate',
    'operating',
    'notOperating',
    'onTime',
    'late',
    'missing',
    'inStatistics',
    'notInStatistics',
    'warningRed',
    'warningYellow',
    'warningGreen',
  ])
  .describe('明细口径：全部、应报、落后序时、计划开工、已开工、未开工……');
export type CockpitMeasure = z.infer<typeof CockpitMeasure>;

export const CockpitProjectsQuery = CockpitQuery.extend({
  key: z.string().max(64).optional().describe('分组键（与汇总行的 key 相同）；省略为合计'),
  measure: CockpitMeasure.default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CockpitProjectsQuery = z.infer<typeof CockpitProjectsQuery>;

export const CockpitProject = z.object({
  id: Id,
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  stage: z.string(),
  plannedWanYuan: z.string(),
  cumulativePlanWanYuan: z.string(),
  completedYtdWanYuan: z.string(),
  planCompletionRate: CockpitRate,
  isBehind: z.boolean(),
  plansStart: z.boolean(),
  isStarted: z.boolean(),
  plansCompletion: z.boolean(),
  isCompleted: z.boolean(),
  plansOperation: z.boolean(),
  isOperating: z.boolean(),
  reportStatus: z
    .enum(['approved', 'submitted', 'returned', 'draft', 'none'])
    .describe('所选月份月报的状态；none 未建'),
  isLate: z.boolean(),
  isMissing: z.boolean(),
  inStatistics: z.boolean(),
  warningColour: z.enum(['red', 'yellow', 'green']).nullable().describe('所选年月的预警颜色；未计算为 null'),
});
export type CockpitProject = z.infer<typeof CockpitProject>;

export const CockpitProjectPage = z.object({
  data: z.array(CockpitProject),
  page: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
});
export type CockpitProjectPage = z.infer<typeof CockpitProjectPage>;

export const CockpitSeriesQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12).describe('实际完成截至月份'),
  region: z.string().max(20).optional(),
  ...CockpitFilters.shape,
});
export type CockpitSeriesQuery = z.infer<typeof CockpitSeriesQuery>;

export const CockpitSeries = z.object({
  year: z.number().int(),
  region: CockpitRegionRef,
  months: z
    .array(
      z.object({
        month: z.number().int(),
        baselineCumulativeWanYuan: z.string().describe('年初基准累计计划（仅已冻结计划）'),
        adjustedCumulativeWanYuan: z.string().describe('调整后累计计划'),
        actualYtdWanYuan: z.string().nullable().describe('已审核月报累计完成；所选月份之后为 null'),
      }),
    )
    .describe('1–12 月'),
  stages: z
    .array(z.object({ stage: z.string(), count: z.number().int() }))
    .describe('项目库按阶段的项目数（漏斗）'),
});
export type CockpitSeries = z.infer<typeof CockpitSeries>;

export const CockpitApprovalsQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).describe('年份（本年批复按此年）'),
    region: z.string().max(20).optional().describe('区划代码（含下级）；默认本人辖区'),
    by: z
      .enum(['region', 'department'])
      .default('region')
      .describe('region 按下级区划 / department 按审批部门'),
    ...CockpitFilters.shape,
  })
  .strict();
export type CockpitApprovalsQuery = z.infer<typeof CockpitApprovalsQuery>;

/** Overdue nodes of the milestone plans (节点超期): nodes past their date not reached, and their projects. */
export const OverdueNodeFigures = z.object({ projects: z.number().int(), nodes: z.number().int() });

export const CockpitApprovalRow = z.object({
  key: z.string(),
  label: z.string(),
  /** region: a child region (with its subtree); regionSelf: projects placed on the region itself; none: no department. */
  kind: z.enum(['region', 'regionSelf', 'department', 'none']),
  figures: ApprovalFigures,
  /** By region only: overdue milestone nodes of the region's projects. */
  overdueNodes: OverdueNodeFigures.nullable(),
});
export type CockpitApprovalRow = z.infer<typeof CockpitApprovalRow>;

/** 前期手续 in the cockpit: the figures per child region or per approving department, and the total. */
export const CockpitApprovals = z.object({
  year: z.number().int(),
  by: z.enum(['region', 'department']),
  region: CockpitRegionRef,
  total: ApprovalFigures,
  totalOverdueNodes: OverdueNodeFigures,
  rows: z.array(CockpitApprovalRow),
});
export type CockpitApprovals = z.infer<typeof CockpitApprovals>;

export const CockpitProgrammesQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).describe('年份'),
    region: z.string().max(20).optional().describe('区划代码（含下级）；默认本人辖区'),
  })
  .strict();
export type CockpitProgrammesQuery = z.infer<typeof CockpitProgrammesQuery>;

/** The parts of the 专项工作 panel, each from its module (shown only to readers of that module). */
export const CockpitProgrammePart = z
  .enum(cockpitProgrammeParts)
  .describe(
    'whitelist 四保白名单、resumption 复工复产、workforce 现场用工、funds 资金保障、factors 要素保障、promotion 招商引资、bankMatchmaking 政银企对接、campaigns 集中开竣工',
  );
export type CockpitProgrammePart = z.infer<typeof CockpitProgrammePart>;

/** The figures of the 专项工作 panel (also the label keys `cockpit.programmes.figures.<key>`). */
export const CockpitProgrammeKey = z.enum([
  'whitelistProvincial',
  'whitelistCity',
  'resumptionRate',
  'workersOnSite',
  'workersInObservation',
  'workersAbnormal',
  'specialBondStartRate',
  'specialBondPaymentRate',
  'centralBudgetStartRate',
  'centralBudgetPaymentRate',
  'idleFunds',
  'factorDemandsMet',
  'factorDemandsOverdue',
  'landQuotaUnstarted',
  'energyQuotaUnstarted',
  'signedToStarted',
  'bankCreditSigned',
  'bankProjectsPushed',
  'campaignEvents',
  'campaignProjects',
  'campaignInvestment',
]);
export type CockpitProgrammeKey = z.infer<typeof CockpitProgrammeKey>;

/** The rules the 专项工作 figures come from (i18n `cockpit.formula.<formula>`). */
export const CockpitProgrammeFormula = z.enum([
  'whitelistCount',
  'resumptionRate',
  'workersOnSite',
  'workersInObservation',
  'workersAbnormal',
  'fundStartRate',
  'fundPaymentRate',
  'idleFunds',
  'factorDemandsMet',
  'factorDemandsOverdue',
  'quotaUnstarted',
  'signedToStarted',
  'bankCreditSigned',
  'bankProjectsPushed',
  'campaignEvents',
  'campaignProjects',
  'campaignInvestment',
]);
export type CockpitProgrammeFormula = z.infer<typeof CockpitProgrammeFormula>;

/** One 专项工作 figure: a rate (numerator, denominator, percent) or a value, with its formula. */
export const CockpitProgrammeFigure = z.object({
  key: CockpitProgrammeKey,
  formula: CockpitProgrammeFormula,
  unit: z
    .enum(['count', 'people', 'wanYuan', 'mu', 'tce'])
    .describe('分子分母或数值的单位：个数、人数、万元、亩、吨标准煤'),
  numerator: z.string().nullable().describe('比率的分子；数值为 null'),
  denominator: z.string().nullable().describe('比率的分母；数值为 null'),
  percent: z.string().nullable().describe('百分比，一位小数；分母为 0 或数值时为 null'),
  value: z.string().nullable().describe('数值（个数或金额、数量）；比率为 null'),
});
export type CockpitProgrammeFigure = z.infer<typeof CockpitProgrammeFigure>;

/** 专项工作 in the cockpit: for the region and year, a part per module the reader may read. */
export const CockpitProgrammes = z.object({
  year: z.number().int(),
  asOf: z.string().describe('统计截至日：往年为 12 月 31 日，本年为今天'),
  region: CockpitRegionRef,
  parts: z.array(z.object({ part: CockpitProgrammePart, figures: z.array(CockpitProgrammeFigure) })),
});
export type CockpitProgrammes = z.infer<typeof CockpitProgrammes>;

/** The cockpit module's endpoints (the server registers them, the client calls them). */
export const cockpitEndpoints = {
  getCockpitRollup: endpoint({
    method: 'GET',
    path: '/api/cockpit/rollup',
    summary: '驾驶舱汇总：某年某月各项指标按一个维度分组，含合计（每个数带公式与分子分母）',
    tag: 'cockpit',
    query: CockpitQuery,
    response: CockpitRollup,
  }),
  listCockpitProjects: endpoint({
    method: 'GET',
    path: '/api/cockpit/projects',
    summary: '驾驶舱明细：构成某个数字的项目及其数值',
    tag: 'cockpit',
    query: CockpitProjectsQuery,
    response: CockpitProjectPage,
  }),
  getCockpitApprovals: endpoint({
    method: 'GET',
    path: '/api/cockpit/approvals',
    summary:
      '驾驶舱前期手续：按下级区划或审批部门的未办结、容缺、黄红超期、本年批复与平均用时，及各区划超期节点',
    tag: 'cockpit',
    query: CockpitApprovalsQuery,
    response: CockpitApprovals,
  }),
  getCockpitSeries: endpoint({
    method: 'GET',
    path: '/api/cockpit/series',
    summary: '驾驶舱曲线：1–12 月累计计划（基准与调整后）与实际累计完成，按阶段的项目数',
    tag: 'cockpit',
    query: CockpitSeriesQuery,
    response: CockpitSeries,
  }),
  getCockpitProgrammes: endpoint({
    method: 'GET',
    path: '/api/cockpit/programmes',
    summary:
      '驾驶舱专项工作：所选区划与年度的白名单、复工率、资金开工率与支付率、要素保障、签约转开工、政银企对接、集中开竣工（各部分仅在有该模块查看权限时给出）',
    tag: 'cockpit',
    query: CockpitProgrammesQuery,
    response: CockpitProgrammes,
  }),
} as const;
