import type { HolidayCalendar } from '../calendar/working-days';
import { AppError } from '../errors';
import { parseQuarter } from '../evaluation/quarter';
import {
  type ReportingPeriodDates,
  type ReportingRule,
  type ReportWindowState,
  reportingPeriod,
  reportWindowState,
} from './reporting-calendar';

/** The reporting month that is current for a jurisdiction on a day, with its window. */
export interface CurrentReportingMonth {
  year: number;
  month: number;
  /** `YYYY-MM`. */
  key: string;
  /** The month's window; null only when no month's deadline could be stated (see below). */
  period: ReportingPeriodDates | null;
  /** Where `today` stands in that window: `open` (collecting), `late` or `closed` (past the deadline). */
  state: ReportWindowState;
}

/** How many months back the resolver looks for a month whose window is open or whose deadline passed. */
const lookBackMonths = 14;

const monthKeyOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/**
 * 当前报送月份 — the one answer to "which month are we reporting now" for a jurisdiction, used as
 * the default month by the report form, the status board, the review queue, the cockpit and the big
 * screen. Rule: among the months that have begun by `today` (China date), the month whose window is
 * open (`opensOn` ≤ today ≤ `dueOn`; the earliest one should two windows overlap), else the latest
 * month whose deadline has passed (its reports are due: late or missing from now on). A month whose
 * window has not opened yet is never current, so a screen never shows a period whose reports are not
 * yet due (on 6 December under the default 25th rule that is November, not December). Deadlines are
 * those of {@link reportingPeriod}: a day-of-month deadline on a day off moves to the next working
 * day, so the window moves with it; in a year the holiday calendar lacks, deadlines are the
 * calendar's provisional ones (weekends and the fixed-date holidays). Should no deadline be
 * stateable at all, the month before today's is answered with no window.
 */
export function currentReportingMonth(
  rule: ReportingRule,
  calendar: HolidayCalendar,
  today: string,
): CurrentReportingMonth {
  const todayIndex = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  let latestDue: CurrentReportingMonth | null = null;
  for (let index = todayIndex - lookBackMonths; index <= todayIndex; index += 1) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    let period: ReportingPeriodDates;
    try {
      period = reportingPeriod(rule, year, month, calendar);
    } catch (error) {
      if (error instanceof AppError) continue;
      throw error;
    }
    const state = reportWindowState(period, today);
    const found = { year, month, key: monthKeyOf(year, month), period, state };
    if (state === 'open') return found;
    if (state !== 'notOpen') latestDue = found;
  }
  if (latestDue) return latestDue;
  const before = todayIndex - 1;
  const year = Math.floor(before / 12);
  const month = (before % 12) + 1;
  return { year, month, key: monthKeyOf(year, month), period: null, state: 'late' };
}

/**
 * 当前季度 — the quarter the current reporting month falls in (`2026Q4` for November 2026), the one
 * "current quarter" every page starts from, derived from {@link currentReportingMonth} so the month
 * and the quarter never disagree.
 */
export function currentReportingQuarter(current: { year: number; month: number }): string {
  return `${current.year}Q${Math.ceil(current.month / 3)}`;
}

/**
 * The quarter a page about quarterly results (考评赛马) opens on: the latest quarter, not after
 * `current`, that has results the reader can see (`withResults`, any order, keys like `2026Q3`),
 * else `current` itself. So an empty quarter in progress never hides last quarter's ranking.
 */
export function defaultResultQuarter(current: string, withResults: readonly string[]): string {
  const limit = parseQuarter(current);
  let best: string | null = null;
  for (const key of withResults) {
    const q = parseQuarter(key);
    if (q.year * 4 + q.quarter > limit.year * 4 + limit.quarter) continue;
    if (best === null || key > best) best = key;
  }
  return best ?? current;
}
