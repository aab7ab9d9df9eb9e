import type { CockpitFigures } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { headlineYearOnYear } from './year-on-year';

const rate = (percent: string | null) => ({
  formula: 'startRate' as const,
  numerator: '0',
  denominator: '0',
  percent,
});
const figures = (planned: string, completed: string, completion: string | null, start: string | null) =>
  ({
    plannedInvestment: { formula: 'plannedInvestment', value: planned },
    completedYtd: { formula: 'completedYtd', value: completed },
    planCompletionRate: rate(completion),
    startRate: rate(start),
  }) as unknown as CockpitFigures;

describe('the cockpit’s 同比', () => {
  it('compares amounts as a % change and rates in points with the same month of last year', () => {
    const now = figures('1200.0000', '990.0000', '82.5', '70.0');
    const last = figures('1000.0000', '900.0000', '90.0', '65.5');
    expect(headlineYearOnYear(now, last)).toEqual({
      planned: '+20.0%',
      completedYtd: '+10.0%',
      completion: '-7.5',
      startRate: '+4.5',
    });
  });

  it('says nothing when last year has no plan or no figures', () => {
    const now = figures('1200.0000', '990.0000', '82.5', '70.0');
    expect(headlineYearOnYear(now, null)).toEqual({
      planned: null,
      completedYtd: null,
      completion: null,
      startRate: null,
    });
    expect(headlineYearOnYear(now, figures('0.0000', '0.0000', null, null)).completedYtd).toBeNull();
    expect(headlineYearOnYear(now, figures('10.0000', '0.0000', '0.0', null)).startRate).toBeNull();
  });
});
