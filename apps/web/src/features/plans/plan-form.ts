import type { AnnualPlan, SaveAnnualPlan } from '@tuijin/contracts';
import { addDecimals, compareDecimals, type PlanSplitKind, splitLength } from '@tuijin/domain';

/** The plan form's values: amounts as typed text, the split as one text per month or quarter. */
export interface PlanFormValues {
  plannedInvestmentWanYuan: string;
  priorCompletedWanYuan?: string;
  plansStart: boolean;
  startMonth?: number;
  plansCompletion: boolean;
  completionMonth?: number;
  plansOperation: boolean;
  operationMonth?: number;
  goals?: string;
  splitKind: PlanSplitKind;
  split: string[];
  reason?: string;
}

const blankSplit = (kind: PlanSplitKind) => Array.from({ length: splitLength[kind] }, () => '');

/** Form values of an existing plan (or an empty one). */
export function planFormValues(plan: AnnualPlan | null): PlanFormValues {
  if (!plan)
    return {
      plannedInvestmentWanYuan: '',
      plansStart: false,
      plansCompletion: false,
      plansOperation: false,
      splitKind: 'none',
      split: [],
    };
  return {
    plannedInvestmentWanYuan: plan.plannedInvestmentWanYuan,
    priorCompletedWanYuan: plan.priorCompletedWanYuan ?? undefined,
    plansStart: plan.plansStart,
    startMonth: plan.startMonth ?? undefined,
    plansCompletion: plan.plansCompletion,
    completionMonth: plan.completionMonth ?? undefined,
    plansOperation: plan.plansOperation,
    operationMonth: plan.operationMonth ?? undefined,
    goals: plan.goals ?? undefined,
    splitKind: plan.splitKind,
    split: plan.splitWanYuan ?? blankSplit(plan.splitKind),
  };
}

/** A split resized for a new kind: kept when the length is unchanged, blank otherwise. */
export const splitFor = (kind: PlanSplitKind, current: string[]) =>
  current.length === splitLength[kind] ? current : blankSplit(kind);

/** Form values → the request's plan fields (months only with their flag, the split only with a kind). */
export function planRequestFields(values: PlanFormValues): Omit<SaveAnnualPlan, 'version'> {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    plannedInvestmentWanYuan: values.plannedInvestmentWanYuan.trim(),
    priorCompletedWanYuan: text(values.priorCompletedWanYuan),
    plansStart: values.plansStart,
    startMonth: values.plansStart ? (values.startMonth ?? null) : null,
    plansCompletion: values.plansCompletion,
    completionMonth: values.plansCompletion ? (values.completionMonth ?? null) : null,
    plansOperation: values.plansOperation,
    operationMonth: values.plansOperation ? (values.operationMonth ?? null) : null,
    goals: text(values.goals),
    splitKind: values.splitKind,
    splitWanYuan: values.splitKind === 'none' ? null : values.split.map((v) => v.trim()),
  };
}

/** Sum of the typed split amounts (a blank slot is 0), or null while one of them is not a valid amount. */
export function splitSum(split: readonly string[]): string | null {
  try {
    return addDecimals(split.map((v) => v.trim() || '0'));
  } catch {
    return null;
  }
}

/**
 * The split's running total as the form shows it, and whether it disagrees with the planned
 * investment (only once both are valid amounts): the slots past the kind's length do not count.
 */
export function splitCheck(
  planned: string,
  splitKind: PlanSplitKind,
  split: readonly string[],
): { sum: string | null; mismatch: boolean } {
  const sum = splitKind === 'none' ? null : splitSum(split.slice(0, splitLength[splitKind]));
  const plannedValid = /^\d+(\.\d{1,4})?$/.test(planned.trim());
  return { sum, mismatch: sum !== null && plannedValid && compareDecimals(sum, planned.trim()) !== 0 };
}
