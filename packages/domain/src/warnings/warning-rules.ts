import { z } from 'zod';

/** 预警维度: the things a project can be warned about, each with its own thresholds. */
export const warningDimensions = [
  'start',
  'progress',
  'problems',
  'reports',
  'statistics',
  'monthTarget',
  'approvals',
  'milestones',
  'reconciliation',
] as const;
export type WarningDimension = (typeof warningDimensions)[number];

/** 红黄绿: worst first is red. */
export const warningColours = ['green', 'yellow', 'red'] as const;
export type WarningColour = (typeof warningColours)[number];

/**
 * A threshold a dimension's measure reaches: `inclusive` means measure ≥ value, else measure > value.
 * Values carry at most one decimal (percentage points and shares are compared as the one-decimal
 * figures bulletins print; months and counts are whole numbers).
 */
export const WarningThreshold = z.object({
  value: z
    .number()
    .min(0)
    .max(1000)
    .refine((v) => Number.isInteger(Math.round(v * 10)) && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, {
      message: '阈值最多一位小数',
    }),
  inclusive: z.boolean(),
});
export type WarningThreshold = z.infer<typeof WarningThreshold>;

const levels = {
  enabled: z.boolean(),
  yellow: WarningThreshold.nullable(),
  red: WarningThreshold.nullable(),
};

/**
 * A rule set (预警规则): per dimension whether it counts and its yellow/red thresholds.
 * - start: months the planned start month is past without a start (0 = the planned month ended).
 * - progress: shortfall of the year's completion rate below 序时进度, in percentage points
 *   (`points`) or as a share of 序时进度 (`share`, %); optionally red after N behind months in a row.
 * - problems: open problems past their due date at the month's end.
 * - reports: months in a row (ending with the month) whose report is missing (or late, if counted).
 * - statistics: whole months since the actual start month without 入统.
 * - monthTarget: Ouhai's month rule (no thresholds).
 * - approvals: approval items (前期手续) past their committed limit at the month's end, not approved.
 * - milestones: nodes (节点) past their planned date at the month's end, not reached.
 * - reconciliation (三数比对): how far the year-to-date the owner reported is from the statistics
 *   bureau's 入统 figure of the latest month imported, as a percentage of 入统.
 * `snailMonths`: red this many months in a row puts a project on the 蜗牛 list.
 * `regionRule`: the region colour ({@link WarningRegionRule}); off when absent.
 */
/**
 * 区域预警 (Sanya): a region (county) is red when its aggregate shortfall below 序时进度 — measured
 * as the progress dimension measures it, missed when it reaches the progress yellow (or red)
 * threshold — lasts `consecutiveMonths` months in a row; yellow when only the latest month missed.
 * Stored rule sets from before the rule lack it: they read as off.
 */
export const WarningRegionRule = z.object({
  enabled: z.boolean(),
  consecutiveMonths: z.number().int().min(2).max(12),
});
export type WarningRegionRule = z.infer<typeof WarningRegionRule>;
export const regionRuleOff: WarningRegionRule = { enabled: false, consecutiveMonths: 2 };

export const WarningRuleSet = z.object({
  start: z.object(levels),
  progress: z.object({
    ...levels,
    measure: z.enum(['points', 'share']),
    redAfterConsecutiveMonths: z.number().int().min(2).max(12).nullable(),
  }),
  problems: z.object(levels),
  reports: z.object({ ...levels, countLate: z.boolean() }),
  statistics: z.object(levels),
  monthTarget: z.object({ enabled: z.boolean() }),
  /** Rule sets stored before these dimensions existed read them as off. */
  approvals: z.object(levels).default({ enabled: false, yellow: null, red: null }),
  milestones: z.object(levels).default({ enabled: false, yellow: null, red: null }),
  reconciliation: z.object(levels).default({ enabled: false, yellow: null, red: null }),
  snailMonths: z.number().int().min(2).max(12),
  regionRule: WarningRegionRule.default(regionRuleOff),
});
export type WarningRuleSet = z.infer<typeof WarningRuleSet>;

export const warningPresetIds = ['yinchuan', 'sanya', 'ouhai'] as const;
export type WarningPresetId = (typeof warningPresetIds)[number];

const off = { enabled: false, yellow: null, red: null };
const atLeast = (value: number): WarningThreshold => ({ value, inclusive: true });
const above = (value: number): WarningThreshold => ({ value, inclusive: false });

/**
 * The published rules, edges read from their wording:
 * - Yinchuan (银川): start — yellow when the planned start month has ended without a start
 *   ("当月应开未开", ≥ 0 months), red at 3 months overdue ("逾期3个月", ≥ 3); progress — yellow
 *   10 to 30 points below 序时进度 (both ends inclusive, "10–30个百分点"), red beyond 30 (> 30);
 *   statistics — yellow 1 month after the start without 入统 (≥ 1), red beyond 2 (> 2, so 3 months).
 * - Sanya (三亚): yellow when behind 序时进度 by up to 50% of it (> 0 and ≤ 50%), red beyond 50%
 *   (> 50%); red also after two behind months in a row ("连续两个月未完成"); a region (county) is
 *   red when its aggregate missed two months in a row, yellow when it missed the latest month.
 * - Ouhai (瓯海): the month's target met on time is green, missed is red, made up later is yellow.
 * Dimensions a rule does not publish are off; an office turns them on in its draft.
 */
export const warningPresets: Record<WarningPresetId, { name: string; rules: WarningRuleSet }> = {
  yinchuan: {
    name: '银川市重点项目红黄绿灯预警',
    rules: {
      start: { enabled: true, yellow: atLeast(0), red: atLeast(3) },
      progress: {
        enabled: true,
        measure: 'points',
        yellow: atLeast(10),
        red: above(30),
        redAfterConsecutiveMonths: null,
      },
      problems: off,
      reports: { ...off, countLate: false },
      statistics: { enabled: true, yellow: atLeast(1), red: above(2) },
      monthTarget: { enabled: false },
      approvals: off,
      milestones: off,
      reconciliation: off,
      snailMonths: 3,
      regionRule: regionRuleOff,
    },
  },
  sanya: {
    name: '三亚市重点项目投资进度预警',
    rules: {
      start: off,
      progress: {
        enabled: true,
        measure: 'share',
        yellow: above(0),
        red: above(50),
        redAfterConsecutiveMonths: 2,
      },
      problems: off,
      reports: { ...off, countLate: false },
      statistics: off,
      monthTarget: { enabled: false },
      approvals: off,
      milestones: off,
      reconciliation: off,
      snailMonths: 3,
      regionRule: { enabled: true, consecutiveMonths: 2 },
    },
  },
  ouhai: {
    name: '瓯海区重点项目月度目标红黄绿灯',
    rules: {
      start: off,
      progress: { ...off, measure: 'points', redAfterConsecutiveMonths: null },
      problems: off,
      reports: { ...off, countLate: false },
      statistics: off,
      monthTarget: { enabled: true },
      approvals: off,
      milestones: off,
      reconciliation: off,
      snailMonths: 3,
      regionRule: regionRuleOff,
    },
  },
};

/**
 * Checks a rule set beyond its shape: an enabled dimension needs at least one threshold, and red
 * must not be reachable before yellow. Answers the problems (path + message), empty when valid.
 */
export function warningRuleProblems(rules: WarningRuleSet): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const dimension of [
    'start',
    'progress',
    'problems',
    'reports',
    'statistics',
    'approvals',
    'milestones',
    'reconciliation',
  ] as const) {
    const rule = rules[dimension];
    if (!rule.enabled) continue;
    if (!rule.yellow && !rule.red && !(dimension === 'progress' && rules.progress.redAfterConsecutiveMonths))
      problems.push({ path: `${dimension}.yellow`, message: '启用的维度至少需要一个阈值' });
    if (rule.yellow && rule.red && thresholdOrder(rule.red) < thresholdOrder(rule.yellow))
      problems.push({ path: `${dimension}.red`, message: '红灯阈值不能低于黄灯阈值' });
  }
  if (rules.regionRule.enabled && !rules.progress.yellow && !rules.progress.red)
    problems.push({ path: 'regionRule.enabled', message: '区域预警需要进度维度的阈值' });
  return problems;
}

/** A threshold as a point on the measure line (exclusive sits just above its value). */
const thresholdOrder = (t: WarningThreshold) => t.value * 10 + (t.inclusive ? 0 : 0.5);

/** Whether a measure (tenths, as an integer) reaches a threshold. */
export function reaches(measureTenths: number, threshold: WarningThreshold | null): boolean {
  if (!threshold) return false;
  const value = Math.round(threshold.value * 10);
  return threshold.inclusive ? measureTenths >= value : measureTenths > value;
}
