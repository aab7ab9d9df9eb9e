import { addWorkingDays, isWorkingDay, nthWorkingDayAfterMonthEnd } from '@tuijin/domain';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { packageHolidayCalendar, withOverrides } from './holiday-calendar';

const calendar = packageHolidayCalendar();

describe('packageHolidayCalendar', () => {
  it('knows every year chinese-days ships, 2025 and 2026 among them', () => {
    const years = [...calendar.knownYears].sort((a, b) => a - b);
    expect(years).toContain(2025);
    expect(years).toContain(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => (years[0] ?? 0) + i));
  });

  it.each([
    ['2025-10-01', false, '国庆节'],
    ['2025-10-06', false, '中秋'],
    ['2025-10-08', false, '国庆节'],
    ['2025-09-28', true, '国庆节调休上班'],
    ['2025-10-11', true, '国庆节调休上班'],
    ['2025-01-26', true, '春节调休上班'],
    ['2025-02-04', false, '春节'],
    ['2025-04-27', true, '劳动节调休上班'],
    // 2026: 中秋 25–27 Sep; 国庆 1–7 Oct; make-up days Sun 20 Sep and Sat 10 Oct.
    ['2026-09-20', true, '国庆节调休上班'],
    ['2026-09-25', false, '中秋'],
    ['2026-09-27', false, '中秋'],
    ['2026-10-01', false, '国庆节'],
    ['2026-10-07', false, '国庆节'],
    ['2026-10-10', true, '国庆节调休上班'],
  ])('%s works: %s (%s)', (date, works, name) => {
    expect(isWorkingDay(date, calendar)).toBe(works);
    expect(calendar.holidayNames?.get(date)).toBe(name);
  });

  it('treats 2026-10-08 and 2026-10-09 as ordinary working days after the break', () => {
    expect(isWorkingDay('2026-10-08', calendar)).toBe(true);
    expect(isWorkingDay('2026-10-09', calendar)).toBe(true);
    expect(addWorkingDays('2026-09-30', 5, calendar)).toBe('2026-10-13');
  });

  it('agrees with chinese-days on every day of every known year', () => {
    const disagreements: string[] = [];
    for (const year of calendar.knownYears) {
      for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
        const date = new Date(time).toISOString().slice(0, 10);
        if (isWorkingDay(date, calendar) !== chineseDays.isWorkday(date)) disagreements.push(date);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('is built once', () => {
    expect(packageHolidayCalendar()).toBe(calendar);
  });
});

describe('withOverrides', () => {
  it('lets the admin table replace the package and add a year it does not know', () => {
    const lastYear = Math.max(...calendar.knownYears);
    const merged = withOverrides([
      { date: '2025-10-08', kind: 'workday', name: '本地调整上班' },
      { date: `${lastYear + 1}-01-01`, kind: 'holiday', name: '元旦' },
    ]);
    expect(isWorkingDay('2025-10-08', merged)).toBe(true);
    expect(nthWorkingDayAfterMonthEnd(2025, 9, 5, merged)).toBe('2025-10-13');
    expect(merged.knownYears.has(lastYear + 1)).toBe(true);
    expect(isWorkingDay('2025-10-08', packageHolidayCalendar())).toBe(false);
  });
});
