import { describe, expect, it } from 'vitest';
import { rateOf, yearFiguresOfProject } from './year-figures';
import type { ReportAmount } from './year-to-date';

const report = (month: number, status: ReportAmount['status'], completedWanYuan: string, year = 2026) => ({
  year,
  month,
  status,
  completedWanYuan,
});

describe('a project’s kept year figures', () => {
  it('counts approved reports of the year only, month by month and running', () => {
    const figures = yearFiguresOfProject(
      [
        report(1, 'approved', '100'),
        report(2, 'submitted', '999'),
        report(3, 'approved', '50.5'),
        report(4, 'returned', '7'),
        report(3, 'approved', '1', 2025),
      ],
      2026,
      '1000',
    );
    expect(figures.approved).toEqual(['100', '0', '50.5', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(figures.ytd.slice(0, 4)).toEqual(['100', '100', '150.5', '150.5']);
    expect(figures.ytd[11]).toBe('150.5');
    expect(figures.ytdTotal).toBe('150.5');
    expect(figures.ytdRate).toBe('0.150500');
  });

  it('has no rate without a plan above 0, and zeros without reports', () => {
    expect(yearFiguresOfProject([], 2026, null)).toMatchObject({ ytdTotal: '0', ytdRate: null });
    expect(yearFiguresOfProject([], 2026, '0').ytdRate).toBeNull();
    expect(yearFiguresOfProject([], 2026, '10').ytdRate).toBe('0.000000');
  });

  it.each([
    ['1', '3', '0.333333'],
    ['2', '3', '0.666667'],
    ['1', '8', '0.125000'],
    ['0.0001', '2000', '0.000000'],
    ['0.0001', '200', '0.000001'],
    ['1234.5678', '1000', '1.234568'],
    ['-1', '3', '-0.333333'],
    ['-0.0001', '2000', '0.000000'],
  ])('rates %s ÷ %s as %s (half away from zero, as PostgreSQL round)', (total, plan, rate) => {
    expect(rateOf(total, plan)).toBe(rate);
  });
});
