import {
  dayOfMonthDeadline,
  type HolidayCalendar,
  isProvisionalDeadline,
  nthWorkingDayAfterMonthEnd,
} from '../calendar/working-days';
import { AppError } from '../errors';
import { defaultBlockingChecks, type ReportCheckId } from './check-ids';

/**
 * A jurisdiction's reporting rule (报送日历): when a month's report is due, how early the window
 * opens, and whether and how long a late report is still accepted.
 */
export interface ReportingRule {
  deadlineKind: 'dayOfMonth' | 'workingDaysAfterMonthEnd';
  /** Day of the month (1–31) for `dayOfMonth`. */
  deadlineDay: number | null;
  /** For `dayOfMonth`: 0 = in the reported month, 1 = in the month after it. */
  deadlineMonthOffset: number;
  /** N for `workingDaysAfterMonthEnd`. */
  deadlineWorkingDays: number | null;
  /** The window opens this many calendar days before the deadline. */
  opensDaysBefore: number;
  lateAllowed: boolean;
  /** With late allowed: the last day a late report is accepted is the deadline + this (null: never closes). */
  lateCloseDays: number | null;
  blockingChecks: readonly ReportCheckId[];
}

/**
 * The rule of a region with no row of its own and no ancestor with one (semantics.md): the 25th of
 * the reported month, window opens 10 days before, late submission allowed and never closed.
 */
export const defaultReportingRule: ReportingRule = {
  deadlineKind: 'dayOfMonth',
  deadlineDay: 25,
  deadlineMonthOffset: 0,
  deadlineWorkingDays: null,
  opensDaysBefore: 10,
  lateAllowed: true,
  lateCloseDays: null,
  blockingChecks: defaultBlockingChecks,
};

/**
 * The rule that applies to a region: its own, else its nearest ancestor's, else the default.
 * `rulesByPath` holds the rows found on the region's path (root first or in any order); the region's
 * `path` is its materialised path (`350000.350900.350902`).
 */
export function effectiveReportingRule<T extends ReportingRule>(
  path: string,
  rulesByPath: ReadonlyMap<string, T>,
): { rule: ReportingRule | T; fromPath: string | null } {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const candidate = parts.slice(0, n).join('.');
    const rule = rulesByPath.get(candidate);
    if (rule) return { rule, fromPath: candidate };
  }
  return { rule: defaultReportingRule, fromPath: null };
}

/** The window of one reported month: opens, deadline, and the last day a report is accepted. */
export interface ReportingPeriodDates {
  opensOn: string;
  dueOn: string;
  /** Inclusive; null when late reports are accepted without end. Equal to `dueOn` without late submission. */
  closesOn: string | null;
}

const msPerDay = 86_400_000;
/** `date` moved by `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t + days * msPerDay).toISOString().slice(0, 10);
}

/**
 * The deadline of (year, month) under `rule`. A working-days rule counts with the holiday calendar
 * (调休 make-up Saturdays work, holidays do not). A day-of-month rule that lands on a day off **moves
 * to the next working day** (an owner is never due on a holiday — the 25th falling on a Saturday
 * means the Monday after). In a year the calendar does not know, both follow the provisional rule of
 * `domain/calendar` (weekends and fixed-date holidays); {@link isReportingDeadlineProvisional} says so.
 */
export function reportingDeadline(
  rule: ReportingRule,
  year: number,
  month: number,
  calendar: HolidayCalendar,
): string {
  if (rule.deadlineKind === 'workingDaysAfterMonthEnd') {
    if (rule.deadlineWorkingDays === null) throw invalidRule('deadlineWorkingDays');
    return nthWorkingDayAfterMonthEnd(year, month, rule.deadlineWorkingDays, calendar);
  }
  if (rule.deadlineDay === null) throw invalidRule('deadlineDay');
  return dayOfMonthDeadline(year, month, rule.deadlineDay, calendar, {
    monthOffset: rule.deadlineMonthOffset,
    rollForward: true,
  });
}

/**
 * 暂定: whether the deadline of (year, month) was decided by the provisional rule — some day from
 * the month's end to the deadline lies in a year whose official arrangement is not entered.
 */
export function isReportingDeadlineProvisional(
  rule: ReportingRule,
  year: number,
  month: number,
  calendar: HolidayCalendar,
): boolean {
  const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const deadline = reportingDeadline(rule, year, month, calendar);
  // A deadline inside the month (a day-of-month rule) counts from itself.
  const [from] = [deadline, lastDay].sort();
  return isProvisionalDeadline(from!, deadline, calendar);
}

function invalidRule(field: string): AppError {
  return new AppError('VALIDATION_FAILED', '报送日历设置不完整', [{ path: field, message: '必填' }]);
}

/** Opens, deadline and close of (year, month) under `rule`; see {@link reportingDeadline}. */
export function reportingPeriod(
  rule: ReportingRule,
  year: number,
  month: number,
  calendar: HolidayCalendar,
): ReportingPeriodDates {
  const dueOn = reportingDeadline(rule, year, month, calendar);
  return {
    opensOn: addCalendarDays(dueOn, -rule.opensDaysBefore),
    dueOn,
    closesOn: !rule.lateAllowed
      ? dueOn
      : rule.lateCloseDays === null
        ? null
        : addCalendarDays(dueOn, rule.lateCloseDays),
  };
}

/** Where `today` stands in a month's window. */
export type ReportWindowState = 'notOpen' | 'open' | 'late' | 'closed';

/**
 * `notOpen` before `opensOn`; `open` through the deadline (inclusive); after it `late` while late
 * reports are accepted (through `closesOn` inclusive), else `closed`.
 */
export function reportWindowState(period: ReportingPeriodDates, today: string): ReportWindowState {
  if (today < period.opensOn) return 'notOpen';
  if (today <= period.dueOn) return 'open';
  if (period.closesOn === null || today <= period.closesOn) return 'late';
  return 'closed';
}

/** Where one due project's month stands (报送及时性): 按时, 迟报, 漏报, or not yet due. */
export type ReportTimeliness = 'onTime' | 'late' | 'missing' | 'notYetDue';

/**
 * The timeliness of one due project's month, judged on `today` (China date). A report submitted at
 * least once is on time or late by the `late` flag fixed at its first submission (a return and
 * resubmission keep it). A month with no report, or only a draft, is missing once `today` is past
 * its deadline (`dueOn`: the calendar's deadline, as an unsubmitted report has none fixed yet) and
 * not yet due until then, or when no deadline can be stated (null). The status board, the cockpit
 * and a project's report year all use this one rule.
 */
export function reportTimeliness(input: {
  isSubmitted: boolean;
  isLate: boolean;
  dueOn: string | null;
  today: string;
}): ReportTimeliness {
  if (input.isSubmitted) return input.isLate ? 'late' : 'onTime';
  return input.dueOn !== null && input.today > input.dueOn ? 'missing' : 'notYetDue';
}

/** The calendar date in China (UTC+8, no daylight saving) of an instant: what "today" means for deadlines. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
