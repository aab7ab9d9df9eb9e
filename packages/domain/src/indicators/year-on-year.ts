import { parseDecimal, percentPoints, ratio, subtractDecimal } from '../money/decimal';

/**
 * 同比: the change on the same period of last year. An amount changes by a percentage of last year's
 * (+12.3%); a rate by percentage points (+1.2). Null when last year has nothing to compare with (no
 * amount, or a rate not due), so a page says 去年同期无数据 instead of inventing a figure.
 */
export function amountYearOnYear(now: string, lastYear: string | null): string | null {
  if (lastYear === null || parseDecimal(lastYear) === 0n) return null;
  const change = ratio(subtractDecimal(now, lastYear), lastYear).percent;
  return change === null ? null : `${change.startsWith('-') ? change : `+${change}`}%`;
}

export function rateYearOnYear(now: string | null, lastYear: string | null): string | null {
  if (now === null || lastYear === null) return null;
  const points = percentPoints(now, lastYear);
  return points.startsWith('-') ? points : `+${points}`;
}
