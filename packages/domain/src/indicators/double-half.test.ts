import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { doubleHalf, firstDoubleHalf } from './double-half';

describe('双过半', () => {
  it.each([
    [5, '3220000', '5000000', undefined, undefined, true, 1],
    [6, '2500000', '5000000', undefined, undefined, true, 0],
    [6, '2499999.9999', '5000000', undefined, undefined, false, null],
    [6, '4998', '10000', undefined, undefined, false, null],
    [4, '2300000', '5000000', undefined, undefined, false, null],
    [3, '600', '1000', undefined, undefined, true, 3],
    [8, '600', '1000', undefined, undefined, true, null],
    [6, '600', '1000', 30, 53, true, 0],
    [6, '600', '1000', 26, 53, false, null],
    [5, '600', '1000', 1, 2, true, 1],
    [6, '600', '1000', 0, 0, true, 0],
    [6, '0', '0', 48, 53, false, null],
  ] as const)(
    'month %s, %s of %s 万元, started %s of %s → reached %s, months early %s',
    (asOfMonth, completedYtdWanYuan, plannedWanYuan, projectsStarted, plannedToStart, isReached, monthsEarly) => {
      const verdict = doubleHalf({
        asOfMonth,
        completedYtdWanYuan,
        plannedWanYuan,
        projectsStarted,
        plannedToStart,
      });
      expect(verdict.isReached).toBe(isReached);
      expect(verdict.monthsEarly).toBe(monthsEarly);
    },
  );

  it('answers the figures behind the verdict', () => {
    expect(
      doubleHalf({
        asOfMonth: 5,
        completedYtdWanYuan: '3220000',
        plannedWanYuan: '5000000',
        projectsStarted: 48,
        plannedToStart: 53,
      }),
    ).toEqual({
      isReached: true,
      timeProgress: { numerator: '5', denominator: '12', percent: '41.7' },
      investment: { numerator: '3220000', denominator: '5000000', percent: '64.4' },
      start: { numerator: '48', denominator: '53', percent: '90.6' },
      monthsEarly: 1,
    });
  });

  it.each([[{ projectsStarted: 48 }], [{ plannedToStart: 53 }], [{ asOfMonth: 13 }]])(
    'refuses %j',
    (override) => {
      const input = { asOfMonth: 5, completedYtdWanYuan: '1', plannedWanYuan: '2', ...override };
      expect(() => doubleHalf(input)).toThrow(AppError);
    },
  );
});

describe('双过半 reached early', () => {
  const months = (ytd: string[], started: number[]) =>
    ytd.map((completedYtdWanYuan, i) => ({
      month: i + 1,
      completedYtdWanYuan,
      projectsStarted: started[i]!,
    }));

  it('answers the first month that reaches it (Luohe: by the end of May → one month early)', () => {
    const verdict = firstDoubleHalf({
      asOfMonth: 12,
      plannedWanYuan: '1000',
      plannedToStart: 10,
      months: months(['100', '200', '300', '400', '644', '669'], [1, 2, 4, 5, 6, 8]),
    });
    expect(verdict?.month).toBe(5);
    expect(verdict?.monthsEarly).toBe(1);
    expect(verdict?.investment.percent).toBe('64.4');
  });

  it('waits for the start half too', () => {
    const verdict = firstDoubleHalf({
      asOfMonth: 6,
      plannedWanYuan: '1000',
      plannedToStart: 10,
      months: months(['500', '600', '700', '800', '900', '950'], [1, 2, 3, 5, 5, 5]),
    });
    expect(verdict?.month).toBe(4);
    expect(verdict?.monthsEarly).toBe(2);
  });

  it('does not look past the chosen month or past June', () => {
    const ytd = ['0', '0', '0', '600', '600', '600'];
    const started = [0, 0, 0, 0, 0, 0];
    expect(
      firstDoubleHalf({
        asOfMonth: 3,
        plannedWanYuan: '1000',
        plannedToStart: 0,
        months: months(ytd, started),
      }),
    ).toBeNull();
    expect(
      firstDoubleHalf({
        asOfMonth: 12,
        plannedWanYuan: '1000',
        plannedToStart: 0,
        months: [
          ...months(['0', '0', '0', '0', '0', '400'], started),
          { month: 7, completedYtdWanYuan: '900', projectsStarted: 0 },
        ],
      }),
    ).toBeNull();
  });

  it('is on time (0 months early) when June is the first month at half', () => {
    const verdict = firstDoubleHalf({
      asOfMonth: 9,
      plannedWanYuan: '1000',
      plannedToStart: 0,
      months: months(['100', '200', '300', '400', '450', '500'], [0, 0, 0, 0, 0, 0]),
    });
    expect(verdict?.monthsEarly).toBe(0);
  });
});
