import type { FundImportProblem, FundImportResult } from '@tuijin/contracts';

/** The problems of one sheet row, in the order the server gave them. */
export interface RowProblems {
  row: number;
  problems: { column: string | null; message: string }[];
}

/** Problems grouped by sheet row, rows ascending: the drawer lists each row once with its cells. */
export function problemsByRow(problems: readonly FundImportProblem[]): RowProblems[] {
  const byRow = new Map<number, RowProblems>();
  for (const { row, column, message } of problems) {
    const entry = byRow.get(row) ?? { row, problems: [] };
    entry.problems.push({ column, message });
    byRow.set(row, entry);
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/**
 * Whether a preview may be imported: no problem anywhere (any one refuses the whole sheet) and at
 * least one record the import would add (a sheet already recorded has nothing to import).
 */
export function mayConfirmFundImport(preview: FundImportResult): boolean {
  const { allocationsCreated, paymentsCreated } = preview.counts;
  return preview.problems.length === 0 && allocationsCreated + paymentsCreated > 0;
}
