import { describe, expect, it } from 'vitest';
import { problemFigures } from './statistics';

describe('problemFigures', () => {
  it('reproduces Shandong: 1,075 of 1,200 solved is 89.6%', () => {
    const figures = problemFigures({ received: 1200, solved: 1075, overdue: 12, totalDaysToSolve: 10750 });
    expect(figures.resolutionRate.percent).toBe('89.6');
    expect(figures.averageDaysToSolve).toBe('10.0');
    expect(figures.overdue).toBe(12);
  });

  it('rounds the average half-up and answers null with nothing solved', () => {
    expect(
      problemFigures({ received: 3, solved: 3, overdue: 0, totalDaysToSolve: 10 }).averageDaysToSolve,
    ).toBe('3.3');
    const none = problemFigures({ received: 0, solved: 0, overdue: 0, totalDaysToSolve: 0 });
    expect(none.resolutionRate.percent).toBeNull();
    expect(none.averageDaysToSolve).toBeNull();
  });
});
