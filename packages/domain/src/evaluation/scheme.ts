import { type ErrorDetail, invalid } from '../errors';
import { compareDecimals, parseDecimal } from '../money/decimal';

/**
 * The indicators a quarterly evaluation (考评/赛马) can weigh. Rates are scored as rate × weight
 * (capped at 100%); 新开工个数 is scored relative to the best entity (best = full points). Source:
 * DOMAIN.md "Dispatch, warnings, ranking, reporting" and "Plans, monthly reports, indicators".
 */
export const evaluationIndicatorKeys = [
  'planCompletionRate',
  'startRate',
  'newStarts',
  'problemResolution',
  'reportingTimeliness',
] as const;
export type EvaluationIndicatorKey = (typeof evaluationIndicatorKeys)[number];

/**
 * What is scored: `region` = the regions directly under the scheme's region (counties, zones);
 * `department` = the industry departments (行业主管部门) of the scheme's region.
 */
export const evaluationEntityKinds = ['region', 'department'] as const;
export type EvaluationEntityKind = (typeof evaluationEntityKinds)[number];

export interface SchemeIndicator {
  key: EvaluationIndicatorKey;
  /** Full points of the indicator (满分), up to 2 decimals. */
  weight: string;
}

/** The rules of a scheme: weights, the quarterly target and the red/black list cut-offs. */
export interface EvaluationRules {
  indicators: SchemeIndicator[];
  /** 红榜: entities that met the quarterly target and rank in the top N (ties at N included). */
  redTopN: number;
  /** 黑榜: entities that missed the target and sit in the bottom M (ties included), never an exempted one. */
  blackBottomM: number;
  /** Target part 1: plan completion at least the quarter's time progress (序时进度: 25/50/75/100%). */
  requireTimeProgress: boolean;
  /** Target part 2: a total score to reach, or null. */
  passScore: string | null;
}

const pointsPattern = /^\d{1,4}(\.\d{1,2})?$/;

/** Whether a text is a non-negative points figure with at most two decimals ("12.5"). */
export const isPointsText = (value: string) => pointsPattern.test(value);

/**
 * Everything wrong with a scheme's rules, each naming its field: an indicator listed twice, a weight
 * that is not a positive number with at most 2 decimals, weights summing to more than 1000, no
 * indicator at all, a pass score that is not a points figure.
 */
export function evaluationRulesProblems(rules: EvaluationRules): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (rules.indicators.length === 0) problems.push({ path: 'indicators', message: '至少需要一项考评指标' });
  const seen = new Set<string>();
  rules.indicators.forEach((indicator, i) => {
    if (seen.has(indicator.key))
      problems.push({ path: `indicators.${i}.key`, message: `指标重复：${indicator.key}` });
    seen.add(indicator.key);
    if (!isPointsText(indicator.weight) || compareDecimals(indicator.weight, '0') <= 0)
      problems.push({ path: `indicators.${i}.weight`, message: '权重应为大于 0、最多两位小数的分值' });
  });
  if (problems.length === 0) {
    const total = rules.indicators.reduce((sum, i) => sum + parseDecimal(i.weight), 0n);
    if (total > parseDecimal(1000))
      problems.push({ path: 'indicators', message: '各项权重合计不能超过 1000 分' });
  }
  if (rules.passScore !== null && !isPointsText(rules.passScore))
    problems.push({ path: 'passScore', message: '达标分应为最多两位小数的分值' });
  return problems;
}

/** Throws VALIDATION_FAILED listing every problem of the rules. */
export function assertEvaluationRules(rules: EvaluationRules): void {
  const problems = evaluationRulesProblems(rules);
  if (problems.length > 0) throw invalid(problems, `考评方案有误：${problems[0]!.message}`);
}

/** Presets an office can start from. */
export const evaluationPresetIds = ['standard'] as const;
export type EvaluationPresetId = (typeof evaluationPresetIds)[number];

/**
 * 标准季度考评 (100 points): plan completion 40, start rate 20, new starts 10, problem resolution
 * 15, reporting timeliness 15; target = plan completion at least time progress; 红榜 top 3 that
 * met it, 黑榜 bottom 2 that missed it. Weights follow the common published practice of putting
 * investment first (DOMAIN.md: "quarterly comprehensive scores … from weighted indicators").
 */
export const evaluationPresets: Record<EvaluationPresetId, { name: string; rules: EvaluationRules }> = {
  standard: {
    name: '重点项目季度考评（标准）',
    rules: {
      indicators: [
        { key: 'planCompletionRate', weight: '40' },
        { key: 'startRate', weight: '20' },
        { key: 'newStarts', weight: '10' },
        { key: 'problemResolution', weight: '15' },
        { key: 'reportingTimeliness', weight: '15' },
      ],
      redTopN: 3,
      blackBottomM: 2,
      requireTimeProgress: true,
      passScore: null,
    },
  },
};
