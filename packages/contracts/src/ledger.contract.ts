import { z } from 'zod';

const amount = z.number().nullable().describe('万元；空白为 null（未知），不是 0');

const sheet = z.string().describe('工作表名称');

export const LedgerRecordPreview = z.object({
  sheet,
  row: z.number().int().describe('工作表中的行号（从 1 开始）'),
  name: z.string().nullable(),
  level: z.enum(['provincial']).nullable().describe('名称带 ★/■ 标记的为省重点'),
  category: z.string().nullable().describe('所属分类行，如 产业项目'),
  owner: z.string().nullable(),
  location: z.string().nullable(),
  scale: z.string().nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  totalInvestmentWanYuan: amount,
  annualPlanWanYuan: amount,
  completedToDateWanYuan: amount,
  annualTarget: z.string().nullable(),
  progress: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  leader: z.string().nullable(),
  remark: z.string().nullable(),
});

export const LedgerPreview = z.object({
  records: z.array(LedgerRecordPreview),
  skippedRows: z.array(
    z.object({
      sheet,
      row: z.number().int(),
      kind: z.enum(['title', 'units', 'header', 'total', 'subtotal', 'category', 'blank', 'note']),
    }),
  ),
  problems: z.array(
    z.object({
      sheet,
      row: z.number().int(),
      column: z.string().nullable().describe('Excel 列字母，如 G'),
      severity: z.enum(['error', 'warning']),
      message: z.string(),
    }),
  ),
  totals: z.object({
    records: z.number().int(),
    totalInvestmentWanYuan: z.number(),
    annualPlanWanYuan: z.number(),
    completedToDateWanYuan: z.number(),
  }),
});
export type LedgerPreview = z.infer<typeof LedgerPreview>;
