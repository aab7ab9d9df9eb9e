import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { cumulativePlanToMonth } from './annual-plan';

const monthly = ['10', '10', '20', '20', '20', '20', '0', '0', '0.5', '0.5', '49', '50'];
const quarterly = ['100', '200', '300', '400.0001'];

describe('cumulative plan to month M', () => {
  it.each([
    ['none', null, '1200', 0, '0'],
    ['none', null, '1200', 5, '500'],
    ['none', null, '1000', 1, '83.3333'],
    ['none', null, '1000', 2, '166.6667'],
    ['none', null, '1000', 12, '1000'],
    ['month', monthly, '200', 1, '10'],
    ['month', monthly, '200', 6, '100'],
    ['month', monthly, '200', 10, '101'],
    ['month', monthly, '200', 12, '200'],
    ['quarter', quarterly, '1000.0001', 1, '33.3333'],
    ['quarter', quarterly, '1000.0001', 2, '66.6667'],
    ['quarter', quarterly, '1000.0001', 3, '100'],
    ['quarter', quarterly, '1000.0001', 5, '233.3333'],
    ['quarter', quarterly, '1000.0001', 11, '866.6667'],
    ['quarter', quarterly, '1000.0001', 12, '1000.0001'],
  ] as const)(
    '%s split %j of %s 万元 by month %s → %s',
    (splitKind, splitWanYuan, plannedWanYuan, month, expected) => {
      expect(
        cumulativePlanToMonth({ splitKind, splitWanYuan, plannedInvestmentWanYuan: plannedWanYuan }, month),
      ).toBe(expected);
    },
  );

  it.each([-1, 13, 1.5])('refuses month %s', (month) => {
    expect(() =>
      cumulativePlanToMonth(
        { splitKind: 'none', splitWanYuan: null, plannedInvestmentWanYuan: '100' },
        month,
      ),
    ).toThrow(AppError);
  });
});
