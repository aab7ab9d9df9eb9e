import { describe, expect, it } from 'vitest';
import { china2025And2026 as chinaCalendar } from '../calendar/china-calendar.fixture';
import { emptyHolidayCalendar } from '../calendar/working-days';
import {
  chinaDate,
  defaultReportingRule,
  effectiveReportingRule,
  isReportingDeadlineProvisional,
  type ReportingRule,
  reportingDeadline,
  reportingPeriod,
  reportTimeliness,
  reportWindowState,
} from './reporting-calendar';

const workingDays = (n: number): ReportingRule => ({
  ...defaultReportingRule,
  deadlineKind: 'workingDaysAfterMonthEnd',
  deadlineDay: null,
  deadlineWorkingDays: n,
});
const dayOfMonth = (day: number, offset = 0): ReportingRule => ({
  ...defaultReportingRule,
  deadlineDay: day,
  deadlineMonthOffset: offset,
});

describe('reportingDeadline', () => {
  it('puts "5 working days after month-end" for September 2026 on 13 October, across National Day and its make-up Saturday', () => {
    // 30 Sep is month-end; 1–7 Oct are off; 8 (Thu), 9 (Fri), 10 (make-up Saturday), 12 (Mon), 13 (Tue).
    expect(reportingDeadline(workingDays(5), 2026, 9, chinaCalendar)).toBe('2026-10-13');
  });

  it.each([
    [workingDays(1), 2026, 9, '2026-10-08', 'first working day after the holiday'],
    [workingDays(3), 2026, 9, '2026-10-10', 'the make-up Saturday counts'],
    [workingDays(5), 2026, 1, '2026-02-06', 'an ordinary month'],
    [workingDays(5), 2026, 2, '2026-03-06', 'February ends on a make-up Saturday, not counted itself'],
    [dayOfMonth(25), 2026, 9, '2026-09-28', 'the 25th is Mid-Autumn (Friday): moves to Monday the 28th'],
    [dayOfMonth(25), 2026, 4, '2026-04-27', 'the 25th is a Saturday: moves to Monday'],
    [dayOfMonth(25), 2026, 3, '2026-03-25', 'a working Wednesday stays'],
    [dayOfMonth(31), 2026, 4, '2026-04-30', 'a day past month-end is the last day'],
    [
      dayOfMonth(5, 1),
      2026,
      9,
      '2026-10-08',
      'the 5th of the next month inside National Day moves to the 8th',
    ],
  ])('%o for %i-%i is %s (%s)', (rule, year, month, expected) => {
    expect(reportingDeadline(rule, year, month, chinaCalendar)).toBe(expected);
  });

  it('moves a day-of-month date off a weekend by the provisional rule in a year the calendar does not know', () => {
    // Sat 25 Jan 2031 → Mon 27 Jan (the lunar Spring Festival cannot be known).
    expect(reportingDeadline(dayOfMonth(25), 2031, 1, emptyHolidayCalendar)).toBe('2031-01-27');
    expect(isReportingDeadlineProvisional(dayOfMonth(25), 2031, 1, emptyHolidayCalendar)).toBe(true);
  });

  it('counts a working-days rule by the provisional rule in a year the calendar does not know', () => {
    // January 2031 ends on Friday the 31st: Mon 3 … Fri 7 February.
    expect(reportingDeadline(workingDays(5), 2031, 1, emptyHolidayCalendar)).toBe('2031-02-07');
    expect(isReportingDeadlineProvisional(workingDays(5), 2031, 1, emptyHolidayCalendar)).toBe(true);
  });

  it('marks the December deadline provisional only when it falls into an unknown year', () => {
    expect(reportingDeadline(workingDays(5), 2026, 12, chinaCalendar)).toBe('2027-01-08');
    expect(isReportingDeadlineProvisional(workingDays(5), 2026, 12, chinaCalendar)).toBe(true);
    expect(isReportingDeadlineProvisional(dayOfMonth(25), 2026, 12, chinaCalendar)).toBe(false);
    expect(isReportingDeadlineProvisional(workingDays(5), 2026, 11, chinaCalendar)).toBe(false);
  });
});

describe('reportingPeriod and reportWindowState', () => {
  const period = reportingPeriod(defaultReportingRule, 2026, 3, chinaCalendar);
  it('opens 10 days before the 25th and never closes by default', () => {
    expect(period).toEqual({ opensOn: '2026-03-15', dueOn: '2026-03-25', closesOn: null });
  });

  it.each([
    ['2026-03-14', 'notOpen'],
    ['2026-03-15', 'open'],
    ['2026-03-25', 'open'],
    ['2026-03-26', 'late'],
    ['2027-01-01', 'late'],
  ] as const)('on %s the default window is %s', (today, state) => {
    expect(reportWindowState(period, today)).toBe(state);
  });

  const strict = reportingPeriod({ ...defaultReportingRule, lateAllowed: false }, 2026, 3, chinaCalendar);
  const fiveDays = reportingPeriod({ ...defaultReportingRule, lateCloseDays: 5 }, 2026, 3, chinaCalendar);
  it.each([
    [strict, '2026-03-25', 'open'],
    [strict, '2026-03-26', 'closed'],
    [fiveDays, '2026-03-30', 'late'],
    [fiveDays, '2026-03-31', 'closed'],
  ] as const)('late rules: %o on %s is %s', (p, today, state) => {
    expect(reportWindowState(p, today)).toBe(state);
  });
});

describe('effectiveReportingRule', () => {
  const city = workingDays(5);
  const county = dayOfMonth(20);
  it.each([
    ['350000.350900.350902', new Map([['350000.350900', city]]), city, '350000.350900'],
    [
      '350000.350900.350902',
      new Map([
        ['350000.350900', city],
        ['350000.350900.350902', county],
      ]),
      county,
      '350000.350900.350902',
    ],
    ['350000.350900.350981', new Map([['350000.350900.350902', county]]), defaultReportingRule, null],
  ])('for %s picks its own, else the nearest ancestor, else the default', (path, rules, rule, fromPath) => {
    expect(effectiveReportingRule(path, rules)).toEqual({ rule, fromPath });
  });
});

describe('reportTimeliness', () => {
  it.each([
    [true, false, '2026-05-25', '2026-06-30', 'onTime', 'submitted before the deadline'],
    [true, true, '2026-05-25', '2026-06-30', 'late', 'first submitted after the deadline'],
    [true, true, null, '2026-05-01', 'late', 'the late flag decides, whatever the date'],
    [false, false, '2026-05-25', '2026-05-25', 'notYetDue', 'on the deadline day itself'],
    [false, false, '2026-05-25', '2026-05-26', 'missing', 'the day after the deadline'],
    [false, true, '2026-05-25', '2026-05-20', 'notYetDue', 'a draft before the deadline'],
    [false, false, null, '2027-01-10', 'notYetDue', 'no deadline can be stated'],
  ] as const)(
    'submitted %s, late %s, due %s, today %s → %s (%s)',
    (isSubmitted, isLate, dueOn, today, expected, _why) => {
      expect(reportTimeliness({ isSubmitted, isLate, dueOn, today })).toBe(expected);
    },
  );
});

describe('chinaDate', () => {
  it.each([
    ['2026-09-30T15:59:59Z', '2026-09-30'],
    ['2026-09-30T16:00:00Z', '2026-10-01'],
  ])('%s is %s in Beijing', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });
});
