import type { CockpitFigures } from '@tuijin/contracts';
import { amountYearOnYear, parseDecimal, rateYearOnYear } from '@tuijin/domain';

/** 同比 of the cards that carry one: amounts as a % change, rates in percentage points; null = no data. */
export function headlineYearOnYear(now: CockpitFigures, last: CockpitFigures | null | undefined) {
  const comparable = last && parseDecimal(last.plannedInvestment.value) > 0n ? last : null;
  return {
    planned: comparable && amountYearOnYear(now.plannedInvestment.value, comparable.plannedInvestment.value),
    completedYtd: comparable && amountYearOnYear(now.completedYtd.value, comparable.completedYtd.value),
    completion:
      comparable && rateYearOnYear(now.planCompletionRate.percent, comparable.planCompletionRate.percent),
    startRate: comparable && rateYearOnYear(now.startRate.percent, comparable.startRate.percent),
  };
}

/** The headline figures of the region: plan, completed, completion vs time, starts, 双过半, timeliness. */
