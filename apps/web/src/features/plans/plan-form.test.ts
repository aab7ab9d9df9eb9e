import { describe, expect, it } from 'vitest';
import {
  type PlanFormValues,
  planFormValues,
  planRequestFields,
  splitCheck,
  splitFor,
  splitSum,
} from './plan-form';

describe('the plan form’s split total', () => {
  it.each([
    [['100', '200', '300'], '600'],
    [['', '200', ' '], '200'],
    [[], '0'],
    [['0.1', '0.2'], '0.3'],
    [['1000.0001', '999.9999'], '2000'],
    [['12万'], null],
    [['abc', '1'], null],
  ])('%j sums to %o', (split, expected) => {
    expect(splitSum(split)).toBe(expected);
  });

  const quarters = ['250', '250', '250', '250'];
  it.each([
    // planned, kind, split → shown sum, mismatch
    ['1000', 'quarter', quarters, '1000', false],
    ['1000.0', 'quarter', quarters, '1000', false],
    ['1200', 'quarter', quarters, '1000', true],
    ['', 'quarter', quarters, '1000', false],
    ['12万', 'quarter', quarters, '1000', false],
    ['1000', 'quarter', [...quarters, '999'], '1000', false],
    ['1000', 'quarter', ['250', 'x', '250', '250'], null, false],
    ['1000', 'none', quarters, null, false],
    ['1000', 'month', [...Array(11).fill('80'), '120'], '1000', false],
    ['1000', 'month', Array(12).fill('80'), '960', true],
  ] as const)(
    'planned %o with a %s split %j → sum %o, mismatch %o',
    (planned, kind, split, sum, mismatch) => {
      expect(splitCheck(planned, kind, split)).toEqual({ sum, mismatch });
    },
  );
});

describe('plan form values and request fields', () => {
  it('opens an empty form without a plan', () => {
    expect(planFormValues(null)).toEqual({
      plannedInvestmentWanYuan: '',
      plansStart: false,
      plansCompletion: false,
      plansOperation: false,
      splitKind: 'none',
      split: [],
    });
  });

  it.each([
    ['month', ['1', '2', '3', '4'], 12],
    ['quarter', ['1', '2', '3', '4'], 4],
    ['none', ['1'], 0],
  ] as const)('resizes the split for %s (%j → %i slots)', (kind, current, length) => {
    const next = splitFor(kind, [...current]);
    expect(next).toHaveLength(length);
    if (current.length === length) expect(next).toEqual(current);
    else expect(next.every((v) => v === '')).toBe(true);
  });

  const values: PlanFormValues = {
    plannedInvestmentWanYuan: ' 1000 ',
    priorCompletedWanYuan: '  ',
    plansStart: false,
    startMonth: 3,
    plansCompletion: true,
    completionMonth: 11,
    plansOperation: true,
    goals: ' 主体完工 ',
    splitKind: 'quarter',
    split: [' 250', '250 ', '250', '250'],
  };

  it('sends months only with their flag, the split only with a kind, text trimmed', () => {
    expect(planRequestFields(values)).toEqual({
      plannedInvestmentWanYuan: '1000',
      priorCompletedWanYuan: null,
      plansStart: false,
      startMonth: null,
      plansCompletion: true,
      completionMonth: 11,
      plansOperation: true,
      operationMonth: null,
      goals: '主体完工',
      splitKind: 'quarter',
      splitWanYuan: ['250', '250', '250', '250'],
    });
    expect(planRequestFields({ ...values, splitKind: 'none' }).splitWanYuan).toBeNull();
  });
});
