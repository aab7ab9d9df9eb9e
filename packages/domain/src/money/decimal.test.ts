import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  addDecimals,
  compareDecimals,
  formatDecimal,
  parseDecimal,
  percentPoints,
  quotient,
  ratio,
  subtractDecimal,
  sumDecimals,
} from './decimal';

describe('parseDecimal and formatDecimal', () => {
  it.each([
    ['12345.67', 123456700n, '12345.67'],
    ['0.0001', 1n, '0.0001'],
    ['007.50', 75000n, '7.5'],
    ['-0.5', -5000n, '-0.5'],
    ['-0', 0n, '0'],
    [53, 530000n, '53'],
    [0, 0n, '0'],
    ['99999999999999.9999', 999999999999999999n, '99999999999999.9999'],
  ] as const)('%s → %s → %s', (input, scaled, text) => {
    expect(parseDecimal(input)).toBe(scaled);
    expect(formatDecimal(parseDecimal(input))).toBe(text);
  });

  it.each([
    ['0.00001'],
    ['1e3'],
    ['1,000'],
    [' 1'],
    [''],
    ['.5'],
    ['abc'],
    [0.1],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
  ])('refuses %s as VALIDATION_FAILED', (input) => {
    expect(() => parseDecimal(input)).toThrow(AppError);
    try {
      parseDecimal(input);
    } catch (error) {
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('exact arithmetic', () => {
  it.each([
    [Array(10).fill('0.1'), '1'],
    [['0.1', '0.2'], '0.3'],
    [[], '0'],
    [['12345.6789', '0.0011', 3], '12348.68'],
    [['1.5', '-2'], '-0.5'],
  ] as [string[], string][])('adds %j to %s', (values, sum) => {
    expect(addDecimals(values)).toBe(sum);
  });

  it('sums one field over records', () => {
    const plans = [{ plannedWanYuan: '0.1' }, { plannedWanYuan: '0.2' }, { plannedWanYuan: '1000' }];
    expect(sumDecimals(plans, (plan) => plan.plannedWanYuan)).toBe('1000.3');
    expect(sumDecimals([], () => '1')).toBe('0');
  });

  it.each([
    ['0.3', '0.1', '0.2'],
    ['1', '1.5', '-0.5'],
    ['100', 100, '0'],
    [5, 3, '2'],
  ] as const)('%s − %s = %s', (a, b, difference) => {
    expect(subtractDecimal(a, b)).toBe(difference);
  });

  it.each([
    ['1.5', '1.50', 0],
    ['0.1', '0.2', -1],
    ['10', '9.9999', 1],
    ['-1', '0', -1],
    [3, '3.0000', 0],
  ] as const)('compares %s with %s → %s', (a, b, order) => {
    expect(compareDecimals(a, b)).toBe(order);
  });
});

describe('ratio', () => {
  it.each([
    [48, 53, '90.6'],
    [391, 397, '98.5'],
    [1075, 1200, '89.6'],
    [2, 3, '66.7'],
    [1, 3, '33.3'],
    [1, 8, '12.5'],
    [5, 400, '1.3'],
    [1, 400, '0.3'],
    [1, 2000, '0.1'],
    [1, 2001, '0.0'],
    [0, 5, '0.0'],
    [1, 2, '50.0'],
    [5, 5, '100.0'],
    [21, 20, '105.0'],
    ['3220000', '5000000', '64.4'],
    ['0.1', '0.3', '33.3'],
    ['-1', 8, '-12.5'],
    ['-5', 400, '-1.3'],
  ] as const)('%s / %s → %s%%', (numerator, denominator, percent) => {
    expect(ratio(numerator, denominator).percent).toBe(percent);
  });

  it.each([
    [0, 0],
    [5, 0],
    ['12.5', '0.0000'],
  ] as const)('%s / %s has no percent, never NaN or Infinity', (numerator, denominator) => {
    expect(ratio(numerator, denominator).percent).toBeNull();
  });

  it('carries the normalised figures behind the rate', () => {
    expect(ratio('0048.0', 53)).toEqual({ numerator: '48', denominator: '53', percent: '90.6' });
  });

  it.each([
    ['38', 1, '38.0'],
    [2, 3, '0.7'],
    [1, 8, '0.1'],
    [3, 20, '0.2'],
    [264, 4, '66.0'],
    [5, 0, null],
  ] as const)('quotient %s ÷ %s = %s', (numerator, denominator, expected) => {
    expect(quotient(numerator, denominator)).toBe(expected);
  });
});

describe('percentPoints', () => {
  it.each([
    ['64.4', '41.7', '22.7'],
    ['40.0', '41.7', '-1.7'],
    ['41.7', '41.7', '0.0'],
    ['100', '0', '100.0'],
    ['0.1', '0.2', '-0.1'],
    ['50.05', '0', '50.1'],
    ['0', '50.05', '-50.1'],
  ])('%s − %s = %s points', (a, b, points) => {
    expect(percentPoints(a, b)).toBe(points);
  });
});
