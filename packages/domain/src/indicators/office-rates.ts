import type { DecimalInput, Ratio } from '../money/decimal';
import { indicatorRatio } from './rate';

/**
 * 按时报送率 (reporting timeliness) = monthly reports submitted by the deadline ÷ reports due in the
 * period. Source: DOMAIN.md "Monthly report": owners submit by a deadline (e.g. the 25th); late and
 * missing reports count, so both are in `due` and neither in `onTime`.
 */
export function reportingTimeliness(input: { onTime: DecimalInput; due: DecimalInput }): Ratio {
  return indicatorRatio(input.onTime, input.due, ['onTime', 'due']);
}

/**
 * 入统率 (statistics entry rate) = projects counted in official statistics ÷ all projects in scope.
 * Source: DOMAIN.md "Monthly report": each report says whether the project is counted (入统).
 */
export function statisticsEntryRate(input: { entered: DecimalInput; total: DecimalInput }): Ratio {
  return indicatorRatio(input.entered, input.total, ['entered', 'total']);
}

/**
 * 问题解决率 (problem resolution rate) = problems solved ÷ problems received. Source: DOMAIN.md
 * "Plans, monthly reports, indicators" and "Blocking problems: the closed loop" (Shandong: 1,075 of
 * 1,200 solved = 89.6%). A problem counts as solved once written off (销号); a reopened one does not.
 */
export function problemResolutionRate(input: { solved: DecimalInput; received: DecimalInput }): Ratio {
  return indicatorRatio(input.solved, input.received, ['solved', 'received']);
}
