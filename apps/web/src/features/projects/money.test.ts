import { describe, expect, it } from 'vitest';
import { formatWanYuan, roundDecimal, wanYuanToYiYuan } from './money';

describe('money display', () => {
  it('groups the whole part by thousands and leaves the fraction alone', () => {
    expect(formatWanYuan('2802430.5531')).toBe('2,802,430.5531');
    expect(formatWanYuan('999')).toBe('999');
    expect(formatWanYuan('1000')).toBe('1,000');
  });

  it('rounds half away from zero without floats', () => {
    expect(roundDecimal('2802430.553', 0, 2)).toBe('2,802,430.55');
    expect(roundDecimal('2802430.555', 0, 2)).toBe('2,802,430.56');
    expect(roundDecimal('2802430.5', 0, 0)).toBe('2,802,431');
    expect(roundDecimal('0.004', 0, 2)).toBe('0.00');
    expect(roundDecimal('-1234.5', 0, 0)).toBe('-1,235');
    expect(roundDecimal('-0.001', 0, 2)).toBe('0.00');
    expect(roundDecimal('12', 0, 2)).toBe('12.00');
  });

  it('turns 万元 into 亿元', () => {
    expect(wanYuanToYiYuan('1234567.5')).toBe('123.46');
    expect(wanYuanToYiYuan('50')).toBe('0.01');
    expect(wanYuanToYiYuan('49')).toBe('0.00');
    expect(wanYuanToYiYuan('123456789', 0)).toBe('12,346');
  });
});
