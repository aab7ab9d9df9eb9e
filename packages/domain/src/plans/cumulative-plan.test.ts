import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { cumulativePlanToMonth } from './annual-plan';
import { cumulativePlanCases } from './cumulative-plan-cases';

describe('cumulative plan to month M', () => {
  it.each(cumulativePlanCases)('%s', (_name, plan, month, expected) => {
    expect(cumulativePlanToMonth(plan, month)).toBe(expected);
  });

  it.each([-1, 13, 1.5])('refuses month %s', (month) => {
    expect(() =>
      cumulativePlanToMonth(
        { splitKind: 'none', splitWanYuan: null, plannedInvestmentWanYuan: '100' },
        month,
      ),
    ).toThrow(AppError);
  });
});
