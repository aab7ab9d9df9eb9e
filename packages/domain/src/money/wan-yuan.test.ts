import { describe, expect, it } from 'vitest';
import { parseAmount } from '../ledger/amounts';
import { parseWanYuan } from './wan-yuan';
import { wanYuanTypingCases } from './wan-yuan-cases';

describe('parseWanYuan', () => {
  it.each([
    ['12345.67', '12345.67'],
    ['0012.500', '12.5'],
    ['１２３．５', '123.5'],
    ['1,234.5', '1234.5'],
    [' 8 ', '8'],
    ['0', '0'],
    ['-0', '0'],
    [42, '42'],
  ])('reads %j as %s', (typed, value) => {
    expect(parseWanYuan(typed)).toEqual({ ok: true, value });
  });

  it.each([
    [undefined, 'blank'],
    [null, 'blank'],
    ['', 'blank'],
    ['   ', 'blank'],
    ['abc', 'format'],
    ['1.23456', 'format'],
    ['1e5', 'format'],
    ['123456789012345', 'format'],
    ['-5', 'negative'],
    ['－５', 'negative'],
  ])('refuses %j as %s', (typed, problem) => {
    expect(parseWanYuan(typed)).toEqual({ ok: false, problem });
  });

  it('takes a negative amount only when asked to', () => {
    expect(parseWanYuan('-12.30', { allowNegative: true })).toEqual({ ok: true, value: '-12.3' });
  });
});

describe('one way to type an amount: parseWanYuan and the ledger reader agree', () => {
  it.each(wanYuanTypingCases)('%j → %s', (typed, value) => {
    const read = parseWanYuan(typed);
    expect(read.ok ? read.value : null).toBe(value);
    expect(parseAmount(typed, 'wanYuan').wanYuan).toBe(value);
  });
});
