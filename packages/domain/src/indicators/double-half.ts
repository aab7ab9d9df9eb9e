import { invalid } from '../errors';
import { type DecimalInput, parseDecimal, type Ratio } from '../money/decimal';
import { planCompletionRate } from './plan-completion';
import { startRate } from './project-rates';
import { monthsOfYear } from './rate';

/** The month 双过半 is judged at: "half the year" is the end of June. */
export const doubleHalfMonth = 6;

/** The 双过半 verdict with the figures behind it. */
export interface DoubleHalf {
  /** True when investment (and, if given, the start rate) is at least half. */
  isReached: boolean;
  /** 序时进度 at `asOfMonth` (months ÷ 12). */
  timeProgress: Ratio;
  /** Plan completion: YTD completed ÷ annual plan. */
  investment: Ratio;
  /** Start rate when the counts were given, else null. */
  start: Ratio | null;
  /** Months before the end of June it is reached (May → 1, June → 0); null if not reached or after June. */
  monthsEarly: number | null;
}

/** Whether a ratio is at least one half, compared exactly (2 × numerator ≥ denominator), not rounded. */
function isAtLeastHalf(rate: Ratio): boolean {
  return 2n * parseDecimal(rate.numerator) >= parseDecimal(rate.denominator);
}

/**
 * 双过半 ("时间过半、任务过半": half the year, half the plan) — reached when investment completed
 * year-to-date is at least 50% of the annual plan and, when the start counts are given, at least 50%
 * of the projects planned to start have started. The halves are compared exactly, so 49.96% (shown
 * as "50.0") is not half. A plan of 0 is never reached; with none planned to start the start half
 * does not apply. `monthsEarly` = 6 − `asOfMonth` when reached by the end of June: pass the first
 * month whose report reaches it (Luohe: 64.4% by the end of May → month 5 → one month early). After
 * June a snapshot cannot tell when it was reached, so `monthsEarly` is null. Source: DOMAIN.md
 * "Plans, monthly reports, indicators" ("双过半 … by end of June (Luohe reached it a month early)").
 */
export function doubleHalf(input: {
  asOfMonth: number;
  completedYtdWanYuan: string;
  plannedWanYuan: string;
  projectsStarted?: DecimalInput;
  plannedToStart?: DecimalInput;
}): DoubleHalf {
  const time = monthsOfYear(input.asOfMonth);
  const investment = planCompletionRate(input);
  const { projectsStarted, plannedToStart } = input;
  if ((projectsStarted === undefined) !== (plannedToStart === undefined)) {
    const message = '开工项目数与计划开工项目数须同时提供';
    throw invalid(
      [{ path: projectsStarted === undefined ? 'projectsStarted' : 'plannedToStart', message }],
      message,
    );
  }
  const start =
    projectsStarted === undefined || plannedToStart === undefined
      ? null
      : startRate({ started: projectsStarted, plannedToStart });
  const isInvestmentHalf = investment.percent !== null && isAtLeastHalf(investment);
  const isStartHalf = start === null || start.percent === null || isAtLeastHalf(start);
  const isReached = isInvestmentHalf && isStartHalf;
  return {
    isReached,
    timeProgress: time,
    investment,
    start,
    monthsEarly: isReached && input.asOfMonth <= doubleHalfMonth ? doubleHalfMonth - input.asOfMonth : null,
  };
}

/** One month's year-to-date figures for `firstDoubleHalf`. */
export interface DoubleHalfMonth {
  month: number;
  /** Investment completed year-to-date at the end of the month (万元). */
  completedYtdWanYuan: string;
  /** Projects planned to start that had started by the end of the month. */
  projectsStarted: number;
}

/**
 * When 双过半 was first reached: walks the months up to June (and not past `asOfMonth`, since later
 * reports are not in yet) in order and answers the verdict of the first month that reaches it, so
 * `monthsEarly` says "提前 N 个月" (Luohe: reached by the end of May → 1). The annual plan and the
 * number planned to start are the year's, as in `doubleHalf`. Null when no month up to then reaches
 * it. Source: DOMAIN.md ("双过半 … by end of June (Luohe reached it a month early)").
 */
export function firstDoubleHalf(input: {
  asOfMonth: number;
  plannedWanYuan: string;
  plannedToStart: number;
  months: readonly DoubleHalfMonth[];
}): (DoubleHalf & { month: number }) | null {
  const last = Math.min(input.asOfMonth, doubleHalfMonth);
  const months = [...input.months].filter((m) => m.month <= last).sort((a, b) => a.month - b.month);
  for (const m of months) {
    const verdict = doubleHalf({
      asOfMonth: m.month,
      completedYtdWanYuan: m.completedYtdWanYuan,
      plannedWanYuan: input.plannedWanYuan,
      projectsStarted: m.projectsStarted,
      plannedToStart: input.plannedToStart,
    });
    if (verdict.isReached) return { ...verdict, month: m.month };
  }
  return null;
}
