import { formatDecimal, parseDecimal, parseWanYuan } from '@tuijin/domain';
import { z } from 'zod';

/**
 * An exact amount in 万元, carried as a decimal string ("12345.67") so no binary float ever touches
 * money. Accepts a JSON number or a string (full-width digits and thousands separators allowed) and
 * answers the normalised string; at most 4 decimals and 14 integer digits.
 */
export const WanYuan = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const read = parseWanYuan(value);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: '金额应为不小于 0 的数字（万元），最多 4 位小数' });
      return z.NEVER;
    }
    return read.value;
  })
  .describe('金额（万元），精确小数，以字符串表示');

/**
 * A stored amount (`numeric`, at most 4 decimals) as the wire carries it: leading zeros and trailing
 * decimal zeros stripped ("0012.500" → "12.5"), by the domain's one decimal rule.
 */
export const normaliseDecimal = (text: string): string => formatDecimal(parseDecimal(text));
