import { type LedgerRecord, type ParsedLedger, sumWanYuan } from './parse-ledger';

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/**
 * The dry-run answer of `tuijin import ledger --dry-run --json`: records, skipped rows and problems
 * by 1-based sheet row, amounts as numbers in 万元 (unknown stays null), and totals over the records.
 * Totals are summed exactly before the conversion to numbers.
 */
export function presentLedgerPreview(parsed: ParsedLedger) {
  const records = parsed.records.map(
    ({
      sheet: _sheet,
      startMonth: _sm,
      endMonth: _em,
      ...r
    }): Omit<LedgerRecord, 'totalInvestmentWanYuan' | 'annualPlanWanYuan' | 'completedToDateWanYuan'> & {
      totalInvestmentWanYuan: number | null;
      annualPlanWanYuan: number | null;
      completedToDateWanYuan: number | null;
    } => ({
      ...r,
      totalInvestmentWanYuan: toNumber(r.totalInvestmentWanYuan),
      annualPlanWanYuan: toNumber(r.annualPlanWanYuan),
      completedToDateWanYuan: toNumber(r.completedToDateWanYuan),
    }),
  );
  return {
    records,
    skippedRows: parsed.skippedRows.map(({ row, kind }) => ({ row, kind })),
    problems: parsed.problems.map(({ row, column, severity, message }) => ({
      row,
      column,
      severity,
      message,
    })),
    totals: {
      records: parsed.records.length,
      totalInvestmentWanYuan: Number(sumWanYuan(parsed.records.map((r) => r.totalInvestmentWanYuan))),
      annualPlanWanYuan: Number(sumWanYuan(parsed.records.map((r) => r.annualPlanWanYuan))),
      completedToDateWanYuan: Number(sumWanYuan(parsed.records.map((r) => r.completedToDateWanYuan))),
    },
  };
}
