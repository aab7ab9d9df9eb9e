import { WanYuan } from '@tuijin/contracts';
import { groupDigits, roundDecimal } from '../../lib/amount';

/**
 * Amount helpers of the project pages, over the one formatter in `lib/amount` (exact decimal
 * strings, bigint rounding, no binary float).
 */
export { roundDecimal };

/** "1234567.5" → "1,234,567.5" (the amount as entered, grouped). */
export function formatWanYuan(amount: string): string {
  return groupDigits(amount);
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
