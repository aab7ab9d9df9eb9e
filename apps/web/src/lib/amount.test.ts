import { describe, expect, it } from 'vitest';
import {
  amountColumn,
  chartAmount,
  formatAmount,
  formatTableAmount,
  groupDigits,
  roundDecimal,
  summaryUnit,
} from './amount';

describe('the amount formatter', () => {
  it.each([
    ['396300', 'yiYuan', undefined, '39.63'],
    ['869600', 'yiYuan', undefined, '86.96'],
    ['4751000', 'yiYuan', 2, '475.10'],
    ['1234567.5', 'yiYuan', 2, '123.46'],
    ['50', 'yiYuan', 2, '0.01'],
    ['49.9999', 'yiYuan', 2, '0.00'],
    ['123456789', 'yiYuan', 0, '12,346'],
    ['2802430.5531', 'wanYuan', 2, '2,802,430.55'],
    ['2802430.555', 'wanYuan', 2, '2,802,430.56'],
    ['12', 'wanYuan', 2, '12.00'],
    ['2802430.5', 'wanYuan', 0, '2,802,431'],
    ['-1234.5', 'wanYuan', 0, '-1,235'],
    ['-0.001', 'wanYuan', 2, '0.00'],
  ] as const)('%s 万元 in %s with %s decimals → %s', (amount, unit, decimals, expected) => {
    expect(formatAmount(amount, { unit, decimals })).toBe(expected);
  });

  it('keeps the column’s decimals fixed, so figures line up', () => {
    const column = ['100', '2500.5', '0.004'].map((a) => formatAmount(a, { unit: 'wanYuan', decimals: 2 }));
    expect(column).toEqual(['100.00', '2,500.50', '0.00']);
  });

  it('appends the unit when asked, and shows blank as blank (not 0)', () => {
    expect(formatAmount('396300', { unit: 'yiYuan', suffix: '亿元' })).toBe('39.63 亿元');
    expect(formatAmount('396300', { unit: 'wanYuan', decimals: 0, suffix: '万元' })).toBe('396,300 万元');
    expect(formatAmount(null, { unit: 'yiYuan' })).toBe('—');
    expect(formatAmount('', { unit: 'yiYuan', empty: '' })).toBe('');
  });

  it('never goes through a binary float', () => {
    // 0.1 + 0.2 style traps: 9007199254740993 万元 is past Number's exact range.
    expect(formatAmount('9007199254740993', { unit: 'wanYuan', decimals: 0 })).toBe('9,007,199,254,740,993');
    expect(roundDecimal('1.005', 0, 2)).toBe('1.01');
  });

  it('groups digits of either sign', () => {
    expect(groupDigits('-1234567.891')).toBe('-1,234,567.891');
    expect(groupDigits('999')).toBe('999');
  });

  it('gives charts numbers in the unit', () => {
    expect(chartAmount('396300', 'yiYuan')).toBe(39.63);
    expect(chartAmount('1234567.5', 'wanYuan', 0)).toBe(1234568);
    expect(chartAmount(null, 'yiYuan')).toBeNull();
  });

  it('reads province and city summaries in 亿元, counties and zones in 万元', () => {
    expect(summaryUnit('province')).toBe('yiYuan');
    expect(summaryUnit('city')).toBe('yiYuan');
    expect(summaryUnit('county')).toBe('wanYuan');
    expect(summaryUnit('zone')).toBe('wanYuan');
  });

  it('writes a 万元 table column with fixed decimals, whatever was typed, so the column lines up', () => {
    const column = ['2802430.5531', '999', '1000.5', '0.004', '-5000', '12345678901.2'].map((v) =>
      formatTableAmount(v),
    );
    expect(column).toEqual(['2,802,430.55', '999.00', '1,000.50', '0.00', '-5,000.00', '12,345,678,901.20']);
    // Every figure has the same two places after the point: right-aligned, the points line up.
    expect(new Set(column.map((text) => text.length - text.indexOf('.')))).toEqual(new Set([3]));
    expect(formatTableAmount('1234.5', { decimals: 0 })).toBe('1,235');
    expect(formatTableAmount(null)).toBe('—');
    expect(formatTableAmount(undefined, { empty: '未填' })).toBe('未填');
    expect(amountColumn.align).toBe('right');
  });
});
