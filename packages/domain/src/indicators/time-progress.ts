import { invalid } from '../errors';
import { compareDecimals, percentPoints, type Ratio, ratio } from '../money/decimal';
import { monthsOfYear } from './rate';

const msPerDay = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkYear(year: number): void {
  if (Number.isInteger(year) && year >= 1900 && year <= 9999) return;
  const message = `年份不合理：${year}`;
  throw invalid([{ path: 'year', message }], message);
}

/**
 * 序时进度 (time progress) by months: months completed ÷ 12, so the end of May is 5/12 = 41.7% and
 * the end of June 6/12 = 50.0%. This is the office's default, because progress is reported monthly
 * and a month's figures are compared with the month's end. `asOfMonth` is the last month completed,
 * 0 (before January's report) to 12. Source: DOMAIN.md "Plans, monthly reports, indicators".
 */
export function timeProgress(input: { year: number; asOfMonth: number }): Ratio {
  checkYear(input.year);
  return monthsOfYear(input.asOfMonth);
}

/** Days in a calendar year: 366 in a Gregorian leap year, else 365. */
export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/**
 * 序时进度 by days, for daily bulletins (一日一通报): days elapsed in `year` up to and including
 * `isoDate` (YYYY-MM-DD) ÷ days in the year, so 2025-05-31 is 151/365 = 41.4% and 2024-12-31 is
 * 100.0%. A date before the year answers 0 days, a date after it the whole year. The monthly
 * {@link timeProgress} stays the default. Source: DOMAIN.md "Plans, monthly reports, indicators".
 */
export function timeProgressByDay(year: number, isoDate: string): Ratio {
  checkYear(year);
  const match = isoDatePattern.exec(isoDate);
  const [, y, m, d] = match ?? [];
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (!match || new Date(time).toISOString().slice(0, 10) !== isoDate) {
    const message = `日期无效：${isoDate}`;
    throw invalid([{ path: 'isoDate', message }], message);
  }
  const total = daysInYear(year);
  const elapsed = Math.round((time - Date.UTC(year, 0, 1)) / msPerDay) + 1;
  return ratio(Math.min(Math.max(elapsed, 0), total), total);
}

/**
 * Gap to time progress in percentage points = completion rate − time progress; positive means ahead
 * of time, negative behind ("64.4" against "41.7" → "22.7"). Null when the completion rate is null
 * (no plan to measure against). Source: DOMAIN.md "Plans, monthly reports, indicators".
 */
export function progressGap(completionPercent: string | null, timePercent: string): string | null {
  return completionPercent === null ? null : percentPoints(completionPercent, timePercent);
}

/**
 * A project (or region) is behind time progress when its completion rate is below 序时进度. The two
 * published one-decimal figures are compared, so the verdict always agrees with the bulletin; equal
 * is on time. No completion rate (no plan) is never behind. Source: DOMAIN.md "Plans, monthly
 * reports, indicators" and the three-colour warning rule "investment progress against time progress".
 */
export function isBehindTimeProgress(completionPercent: string | null, timePercent: string): boolean {
  return completionPercent !== null && compareDecimals(completionPercent, timePercent) < 0;
}
