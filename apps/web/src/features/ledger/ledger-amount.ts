import { formatWanYuan, wanYuanToYiYuan } from '../projects/money';

/**
 * The preview carries amounts as JSON numbers in 万元 (the server sums them exactly first). This
 * writes a number out as its plain decimal digits (no exponent, at most 4 decimals, the precision
 * 万元 amounts keep) so the string helpers of the project library group it and move its decimal
 * point to 亿元 without any floating-point arithmetic on the amount.
 */
export function wanYuanDigits(amount: number): string {
  return Math.abs(amount).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 4 });
}

const sign = (amount: number) => (amount < 0 ? '-' : '');

/** 12345.5 → "12,345.5" (万元). */
export const formatLedgerWanYuan = (amount: number) =>
  `${sign(amount)}${formatWanYuan(wanYuanDigits(amount))}`;

/** 123456 → "12.35" (亿元, rounded half up to two places). */
export const ledgerYiYuan = (amount: number) => `${sign(amount)}${wanYuanToYiYuan(wanYuanDigits(amount))}`;
