import { wanYuanTypingCases } from '@tuijin/domain';
import { describe, expect, it } from 'vitest';
import { normaliseDecimal, WanYuan } from './money';
import { SignedWanYuan } from './reports.contract';

describe('the contracts read a typed amount as the domain does', () => {
  it.each(wanYuanTypingCases)('%j → %s', (typed, value) => {
    for (const schema of [WanYuan, SignedWanYuan]) {
      const read = schema.safeParse(typed);
      expect(read.success ? read.data : null).toBe(value);
    }
  });
});

describe('normaliseDecimal', () => {
  it.each([
    ['0012.500', '12.5'],
    ['12.0000', '12'],
    ['0.0000', '0'],
    ['-3.1000', '-3.1'],
    ['123456789012.3456', '123456789012.3456'],
  ])('%s → %s', (stored, wire) => {
    expect(normaliseDecimal(stored)).toBe(wire);
  });
});
