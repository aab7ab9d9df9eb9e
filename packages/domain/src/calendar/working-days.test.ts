import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { china2025And2026 as calendar } from './china-calendar.fixture';
import {
  addWorkingDays,
  dayOfMonthDeadline,
  emptyHolidayCalendar,
  type HolidayOverride,
  isProvisionalDeadline,
  isWorkingDay,
  mergeCalendars,
  nthWorkingDayAfterMonthEnd,
  provisionalYears,
  workingDaysBetween,
  workingDeadline,
} from './working-days';

/** Runs `act`, expecting an AppError, and returns it for assertions. */
function appErrorOf(act: () => unknown): AppError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  return expect.unreachable('expected an AppError');
}

describe('isWorkingDay', () => {
  it.each([
    ['2025-09-17', true, 'an ordinary Wednesday'],
    ['2025-09-20', false, 'an ordinary Saturday'],
    ['2025-09-28', true, 'Sunday make-up day before National Day'],
    ['2025-10-01', false, 'National Day, a Wednesday'],
    ['2025-10-04', false, 'a holiday falling on Saturday'],
    ['2025-10-06', false, 'Mid-Autumn inside the National Day break'],
    ['2025-10-08', false, 'last day of the 8-day break, a Wednesday'],
    ['2025-10-09', true, 'first day back'],
    ['2025-10-11', true, 'Saturday make-up day after National Day'],
    ['2025-10-12', false, 'the Sunday after the make-up Saturday'],
    ['2025-01-26', true, 'Sunday make-up day before Spring Festival'],
    ['2025-01-28', false, 'Spring Festival eve (除夕)'],
    ['2025-02-04', false, 'last day of Spring Festival'],
    ['2025-02-08', true, 'Saturday make-up day after Spring Festival'],
    ['2025-04-27', true, 'Sunday make-up day before Labour Day'],
    ['2025-05-05', false, 'Labour Day break, a Monday'],
    ['2026-09-20', true, 'Sunday make-up day before 2026 National Day'],
    ['2026-09-25', false, '2026 Mid-Autumn, a Friday'],
    ['2026-10-07', false, 'last day of 2026 National Day, a Wednesday'],
    ['2026-10-08', true, 'first day back in 2026'],
    ['2026-10-10', true, 'Saturday make-up day after 2026 National Day'],
  ])('%s works: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it.each(['2025-02-29', '2025-13-01', '2025/10/01', '2025-9-1', ''])(
    'rejects the malformed date “%s”',
    (date) => {
      const error = appErrorOf(() => isWorkingDay(date, calendar));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([{ path: 'date', message: '应为 YYYY-MM-DD 格式的日历日期' }]);
    },
  );
});

describe('addWorkingDays', () => {
  it.each([
    // Wed 24 Sep → Thu 25 (1), Fri 26 (2), Sat 27 off, Sun 28 make-up (3), Mon 29 (4), Tue 30 (5).
    ['2025-09-24', 5, '2025-09-30', 'Wednesday before 2025 National Day counts the make-up Sunday'],
    // Wed 30 Apr → 1–5 May off, Tue 6 (1), Wed 7 (2), Thu 8 (3), Fri 9 (4), weekend, Mon 12 (5).
    ['2025-04-30', 5, '2025-05-12', 'Wednesday before 2025 Labour Day'],
    // Wed 22 Jan → Thu 23 (1), Fri 24 (2), Sat off, Sun 26 make-up (3), Mon 27 (4), 28 Jan–4 Feb off, Wed 5 Feb (5).
    ['2025-01-22', 5, '2025-02-05', 'Wednesday before 2025 Spring Festival'],
    // Wed 30 Sep 2026 → 1–7 Oct off, Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Sun off, Mon 12 (4), Tue 13 (5).
    ['2026-09-30', 5, '2026-10-13', 'Wednesday before 2026 National Day'],
    ['2025-09-26', 1, '2025-09-28', 'Friday → the make-up Sunday'],
    ['2025-10-10', 1, '2025-10-11', 'Friday → the make-up Saturday'],
    ['2025-10-11', 1, '2025-10-13', 'the make-up Saturday → Monday'],
    // Wed 31 Dec 2025 → 1–3 Jan off, Sun 4 Jan make-up (1), Mon 5 (2).
    ['2025-12-31', 2, '2026-01-05', 'across New Year into 2026'],
    ['2024-12-31', 1, '2025-01-02', 'the start date is not counted, so its year need not be known'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n, calendar)).toBe(expected);
  });

  it.each([
    ['2025-09-17', '2025-09-17', 'a working day is its own answer'],
    ['2025-10-11', '2025-10-11', 'so is a make-up Saturday'],
    ['2025-10-01', '2025-10-09', 'a holiday moves to the first day back'],
    ['2025-10-12', '2025-10-13', 'a plain Sunday moves to Monday'],
    ['2025-09-27', '2025-09-28', 'a Saturday moves to the make-up Sunday'],
  ])('n = 0 from %s gives %s (%s)', (date, expected) => {
    expect(addWorkingDays(date, 0, calendar)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects n = %s', (n) => {
    const error = appErrorOf(() => addWorkingDays('2025-10-09', n, calendar));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'n', message: '应为不小于 0 的整数' }]);
  });
});

describe('years the calendar does not know (暂定)', () => {
  it.each([
    // 2027 is unknown to the fixture: Thu 31 Dec 2026 → Fri 1 Jan 2027 元旦 off, weekend, Mon 4 (1)… Fri 8 (5).
    ['addWorkingDays past 2026', () => addWorkingDays('2026-12-31', 5, calendar), '2027-01-08'],
    // Thu 30 Sep 2027 → 1–3 Oct off (Fri–Sun), Mon 4 (1): the lunar Mid-Autumn cannot be known.
    ['National Day 2027', () => addWorkingDays('2027-09-30', 1, calendar), '2027-10-04'],
    // Fri 30 Apr 2027 → Sat 1 May 劳动节 and Sun off, Mon 3 May (1).
    ['Labour Day 2027', () => addWorkingDays('2027-04-30', 1, calendar), '2027-05-03'],
    ['n = 0 on an unknown Saturday', () => addWorkingDays('2024-06-01', 0, calendar), '2024-06-03'],
    ['workingDaysBetween into 2027', () => workingDaysBetween('2026-12-25', '2027-01-08', calendar), 9],
    // Dec 2026 ends Thu 31; 1 Jan 2027 off, Sat, Sun, so the 1st working day is Mon 4 Jan.
    [
      'the December 2026 report deadline',
      () => nthWorkingDayAfterMonthEnd(2026, 12, 1, calendar),
      '2027-01-04',
    ],
    [
      'a rolled day-of-month deadline in 2027 (Sun 10 Jan → Mon 11)',
      () => dayOfMonthDeadline(2026, 12, 10, calendar, { rollForward: true, monthOffset: 1 }),
      '2027-01-11',
    ],
  ])('%s counts weekends and fixed-date holidays only', (_, act, expected) => {
    expect(act()).toBe(expected);
  });

  it.each([
    ['2029-01-01', false, '元旦 2029, a Monday'],
    ['2029-05-01', false, '劳动节 2029, a Tuesday'],
    ['2029-10-03', false, '国庆 third day 2029, a Wednesday'],
    ['2029-10-04', true, 'the lunar holidays and 调休 cannot be known: 4 Oct 2029 counts as working'],
    ['2029-02-13', true, 'Spring Festival 2029 cannot be known either'],
    ['2029-06-09', false, 'a Saturday'],
  ])('%s works: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it('marks a deadline counted through an unknown year as provisional, and only then', () => {
    expect(workingDeadline('2026-12-31', 5, calendar)).toEqual({ on: '2027-01-08', isProvisional: true });
    expect(workingDeadline('2026-12-01', 5, calendar)).toEqual({ on: '2026-12-08', isProvisional: false });
    expect(workingDeadline('2029-03-01', 1, calendar)).toEqual({ on: '2029-03-02', isProvisional: true });
    expect(provisionalYears('2026-12-31', '2029-01-02', calendar)).toEqual([2027, 2028, 2029]);
    expect(isProvisionalDeadline('2026-01-05', '2026-12-31', calendar)).toBe(false);
  });

  it('recomputes to the official answer once the year is entered', () => {
    // Suppose 2027's notice makes 1–3 Jan off and Sat 2 Jan… here: 4 Jan off as well (an example).
    const entered = mergeCalendars(calendar, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'holiday', name: '元旦' },
    ]);
    expect(workingDeadline('2026-12-31', 5, entered)).toEqual({ on: '2027-01-11', isProvisional: false });
  });

  it('an empty calendar knows no year: everything is provisional', () => {
    expect(isWorkingDay('2025-10-01', emptyHolidayCalendar)).toBe(false);
    expect(isWorkingDay('2025-10-06', emptyHolidayCalendar)).toBe(true);
    expect(workingDeadline('2025-10-09', 1, emptyHolidayCalendar).isProvisional).toBe(true);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-09-30', '2025-10-14', 5, 'the September 2025 report window'],
    ['2025-09-30', '2025-10-08', 0, 'only the National Day break'],
    ['2025-09-26', '2025-09-28', 1, 'Saturday off, make-up Sunday counted'],
    ['2025-10-09', '2025-10-09', 0, 'to = from'],
    ['2025-10-14', '2025-09-30', 0, 'to before from'],
    ['2024-12-31', '2025-12-31', 248, 'all of 2025: 261 weekdays − 18 weekday holidays + 5 make-up days'],
    ['2025-12-31', '2026-12-31', 248, 'all of 2026'],
  ])('(%s, %s] holds %i working days (%s)', (from, to, expected) => {
    expect(workingDaysBetween(from, to, calendar)).toBe(expected);
  });

  it.each([
    ['2025-09-24', 5],
    ['2025-01-20', 12],
    ['2025-12-25', 7],
    ['2026-02-10', 10],
  ])('inverts addWorkingDays from %s over %i days', (date, n) => {
    expect(workingDaysBetween(date, addWorkingDays(date, n, calendar), calendar)).toBe(n);
  });
});

describe('nthWorkingDayAfterMonthEnd', () => {
  it.each([
    // September 2025 ends Tue 30 Sep. 1–8 Oct (Wed–Wed) are off for National Day + Mid-Autumn, so the
    // count starts after the break: Thu 9 Oct (1), Fri 10 (2), Sat 11 — a make-up working day — (3),
    // Sun 12 off, Mon 13 (4), Tue 14 (5). Without the make-up Saturday it would be Wed 15 Oct.
    [2025, 9, 5, '2025-10-14'],
    [2025, 9, 3, '2025-10-11'],
    [2025, 9, 0, '2025-09-30'],
    // January 2025 ends Fri 31 Jan inside Spring Festival: Wed 5 Feb (1), 6 (2), 7 (3), Sat 8 make-up (4), Mon 10 (5).
    [2025, 1, 5, '2025-02-10'],
    [2025, 4, 5, '2025-05-12'],
    // May 2025 ends Sat 31 May, the first day of Dragon Boat (31 May–2 Jun), so n = 0 gives Tue 3 Jun.
    [2025, 5, 0, '2025-06-03'],
    // December 2025 ends Wed 31 Dec: Sun 4 Jan make-up (1), Mon 5 (2), Tue 6 (3), Wed 7 (4), Thu 8 (5).
    [2025, 12, 5, '2026-01-08'],
    [2026, 9, 5, '2026-10-13'],
  ])('%i-%i + %i working days → %s', (year, month, n, expected) => {
    expect(nthWorkingDayAfterMonthEnd(year, month, n, calendar)).toBe(expected);
  });

  it.each([
    [2025, 0, 'month'],
    [2025, 13, 'month'],
    [25, 9, 'year'],
  ])('rejects %i-%i', (year, month, path) => {
    expect(appErrorOf(() => nthWorkingDayAfterMonthEnd(year, month, 5, calendar)).details?.[0]?.path).toBe(
      path,
    );
  });
});

describe('dayOfMonthDeadline', () => {
  it.each([
    [2025, 9, 25, false, 0, '2025-09-25', 'the 25th of the same month'],
    [2025, 9, 5, false, 1, '2025-10-05', 'the 5th of the next month stands on a holiday without rolling'],
    [2025, 9, 5, true, 1, '2025-10-09', 'rolled past the National Day break'],
    [2025, 9, 27, true, 0, '2025-09-28', 'a Saturday rolls to the make-up Sunday'],
    [2025, 1, 25, true, 1, '2025-02-25', 'a working Tuesday does not move'],
    [2025, 12, 10, true, 1, '2026-01-12', 'December report, due the 10th of January 2026, a Saturday'],
    [2025, 4, 31, false, 0, '2025-04-30', 'the 31st of April means its last day'],
    [2026, 1, 31, true, 1, '2026-02-28', 'clamped to 28 Feb 2026, a make-up Saturday'],
    [2025, 1, 15, false, -1, '2024-12-15', 'a negative offset without rolling needs no calendar'],
  ])('%i-%i day %i roll %s offset %i → %s (%s)', (year, month, day, rollForward, monthOffset, expected) => {
    expect(dayOfMonthDeadline(year, month, day, calendar, { rollForward, monthOffset })).toBe(expected);
  });

  it('defaults to the same month', () => {
    expect(dayOfMonthDeadline(2025, 10, 1, calendar, { rollForward: true })).toBe('2025-10-09');
  });

  it.each([
    [0, 0, 'day'],
    [32, 0, 'day'],
    [10, 0.5, 'monthOffset'],
  ])('rejects day %i with offset %s', (day, monthOffset, path) => {
    const error = appErrorOf(() =>
      dayOfMonthDeadline(2025, 9, day, calendar, { rollForward: false, monthOffset }),
    );
    expect(error.details?.[0]?.path).toBe(path);
  });
});

describe('mergeCalendars', () => {
  it.each([
    // The office works 8 Oct: Wed 8 (1), Thu 9 (2), Fri 10 (3), Sat 11 (4), Mon 13 (5).
    [{ date: '2025-10-08', kind: 'workday' }, '2025-10-13', 'a holiday turned into a workday'],
    [{ date: '2025-10-14', kind: 'holiday' }, '2025-10-15', 'a weekday turned into a holiday'],
    // Without the make-up Saturday: Thu 9, Fri 10, Mon 13, Tue 14, Wed 15.
    [{ date: '2025-10-11', kind: 'holiday' }, '2025-10-15', 'a make-up Saturday cancelled'],
    [{ date: '2025-10-12', kind: 'workday' }, '2025-10-13', 'a Sunday made a working day'],
  ] as [HolidayOverride, string, string][])(
    'the override %o moves the September 2025 deadline to %s (%s)',
    (override, expected) => {
      const merged = mergeCalendars(calendar, [override]);
      expect(isWorkingDay(override.date, merged)).toBe(override.kind === 'workday');
      expect(nthWorkingDayAfterMonthEnd(2025, 9, 5, merged)).toBe(expected);
    },
  );

  it('replaces the base name, or clears it when the override has none', () => {
    const merged = mergeCalendars(calendar, [
      { date: '2025-10-08', kind: 'workday', name: '本地调整上班' },
      { date: '2025-10-07', kind: 'workday' },
    ]);
    expect(merged.holidayNames?.get('2025-10-08')).toBe('本地调整上班');
    expect(merged.holidayNames?.has('2025-10-07')).toBe(false);
    expect(merged.holidayNames?.get('2025-10-06')).toBe('中秋');
  });

  it('lets the later of two overrides for one date win', () => {
    const merged = mergeCalendars(calendar, [
      { date: '2025-10-08', kind: 'workday' },
      { date: '2025-10-08', kind: 'holiday' },
    ]);
    expect(isWorkingDay('2025-10-08', merged)).toBe(false);
  });

  it('counts the years of overrides as known', () => {
    const merged = mergeCalendars(calendar, [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect([...merged.knownYears].sort()).toEqual([2025, 2026, 2027]);
    // Thu 31 Dec 2026 → Fri 1 Jan 2027 off, weekend, Mon 4 Jan.
    expect(addWorkingDays('2026-12-31', 1, merged)).toBe('2027-01-04');
  });

  it('builds a calendar from entries alone on top of the empty one', () => {
    const built = mergeCalendars(emptyHolidayCalendar, [{ date: '2025-10-11', kind: 'workday' }]);
    expect(built.knownYears).toEqual(new Set([2025]));
    expect(isWorkingDay('2025-10-11', built)).toBe(true);
    expect(isWorkingDay('2025-10-01', built)).toBe(true);
  });

  it('leaves the base calendar untouched', () => {
    mergeCalendars(calendar, [{ date: '2025-10-01', kind: 'workday' }]);
    expect(isWorkingDay('2025-10-01', calendar)).toBe(false);
    expect(emptyHolidayCalendar.knownYears.size).toBe(0);
  });

  it('rejects a malformed override date, pointing at the row', () => {
    const error = appErrorOf(() =>
      mergeCalendars(calendar, [
        { date: '2025-10-08', kind: 'workday' },
        { date: '2025-10-32', kind: 'holiday' },
      ]),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.[0]?.path).toBe('overrides[1].date');
  });
});
