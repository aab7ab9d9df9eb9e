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

/** 万元 → 亿元, rounded half up to `decimals` places and grouped: "1234567.5" → "123.46". */
export function wanYuanToYiYuan(amount: string, decimals = 2): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  const scaled = BigInt(`${whole}${fraction}` || '0');
  const shift = fraction.length + 4 - decimals;
  let rounded: bigint;
  if (shift <= 0) {
    rounded = scaled * 10n ** BigInt(-shift);
  } else {
    const divisor = 10n ** BigInt(shift);
    rounded = (scaled + divisor / 2n) / divisor;
  }
  const digits = rounded.toString().padStart(decimals + 1, '0');
  const integerPart = digits.slice(0, digits.length - decimals);
  return formatWanYuan(
    decimals > 0 ? `${integerPart}.${digits.slice(digits.length - decimals)}` : integerPart,
  );
}

/** An amount in 万元 as the contract accepts it (digits, up to 4 decimals). */
export const amountRule = (message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    !value || WanYuan.safeParse(value).success ? Promise.resolve() : Promise.reject(new Error(message)),
});
