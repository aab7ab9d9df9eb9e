import { describe, expect, it } from 'vitest';
import { monthParam, reportingGateState, reportingMonthStart } from './reporting-period';

describe('monthParam', () => {
  it.each([null, '', '-01', '2026-13', '2026-00', '2026-1', 'abc'])('reads %o as no month', (value) => {
    expect(monthParam(value)).toBeNull();
  });

  it('reads 2026-11 as November 2026', () => {
    expect(monthParam('2026-11')?.format('YYYY-MM-DD')).toBe('2026-11-01');
  });
});

describe('the reporting-month gate', () => {
  it.each([
    [{ year: 2026, month: 1 }, '2026-01-01'],
    [{ year: 2026, month: 12 }, '2026-12-01'],
    [{ year: 2024, month: 2 }, '2024-02-01'],
  ])('opens %j on %s', (period, day) => {
    expect(reportingMonthStart(period).format('YYYY-MM-DD')).toBe(day);
  });

  it.each([
    [{ isError: true, data: undefined }, 'error'],
    [{ isError: true, data: { year: 2026, month: 11 } }, 'error'],
    [{ isError: false, data: undefined }, 'loading'],
    [{ isError: false, data: { year: 2026, month: 11 } }, 'ready'],
  ])('shows %j as %s — never a month of its own making', (query, state) => {
    expect(reportingGateState(query)).toBe(state);
  });
});
