import { describe, expect, it } from 'vitest';
import { formatLedgerWanYuan, ledgerYiYuan } from './ledger-amount';

describe('ledger preview amounts: exact decimal strings, never floats', () => {
  it.each([
    ['12345.5', '12,345.50', '1.23'],
    ['348700', '348,700.00', '34.87'],
    ['221003.5', '221,003.50', '22.10'],
    ['0.0001', '0.00', '0.00'],
    ['0.005', '0.01', '0.00'],
    ['123456789012.3456', '123,456,789,012.35', '12,345,678.90'],
    ['-5000', '-5,000.00', '-0.50'],
  ])('%s 万元 → %s 万元, %s 亿元', (amount, wanYuan, yiYuan) => {
    expect(formatLedgerWanYuan(amount)).toBe(wanYuan);
    expect(ledgerYiYuan(amount)).toBe(yiYuan);
  });
});
