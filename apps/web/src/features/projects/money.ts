import { WanYuan } from '@tuijin/contracts';

/**
 * Display and input helpers for amounts in 万元. Amounts travel as exact decimal strings; these reshape
 * the string (grouping, moving the decimal point with bigint) so no binary float touches money.
 */

/** "1234567.5" → "1,234,567.5". */
export function formatWanYuan(amount: string): string {
  const [whole = '0', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/**
 * A decimal string divided by 10^`shift`, rounded half away from zero to `decimals` places and
 * grouped: roundDecimal("1234567.5", 4, 2) → "123.46" (万元 → 亿元); shift 0 only rounds.
 */
export function roundDecimal(amount: string, shift: number, decimals: number): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const scaled = BigInt(`${whole}${fraction}` || '0');
  const drop = fraction.length + shift - decimals;
  let rounded: bigint;
  if (drop <= 0) {
    rounded = scaled * 10n ** BigInt(-drop);
  } else {
    const divisor = 10n ** BigInt(drop);
    rounded = (scaled + divisor / 2n) / divisor;
  }
  const digits = rounded.toString().padStart(decimals + 1, '0');
  const integerPart = digits.slice(0, digits.length - decimals);
  const grouped = formatWanYuan(
    decimals > 0 ? `${integerPart}.${digits.slice(digits.length - decimals)}` : integerPart,
  );
  return negative && rounded !== 0n ? `-${grouped}` : grouped;
}

/** 万元 → 亿元, rounded half up to `decimals` places and grouped: "1234567.5" → "123.46". */
export function wanYuanToYiYuan(amount: string, decimals = 2): string {
  return roundDecimal(amount, 4, decimals);
}

/** An amount in 万元 as the contract accepts it (digits, up to 4 decimals). */
export const amountRule = (message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    !value || WanYuan.safeParse(value).success ? Promise.resolve() : Promise.reject(new Error(message)),
});
