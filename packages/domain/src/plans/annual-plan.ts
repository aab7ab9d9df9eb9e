import { AppError, type ErrorDetail, invalid } from '../errors';
import { compareDecimals, formatDecimal, parseDecimal, sumDecimals } from '../money/decimal';

/** How a plan's year is split: not at all, into 12 monthly or into 4 quarterly amounts. */
export const planSplitKinds = ['none', 'month', 'quarter'] as const;
export type PlanSplitKind = (typeof planSplitKinds)[number];

/** 草稿 (editable) → 已冻结 (the year's baseline; changed only by 年中调整). */
export const planStatuses = ['draft', 'frozen'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** Amounts a split of each kind carries. */
export const splitLength: Record<PlanSplitKind, number> = { none: 0, month: 12, quarter: 4 };

/** The longest 年度建设目标 text a plan may carry. */
export const planGoalsMaxLength = 2000;

/** The editable (live) fields of an annual plan; amounts in 万元 as decimal strings. */
export interface PlanFields {
  plannedInvestmentWanYuan: string;
  priorCompletedWanYuan: string | null;
  plansStart: boolean;
  startMonth: number | null;
  plansCompletion: boolean;
  completionMonth: number | null;
  plansOperation: boolean;
  operationMonth: number | null;
  goals: string | null;
  splitKind: PlanSplitKind;
  splitWanYuan: string[] | null;
}

/** The field names of {@link PlanFields}, in form order (also the order of an adjustment's diff). */
export const planFieldNames = [
  'plannedInvestmentWanYuan',
  'priorCompletedWanYuan',
  'plansStart',
  'startMonth',
  'plansCompletion',
  'completionMonth',
  'plansOperation',
  'operationMonth',
  'goals',
  'splitKind',
  'splitWanYuan',
] as const satisfies readonly (keyof PlanFields)[];

const milestoneFlags = [
  ['plansStart', 'startMonth', '开工'],
  ['plansCompletion', 'completionMonth', '竣工'],
  ['plansOperation', 'operationMonth', '投产'],
] as const;

const isAmount = (value: string) => /^\d+(\.\d{1,4})?$/.test(value);

/**
 * Every problem with a plan's fields, each naming its field (empty when valid): the planned
 * investment and prior completed are amounts ≥ 0; a target month is 1–12 and is required exactly
 * when its 计划开工/竣工/投产 flag is true (and empty when false); a split has 12 (monthly) or 4
 * (quarterly) amounts ≥ 0 that add up exactly to the planned investment, and none without a split;
 * the goals text is at most {@link planGoalsMaxLength} characters.
 */
export function planIssues(plan: PlanFields): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const planned = plan.plannedInvestmentWanYuan;
  if (!isAmount(planned))
    issues.push({
      path: 'plannedInvestmentWanYuan',
      message: '计划投资应为不小于 0 的金额（万元），最多 4 位小数',
    });
  if (plan.priorCompletedWanYuan !== null && !isAmount(plan.priorCompletedWanYuan))
    issues.push({ path: 'priorCompletedWanYuan', message: '以前年度累计完成应为不小于 0 的金额（万元）' });
  for (const [flag, monthField, label] of milestoneFlags) {
    const month = plan[monthField];
    if (plan[flag]) {
      if (month === null) issues.push({ path: monthField, message: `计划${label}时须填写${label}月份` });
      else if (!Number.isInteger(month) || month < 1 || month > 12)
        issues.push({ path: monthField, message: `${label}月份应为 1–12` });
    } else if (month !== null) {
      issues.push({ path: monthField, message: `未计划${label}时不应填写${label}月份` });
    }
  }
  if ((plan.goals ?? '').length > planGoalsMaxLength)
    issues.push({ path: 'goals', message: `年度建设目标不能超过 ${planGoalsMaxLength} 个字符` });
  const split = plan.splitWanYuan ?? [];
  const expected = splitLength[plan.splitKind];
  if (plan.splitKind === 'none') {
    if (split.length > 0) issues.push({ path: 'splitWanYuan', message: '未分解计划时不应填写分解金额' });
    return issues;
  }
  const unit = plan.splitKind === 'month' ? '月' : '季度';
  if (split.length !== expected) {
    issues.push({
      path: 'splitWanYuan',
      message: `按${unit}分解应有 ${expected} 个金额，实际 ${split.length} 个`,
    });
    return issues;
  }
  const bad = split.findIndex((value) => !isAmount(value));
  if (bad >= 0) {
    issues.push({
      path: `splitWanYuan.${bad}`,
      message: `第 ${bad + 1} ${plan.splitKind === 'month' ? '个月' : '季度'}的金额应为不小于 0 的金额（万元）`,
    });
    return issues;
  }
  if (isAmount(planned)) {
    const total = sumDecimals(split, (v) => v);
    if (compareDecimals(total, planned) !== 0)
      issues.push({
        path: 'splitWanYuan',
        message: `按${unit}分解合计 ${total} 万元，应等于计划投资 ${formatDecimal(parseDecimal(planned))} 万元`,
      });
  }
  return issues;
}

/** Throws VALIDATION_FAILED listing every {@link planIssues} problem; returns quietly when valid. */
export function assertValidPlan(plan: PlanFields): void {
  const issues = planIssues(plan);
  if (issues.length > 0) throw invalid(issues, issues.map((i) => i.message).join('；'));
}

/** What may be done to a plan in a status: a draft is edited in place, a frozen plan only adjusted. */
export function planChangeKind(status: PlanStatus): 'edit' | 'adjust' {
  return status === 'draft' ? 'edit' : 'adjust';
}

/** Throws INVALID_TRANSITION unless the plan is a draft (a frozen plan changes only by 年中调整). */
export function assertPlanEditable(status: PlanStatus): void {
  if (status !== 'draft') throw new AppError('INVALID_TRANSITION', '计划已冻结，只能通过年中调整修改');
}

/** Throws INVALID_TRANSITION unless the plan is a draft: a baseline is frozen once. */
export function assertPlanFreezable(status: PlanStatus): void {
  if (status !== 'draft') throw new AppError('INVALID_TRANSITION', '计划已冻结，不能重复冻结');
}

/**
 * Throws unless an adjustment is allowed: the plan must be frozen (a draft is edited directly —
 * INVALID_TRANSITION), the reason non-blank and the adjustment must change at least one field
 * (VALIDATION_FAILED naming `reason` or the fields).
 */
export function assertPlanAdjustable(status: PlanStatus, reason: string, changes: PlanDiff): void {
  if (status !== 'frozen') throw new AppError('INVALID_TRANSITION', '草稿计划可直接修改，冻结后才需调整');
  if (reason.trim() === '') throw invalid([{ path: 'reason', message: '请填写调整原因' }], '请填写调整原因');
  if (Object.keys(changes).length === 0)
    throw invalid(
      [{ path: 'plannedInvestmentWanYuan', message: '调整内容与当前计划相同' }],
      '调整内容与当前计划相同',
    );
}

/** Baseline columns frozen from a plan's live fields (`baseline_*` = the year's 基准). */
export function baselineOf(plan: PlanFields) {
  return {
    baselineInvestmentWanYuan: plan.plannedInvestmentWanYuan,
    baselineSplitKind: plan.splitKind,
    baselineSplitWanYuan: plan.splitKind === 'none' ? null : (plan.splitWanYuan ?? null),
    baselinePlansStart: plan.plansStart,
    baselinePlansCompletion: plan.plansCompletion,
    baselinePlansOperation: plan.plansOperation,
  };
}

/** Before/after of each changed plan field. */
export type PlanDiff = Partial<Record<keyof PlanFields, { before: unknown; after: unknown }>>;

const sameValue = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'string' && typeof b === 'string' && isAmount(a) && isAmount(b))
    return compareDecimals(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  if (Array.isArray(a) && a.length === 0 && b === null) return true;
  if (Array.isArray(b) && b.length === 0 && a === null) return true;
  return a === b;
};

const normalised = (value: unknown): unknown => {
  if (typeof value === 'string' && isAmount(value)) return formatDecimal(parseDecimal(value));
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(normalised);
  return value;
};

/**
 * The plan fields that differ between `before` and `after`, with normalised values: amounts
 * compare exactly ("1200.0000" = "1200"), an empty split equals none, goals compare as text.
 * Money fields (e.g. `plannedInvestmentWanYuan`) are the only strings treated as amounts.
 */
export function diffPlanFields(before: PlanFields, after: PlanFields): PlanDiff {
  const diff: PlanDiff = {};
  for (const field of planFieldNames) {
    const was = before[field];
    const now = after[field];
    if (field === 'goals') {
      if (was !== now) diff[field] = { before: was, after: now };
    } else if (!sameValue(was, now)) diff[field] = { before: normalised(was), after: normalised(now) };
  }
  return diff;
}

/** The split kind and amounts {@link cumulativePlanToMonth} reads. */
export interface PlanCurve {
  plannedInvestmentWanYuan: string;
  splitKind: PlanSplitKind;
  splitWanYuan: readonly string[] | null;
}

/** round(n / d) half away from zero, on scaled integers. */
const divideHalfUp = (n: bigint, d: bigint) => {
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const rounded = (2n * magnitude + d) / (2n * d);
  return negative ? -rounded : rounded;
};

/**
 * Cumulative plan to month M (0–12), for curves and gaps: with a monthly split the sum of months
 * 1..M; with a quarterly split the full quarters whose last month ≤ M plus (months of the current
 * quarter elapsed / 3) of the current quarter; without a split planned × M / 12. Exact decimals,
 * rounded half-up to 4 places (docs: semantics "Cumulative plan to month M").
 */
export function cumulativePlanToMonth(plan: PlanCurve, month: number): string {
  if (!Number.isInteger(month) || month < 0 || month > 12)
    throw invalid([{ path: 'month', message: '月份应为 0–12' }], `月份应为 0–12：${month}`);
  const split = plan.splitWanYuan ?? [];
  if (plan.splitKind === 'month' && split.length === 12)
    return formatDecimal(split.slice(0, month).reduce((t, v) => t + parseDecimal(v), 0n));
  if (plan.splitKind === 'quarter' && split.length === 4) {
    const fullQuarters = Math.floor(month / 3);
    const elapsed = month % 3;
    let total = split.slice(0, fullQuarters).reduce((t, v) => t + parseDecimal(v), 0n);
    if (elapsed > 0) total += divideHalfUp(parseDecimal(split[fullQuarters]!) * BigInt(elapsed), 3n);
    return formatDecimal(total);
  }
  return formatDecimal(divideHalfUp(parseDecimal(plan.plannedInvestmentWanYuan) * BigInt(month), 12n));
}
