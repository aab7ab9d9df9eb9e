import { AppError } from '../errors';

/**
 * China's official working-day calendar as data. `holidays` are the State Council's days off (法定节假日
 * and the 调休 days attached to them, on weekdays or weekends); `workdays` are make-up working days
 * (调休上班) that fall on a Saturday or Sunday. Every other Monday–Friday works and every other
 * weekend day is off. `knownYears` lists the years whose arrangement has been published and
 * recorded; no rule answers for a date outside them. Dates are `YYYY-MM-DD` calendar days in China.
 */
export interface HolidayCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** The name of a day's arrangement (国庆节, 春节调休上班…), for display only. */
  holidayNames?: ReadonlyMap<string, string>;
  knownYears: ReadonlySet<number>;
}

/** What an admin override says a date is: a day off (`holiday`) or a working day (`workday`). */
export type HolidayOverrideKind = 'holiday' | 'workday';

/** One row of the admin-editable holiday table: the date, what it is, and optionally why. */
export interface HolidayOverride {
  date: string;
  kind: HolidayOverrideKind;
  name?: string;
}

/** How {@link dayOfMonthDeadline} places its day: months after the given one, and whether to roll. */
export interface DayOfMonthDeadlineOptions {
  /** Move a deadline that falls on a day off forward to the next working day. */
  rollForward: boolean;
  /** Months after the given month (0 = the same month, 1 = the month after a report month). */
  monthOffset?: number;
}

/** A calendar that knows no year; merge overrides onto it to build one from a list of entries. */
export const emptyHolidayCalendar: HolidayCalendar = {
  holidays: new Set(),
  workdays: new Set(),
  holidayNames: new Map(),
  knownYears: new Set(),
};

const msPerDay = 86_400_000;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Day number (days since 1970-01-01) of a valid `YYYY-MM-DD`; anything else is VALIDATION_FAILED. */
function toDayNumber(date: string, path: string): number {
  if (isoDatePattern.test(date)) {
    const day =
      Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / msPerDay;
    if (Number.isInteger(day) && fromDayNumber(day) === date) return day;
  }
  throw new AppError('VALIDATION_FAILED', `日期“${date}”无效，应为 YYYY-MM-DD 格式的日历日期`, [
    { path, message: '应为 YYYY-MM-DD 格式的日历日期' },
  ]);
}

function fromDayNumber(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The statutory days off whose dates are fixed in the Gregorian calendar (《全国年节及纪念日放假办法》):
 * 元旦 1 January, 劳动节 1 May, 国庆节 1–3 October. The lunar holidays (春节, 清明, 端午, 中秋) and every
 * 调休 arrangement are published by the State Council each year and cannot be known in advance.
 */
export const fixedDateStatutoryHolidays: readonly { monthDay: string; name: string }[] = [
  { monthDay: '01-01', name: '元旦' },
  { monthDay: '05-01', name: '劳动节' },
  { monthDay: '10-01', name: '国庆节' },
  { monthDay: '10-02', name: '国庆节' },
  { monthDay: '10-03', name: '国庆节' },
];
const fixedMonthDays = new Set(fixedDateStatutoryHolidays.map((h) => h.monthDay));

/**
 * Whether a validated day works. In a year the calendar knows: 调休 make-up days work, holidays do
 * not, otherwise Monday–Friday. In a year whose arrangement is not entered yet the provisional rule
 * applies (暂定): weekends and the fixed-date statutory holidays are off, every other day works —
 * the lunar holidays cannot be known; a deadline counted this way is marked provisional.
 */
function worksOn(day: number, calendar: HolidayCalendar): boolean {
  const date = fromDayNumber(day);
  const weekday = weekdayOf(day);
  if (!calendar.knownYears.has(Number(date.slice(0, 4))))
    return weekday !== 0 && weekday !== 6 && !fixedMonthDays.has(date.slice(5));
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return weekday !== 0 && weekday !== 6;
}

/**
 * The years between `from` and `to` (both included) whose official arrangement the calendar does not
 * know, oldest first. A working-day count that starts on `from` and ends on `to` read every day in
 * between, so it is provisional exactly when this list is not empty.
 */
export function provisionalYears(from: string, to: string, calendar: HolidayCalendar): number[] {
  toDayNumber(from, 'from');
  toDayNumber(to, 'to');
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1)
    if (!calendar.knownYears.has(year)) years.push(year);
  return years;
}

/**
 * 暂定: whether a deadline counted in working days from `from` to `deadline` went through a year the
 * calendar does not know (so it used the provisional rule and must be recomputed when that year is
 * entered). The one rule for problem due dates, letters' reply dates and reporting deadlines.
 */
export function isProvisionalDeadline(from: string, deadline: string, calendar: HolidayCalendar): boolean {
  return provisionalYears(from, deadline, calendar).length > 0;
}

/** A working-day deadline and whether it is provisional ({@link isProvisionalDeadline}). */
export interface WorkingDeadline {
  on: string;
  isProvisional: boolean;
}

/**
 * `addWorkingDays` with its provisional mark: the n-th working day after `date`, provisional when
 * the count read a day of a year whose official arrangement is not entered.
 */
export function workingDeadline(date: string, n: number, calendar: HolidayCalendar): WorkingDeadline {
  const on = addWorkingDays(date, n, calendar);
  return { on, isProvisional: isProvisionalDeadline(date, on, calendar) };
}

function assertCount(n: number, path: string): void {
  if (Number.isInteger(n) && n >= 0) return;
  throw new AppError('VALIDATION_FAILED', `工作日天数应为不小于 0 的整数，收到 ${n}`, [
    { path, message: '应为不小于 0 的整数' },
  ]);
}

/** Day number of the first of a month, validating year (1–9999) and month (1–12). */
function firstOfMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new AppError('VALIDATION_FAILED', `年份“${year}”无效`, [{ path: 'year', message: '应为有效年份' }]);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new AppError('VALIDATION_FAILED', `月份“${month}”无效，应为 1–12`, [
      { path: 'month', message: '应为 1–12 的整数' },
    ]);
  return toDayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`, 'month');
}

/** Day number of the last day of a validated month. */
function lastOfMonth(year: number, month: number): number {
  firstOfMonth(year, month);
  return Date.UTC(year, month, 0) / msPerDay;
}

/** The day off on or after `day` is skipped: `day` itself if it works, else the next day that does. */
function onOrAfter(day: number, calendar: HolidayCalendar): number {
  let current = day;
  while (!worksOn(current, calendar)) current += 1;
  return current;
}

/**
 * Lays the admin's holiday table over a base calendar (usually the packaged official one). The
 * admin wins: each override replaces whatever the base says about its date — its kind and its name
 * (an override without a name clears the base name, which would describe the replaced arrangement).
 * When two overrides name the same date the later one wins. Every year an override falls in counts
 * as known, so an admin recording a new year should enter its whole arrangement.
 */
export function mergeCalendars(
  base: HolidayCalendar,
  overrides: readonly HolidayOverride[],
): HolidayCalendar {
  const holidays = new Set(base.holidays);
  const workdays = new Set(base.workdays);
  const holidayNames = new Map(base.holidayNames ?? []);
  const knownYears = new Set(base.knownYears);
  overrides.forEach((override, index) => {
    toDayNumber(override.date, `overrides[${index}].date`);
    holidays.delete(override.date);
    workdays.delete(override.date);
    (override.kind === 'holiday' ? holidays : workdays).add(override.date);
    if (override.name) holidayNames.set(override.date, override.name);
    else holidayNames.delete(override.date);
    knownYears.add(Number(override.date.slice(0, 4)));
  });
  return { holidays, workdays, holidayNames, knownYears };
}

/**
 * Whether people work on `date`: a make-up working day (调休上班) does, a holiday does not, and
 * otherwise Monday–Friday do and weekends do not. In a year the calendar does not know, the
 * provisional rule: weekends and the fixed-date statutory holidays are off.
 */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  return worksOn(toDayNumber(date, 'date'), calendar);
}

/**
 * The n-th working day after `date` ("within 5 working days" → n = 5); `date` itself is never
 * counted, so a limit starting on a Wednesday counts from Thursday. n = 0 gives `date` if it is a
 * working day, else the next working day. A count that walks into a year the calendar does not know
 * uses the provisional rule there; {@link workingDeadline} says so.
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar): string {
  assertCount(n, 'n');
  let day = toDayNumber(date, 'date');
  if (n === 0) return fromDayNumber(onOrAfter(day, calendar));
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (worksOn(day, calendar)) counted += 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days in the half-open span (from, to]: `from` is not counted, `to` is. 0 when `to` is on
 * or before `from`. So `workingDaysBetween(d, addWorkingDays(d, n), c) === n` for n ≥ 1. Days of a
 * year the calendar does not know count by the provisional rule.
 */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  const start = toDayNumber(from, 'from');
  const end = toDayNumber(to, 'to');
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) if (worksOn(day, calendar)) count += 1;
  return count;
}

/**
 * The deadline "n working days after month-end" for a report month (month 1–12): the n-th working
 * day after the month's last calendar day, so a month ending in a holiday counts from the first
 * working day after it. n = 0 is the month-end itself, or the next working day if that is a day off.
 */
export function nthWorkingDayAfterMonthEnd(
  year: number,
  month: number,
  n: number,
  calendar: HolidayCalendar,
): string {
  assertCount(n, 'n');
  return addWorkingDays(fromDayNumber(lastOfMonth(year, month)), n, calendar);
}

/**
 * A fixed-day deadline such as "the 25th": day `day` (1–31) of the month `monthOffset` months after
 * `year`-`month` (0, the default, is the same month; 1 is the month after a report month). A day past
 * the month's end means its last day (31 in April → 30 April). With `rollForward` a deadline on a
 * day off moves to the next working day; without it the date stands and the calendar is not read.
 */
export function dayOfMonthDeadline(
  year: number,
  month: number,
  day: number,
  calendar: HolidayCalendar,
  options: DayOfMonthDeadlineOptions,
): string {
  const offset = options.monthOffset ?? 0;
  if (!Number.isInteger(day) || day < 1 || day > 31)
    throw new AppError('VALIDATION_FAILED', `日“${day}”无效，应为 1–31`, [
      { path: 'day', message: '应为 1–31 的整数' },
    ]);
  if (!Number.isInteger(offset))
    throw new AppError('VALIDATION_FAILED', `月份偏移“${offset}”无效，应为整数`, [
      { path: 'monthOffset', message: '应为整数' },
    ]);
  firstOfMonth(year, month);
  const monthIndex = year * 12 + (month - 1) + offset;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const first = firstOfMonth(targetYear, targetMonth);
  const deadline = Math.min(first + day - 1, lastOfMonth(targetYear, targetMonth));
  return fromDayNumber(options.rollForward ? onOrAfter(deadline, calendar) : deadline);
}
