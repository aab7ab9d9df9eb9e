import { formatTableAmount } from '../../lib/amount';
import { wanYuanToYiYuan } from '../projects/money';

/**
 * The preview carries amounts as exact decimal strings in 万元 (the wire rule for money); these write
 * one out grouped in 万元 or moved to 亿元 with the project library's string helpers, never through a
 * binary float. A sign is kept in front of the grouped digits.
 */
const split = (amount: string) =>
  amount.startsWith('-') ? { sign: '-', digits: amount.slice(1) } : { sign: '', digits: amount };

/** "12345.5" → "12,345.50" (万元, the ledgers' two fixed decimals). */
export function formatLedgerWanYuan(amount: string): string {
  return formatTableAmount(amount);
}

/** "123456" → "12.35" (亿元, rounded half up to two places). */
export function ledgerYiYuan(amount: string): string {
  const { sign, digits } = split(amount);
  return `${sign}${wanYuanToYiYuan(digits)}`;
}
