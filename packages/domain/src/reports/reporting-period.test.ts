import { describe, expect, it } from 'vitest';
import { china2025And2026 as chinaCalendar } from '../calendar/china-calendar.fixture';
import { emptyHolidayCalendar } from '../calendar/working-days';
import { defaultReportingRule, type ReportingRule } from './reporting-calendar';
import { currentReportingMonth, currentReportingQuarter, defaultResultQuarter } from './reporting-period';

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

describe('currentReportingMonth', () => {
  it.each([
    // default rule: the 25th (next working day when off), window opens 10 days before, late allowed
    [
      defaultReportingRule,
      '2026-12-06',
      '2026-11',
      'late',
      'December has not opened (15th): November, due on the 25th',
    ],
    [defaultReportingRule, '2026-12-14', '2026-11', 'late', 'the day before December opens'],
    [defaultReportingRule, '2026-12-15', '2026-12', 'open', 'December opens on the 15th'],
    [defaultReportingRule, '2026-12-25', '2026-12', 'open', 'the deadline day itself is open'],
    [defaultReportingRule, '2026-12-31', '2026-12', 'late', 'past the deadline, before January opens'],
    [defaultReportingRule, '2027-01-03', '2026-12', 'late', "December→January: last year's December"],
    [
      defaultReportingRule,
      '2027-01-15',
      '2027-01',
      'open',
      'January 2027 (no holiday data yet): the 25th as written',
    ],
    [defaultReportingRule, '2026-06-26', '2026-06', 'late', "the day after June's deadline"],
    [defaultReportingRule, '2026-01-10', '2025-12', 'late', 'January: December of last year'],
    [
      defaultReportingRule,
      '2026-01-15',
      '2025-12',
      'late',
      'the 25th of January 2026 is a Sunday: due the 26th, opens the 16th',
    ],
    [defaultReportingRule, '2026-01-16', '2026-01', 'open', 'the moved window opens'],
    [
      defaultReportingRule,
      '2026-07-16',
      '2026-06',
      'late',
      '25 July is a Saturday: due the 27th, so July opens on the 17th',
    ],
    [defaultReportingRule, '2026-07-17', '2026-07', 'open', 'the moved July window'],
    [
      dayOfMonth(5, 1),
      '2026-10-08',
      '2026-09',
      'open',
      'the 5th of October falls in National Day: due the 8th, still open',
    ],
    [dayOfMonth(5, 1), '2026-10-09', '2026-09', 'late', 'after the moved deadline'],
    [dayOfMonth(5, 1), '2026-10-26', '2026-10', 'open', "October's window opens 10 days before 5 November"],
    [workingDays(5), '2026-10-12', '2026-09', 'open', '5 working days after September end is 13 October'],
    [workingDays(5), '2026-10-14', '2026-09', 'late', "October's window (due 6 November) opens 27 October"],
    [
      workingDays(5),
      '2027-01-03',
      '2026-12',
      'open',
      "December's deadline falls in 2027 (no holiday data): provisional 8 January, window open",
    ],
    [
      { ...defaultReportingRule, lateAllowed: false },
      '2026-12-06',
      '2026-11',
      'closed',
      'no late reports: closed',
    ],
  ])('%o on %s → %s (%s)', (rule, today, key, state) => {
    const current = currentReportingMonth(rule, chinaCalendar, today);
    expect(current.key).toBe(key);
    expect(`${current.year}-${String(current.month).padStart(2, '0')}`).toBe(key);
    expect(current.state).toBe(state);
  });

  it("answers the month's window dates", () => {
    expect(currentReportingMonth(defaultReportingRule, chinaCalendar, '2026-12-06').period).toEqual({
      opensOn: '2026-11-15',
      dueOn: '2026-11-25',
      closesOn: null,
    });
  });

  it('picks the earliest month when two windows overlap', () => {
    const wide = { ...defaultReportingRule, opensDaysBefore: 40 };
    expect(currentReportingMonth(wide, chinaCalendar, '2026-11-20').key).toBe('2026-11');
  });

  it('never answers a month that has not begun, even when its window opens early', () => {
    const early = { ...dayOfMonth(1), opensDaysBefore: 10 };
    expect(currentReportingMonth(early, chinaCalendar, '2026-11-25').key).toBe('2026-11');
  });

  it('counts a deadline in a year without holiday data provisionally (weekends, 元旦)', () => {
    const current = currentReportingMonth(workingDays(5), emptyHolidayCalendar, '2026-01-10');
    expect(current).toMatchObject({
      key: '2025-12',
      state: 'late',
      period: { opensOn: '2025-12-29', dueOn: '2026-01-08', closesOn: null },
    });
  });
});

describe('currentReportingQuarter', () => {
  it.each([
    [2026, 11, '2026Q4'],
    [2026, 12, '2026Q4'],
    [2027, 1, '2027Q1'],
    [2026, 3, '2026Q1'],
    [2026, 4, '2026Q2'],
  ])('%i-%i is in %s', (year, month, key) => {
    expect(currentReportingQuarter({ year, month })).toBe(key);
  });
});

describe('defaultResultQuarter', () => {
  it.each([
    ['2026Q4', ['2026Q2', '2026Q3'], '2026Q3', 'the latest quarter with results'],
    ['2026Q4', [], '2026Q4', 'none anywhere: the current quarter'],
    ['2027Q1', ['2026Q4', '2026Q3'], '2026Q4', 'across the year'],
    ['2026Q2', ['2026Q3', '2026Q1'], '2026Q1', 'a quarter after the current one is not taken'],
    ['2026Q3', ['2026Q3'], '2026Q3', 'the current quarter when it has results'],
  ])('current %s with %o → %s (%s)', (current, withResults, expected) => {
    expect(defaultResultQuarter(current, withResults)).toBe(expected);
  });
});
