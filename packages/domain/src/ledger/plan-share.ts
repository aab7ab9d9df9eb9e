import { formatDecimal, parseDecimal, ratio } from '../money/decimal';
import { cleanText, type LedgerCell, toHalfWidth } from './text';

/**
 * How far a printed 占年度计划% may stand from 1–N月完成 ÷ 年度计划 before the import says so, in
 * percentage points. Offices print the share rounded — to whole percent (75%, up to 0.5 points off)
 * or to one decimal like the exported ledger's `0.0%` (0.05 off) — so anything within 0.5 points is
 * rounding; further off, the sheet divided by another plan (the 年初 plan before an adjustment, a
 * plan the system does not hold) or a figure was mistyped, which the office should look at.
 */
export const planShareTolerancePoints = '0.5';

const percentText = /^(-?\d+(?:\.\d+)?)\s*%?$/;

/** `value` (a finite number or decimal text) written with at most 4 decimals, rounded. */
function fourDecimals(value: number): string {
  return formatDecimal(parseDecimal(value.toFixed(4).replace(/^-0(?:\.0+)?$/, '0')));
}

/**
 * The percentages a 占年度计划% cell may mean. Text with a percent sign (`75.3%`) is that percent.
 * A number is ambiguous: a cell formatted as a percentage holds the fraction (0.753, as Excel and the
 * exported ledger store it), one typed under a `%` header holds the percent itself (75.3), and the
 * reader does not see the cell's format — so both readings are returned, fraction first. Blank or
 * unreadable cells (`—`, `/`) answer an empty list: nothing to check.
 */
export function planShareReadings(cell: LedgerCell | undefined): string[] {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || Math.abs(cell) > 1e9) return [];
    return [...new Set([fourDecimals(cell * 100), fourDecimals(cell)])];
  }
  const text = cleanText(typeof cell === 'string' ? toHalfWidth(cell) : null);
  const match = text ? percentText.exec(text.replace(/\s+/g, '')) : null;
  if (!match) return [];
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return [];
  return text?.includes('%')
    ? [fourDecimals(value)]
    : [...new Set([fourDecimals(value * 100), fourDecimals(value)])];
}

/** The outcome of checking one row's printed share against its figures. */
export interface PlanShareCheck {
  /** The printed share in percent: of its readings, the one nearest the computed share. */
  statedPercent: string;
  /** The share the figures give (1–N月完成 ÷ 年度计划), rounded to one decimal. */
  computedPercent: string;
  /** Whether every reading of the printed share stands more than the tolerance from it. */
  disagrees: boolean;
}

/**
 * Checks a printed 占年度计划% against `completedToDateWanYuan ÷ planWanYuan`, exactly (no binary
 * float in the comparison): a reading agrees when |share × plan − 100 × completed| ≤ 0.5 × plan.
 * Null when there is nothing to check (no reading, no completed figure, no or a zero plan).
 */
export function checkPlanShare(input: {
  cell: LedgerCell | undefined;
  completedToDateWanYuan: string | null;
  planWanYuan: string | null;
}): PlanShareCheck | null {
  const readings = planShareReadings(input.cell);
  if (readings.length === 0 || input.completedToDateWanYuan === null || input.planWanYuan === null)
    return null;
  const plan = parseDecimal(input.planWanYuan);
  if (plan <= 0n) return null;
  const completed = parseDecimal(input.completedToDateWanYuan);
  const tolerance = parseDecimal(planShareTolerancePoints) * plan;
  const gaps = readings.map((reading) => {
    const gap = parseDecimal(reading) * plan - 100n * completed * 10_000n;
    return { reading, gap: gap < 0n ? -gap : gap };
  });
  const nearest = gaps.reduce((best, next) => (next.gap < best.gap ? next : best));
  return {
    statedPercent: nearest.reading,
    computedPercent: ratio(input.completedToDateWanYuan, input.planWanYuan).percent ?? '0',
    disagrees: nearest.gap > tolerance,
  };
}
