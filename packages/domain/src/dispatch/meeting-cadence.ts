import { addWorkingDays, type HolidayCalendar } from '../calendar/working-days';
import { AppError } from '../errors';

/**
 * 会议节奏: how often a meeting series sits. Weekly on a weekday (every `everyWeeks` weeks counted from
 * `anchorOn`, which is one of its dates), or monthly on the n-th working day of the month. A date that
 * falls on a day off moves to the next working day — offices hold the Monday meeting on the Tuesday
 * after a holiday, not on the Sunday before.
 */
export type MeetingCadence =
  | {
      kind: 'weekly';
      /** 1 = Monday … 5 = Friday (ISO weekday; weekends are not meeting days). */
      weekday: 1 | 2 | 3 | 4 | 5;
      /** 1 = every week, 2 = every other week… */
      everyWeeks: number;
      /** A date on which the series sat or will sit, fixing which weeks count when `everyWeeks` > 1. */
      anchorOn: string;
    }
  | {
      kind: 'monthly';
      /** The n-th working day of the month (1 = the first). */
      nthWorkingDay: number;
    }
  | {
      /** No fixed rhythm (专题会, 会商): meetings are scheduled one by one. */
      kind: 'adHoc';
    };

const msPerDay = 86_400_000;

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / msPerDay;
const fromDayNumber = (day: number) => new Date(day * msPerDay).toISOString().slice(0, 10);
/** ISO weekday: 1 = Monday … 7 = Sunday. */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** Checks a cadence's numbers; answers the localised problems by field path (empty when sound). */
export function cadenceProblems(cadence: MeetingCadence): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (cadence.kind === 'weekly') {
    if (!Number.isInteger(cadence.weekday) || cadence.weekday < 1 || cadence.weekday > 5)
      problems.push({ path: 'cadence.weekday', message: '例会应定在周一至周五' });
    if (!Number.isInteger(cadence.everyWeeks) || cadence.everyWeeks < 1 || cadence.everyWeeks > 8)
      problems.push({ path: 'cadence.everyWeeks', message: '间隔周数应为 1–8 的整数' });
    else if (isoWeekday(dayNumber(cadence.anchorOn)) !== cadence.weekday)
      problems.push({ path: 'cadence.anchorOn', message: '起始日期应是所选的星期几' });
  }
  if (
    cadence.kind === 'monthly' &&
    (!Number.isInteger(cadence.nthWorkingDay) || cadence.nthWorkingDay < 1 || cadence.nthWorkingDay > 20)
  )
    problems.push({ path: 'cadence.nthWorkingDay', message: '每月第几个工作日应为 1–20 的整数' });
  return problems;
}

function assertCadence(cadence: MeetingCadence) {
  const problems = cadenceProblems(cadence);
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `会议节奏设置有误：${problems.map((p) => p.message).join('；')}`,
      problems,
    );
}

/** The working day on or after `date`. */
const onOrAfterWorking = (date: string, calendar: HolidayCalendar) => addWorkingDays(date, 0, calendar);

/**
 * The sitting dates of a series from `from` (inclusive) on, at most `count` of them; an ad-hoc series
 * has none. Each nominal date (the weekday of a counted week, or the month's n-th working day) is moved
 * to the next working day when it is a day off.
 */
export function meetingDates(
  cadence: MeetingCadence,
  from: string,
  count: number,
  calendar: HolidayCalendar,
): string[] {
  assertCadence(cadence);
  if (cadence.kind === 'adHoc' || count <= 0) return [];
  const dates: string[] = [];
  const start = dayNumber(from);
  if (cadence.kind === 'weekly') {
    const anchor = dayNumber(cadence.anchorOn);
    const period = 7 * cadence.everyWeeks;
    // The first nominal date on or after `from` − 7 days: a Monday holiday pushes that week's sitting
    // into the days after `from`, and it must not be skipped.
    let nominal = anchor + Math.ceil((start - 7 - anchor) / period) * period;
    for (let guard = 0; dates.length < count && guard < count + 60; guard += 1, nominal += period) {
      const sitting = onOrAfterWorking(fromDayNumber(nominal), calendar);
      if (dayNumber(sitting) >= start && !dates.includes(sitting)) dates.push(sitting);
    }
    return dates;
  }
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (let guard = 0; dates.length < count && guard < count + 24; guard += 1) {
    // The n-th working day of the month = n working days after the previous month's last day.
    const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
    const sitting = nthWorkingDayOfMonth(previous, cadence.nthWorkingDay, calendar);
    if (sitting >= from) dates.push(sitting);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return dates;
}

/** The n-th working day of the month after `previous`: n working days counted from its last day. */
function nthWorkingDayOfMonth(
  previous: { year: number; month: number },
  n: number,
  calendar: HolidayCalendar,
) {
  const lastDay = fromDayNumber(Date.UTC(previous.year, previous.month, 0) / msPerDay);
  return addWorkingDays(lastDay, n, calendar);
}

/** The series' next sitting on or after `from`, or null for an ad-hoc series. */
export function nextMeetingOn(
  cadence: MeetingCadence,
  from: string,
  calendar: HolidayCalendar,
): string | null {
  return meetingDates(cadence, from, 1, calendar)[0] ?? null;
}
