import { invalid } from '../errors';
import { type DecimalInput, parseDecimal, type Ratio, ratio } from '../money/decimal';

/**
 * The ratio behind an indicator, refusing negative figures: a count or an amount below zero is a
 * data error, never a rate. `names` label the two inputs in the error (`['started', 'plannedToStart']`).
 */
export function indicatorRatio(
  numerator: DecimalInput,
  denominator: DecimalInput,
  names: readonly [string, string],
): Ratio {
  const problems = [numerator, denominator].flatMap((value, i) =>
    parseDecimal(value) < 0n ? [{ path: names[i] ?? 'value', message: `不能为负数：${value}` }] : [],
  );
  if (problems.length > 0) throw invalid(problems, '指标的分子和分母不能为负数');
  return ratio(numerator, denominator);
}

/** Months completed ÷ 12, refusing a month outside 0 (before January's report) to 12. */
export function monthsOfYear(asOfMonth: number): Ratio {
  if (!Number.isInteger(asOfMonth) || asOfMonth < 0 || asOfMonth > 12) {
    const message = `月份应为 0–12：${asOfMonth}`;
    throw invalid([{ path: 'asOfMonth', message }], message);
  }
  return ratio(asOfMonth, 12);
}
