import { z } from 'zod';
import { text } from './common';

/** The month of a monthly ledger (月度台账) download and the region subtree it covers. */
export const MonthlyLedgerQuery = z.strictObject({
  year: z.coerce
    .number({ message: '年份应为数字' })
    .int({ message: '年份应为整数' })
    .min(2000, { message: '年份应在 2000–2100 之间' })
    .max(2100, { message: '年份应在 2000–2100 之间' })
    .describe('年份，如 2026'),
  month: z.coerce
    .number({ message: '月份应为数字' })
    .int({ message: '月份应为整数' })
    .min(1, { message: '月份应为 1–12' })
    .max(12, { message: '月份应为 1–12' })
    .describe('月份 1–12：台账截至该月'),
  region: text(20).optional().describe('区划代码（含下级）；缺省为本人辖区'),
});
export type MonthlyLedgerQuery = z.infer<typeof MonthlyLedgerQuery>;
