import { describe, expect, it } from 'vitest';
import { lastDayOfMonth, monthOf, periodSpan, quarterOf, recentQuarters } from './visit-logic';

describe('visit-logic', () => {
  it.each([
    ['2026-12-06', '2026-Q4'],
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
  ])('day %s is in %s', (day, quarter) => expect(quarterOf(day)).toBe(quarter));

  it('answers the month of a day and a month’s last day, leap years included', () => {
    expect(monthOf('2026-12-06')).toBe('2026-12');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });

  it.each([
    ['2026-11', { from: '2026-11-01', to: '2026-11-30' }],
    ['2026-Q4', { from: '2026-10-01', to: '2026-12-31' }],
    ['2026-Q1', { from: '2026-01-01', to: '2026-03-31' }],
  ])('spans %s', (period, span) => expect(periodSpan(period)).toEqual(span));

  it('lists recent quarters newest first across a year', () => {
    expect(recentQuarters('2026-02-10', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
  });
});
