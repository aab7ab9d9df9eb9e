import type { ApprovalImportProblem, ApprovalImportResult } from '@tuijin/contracts';

/** The key of a sheet cell (a whole row or sheet when `column` is null). */
export const cellKey = (sheet: string, row: number, column: string | null) =>
  `${sheet}|${row}|${column ?? ''}`;

/** The problems of a preview by the cell (or row) they are about, in the order the server gave them. */
export function problemsByCell(problems: readonly ApprovalImportProblem[]) {
  const byCell = new Map<string, ApprovalImportProblem[]>();
  for (const problem of problems) {
    const key = cellKey(problem.sheet, problem.row, problem.column);
    byCell.set(key, [...(byCell.get(key) ?? []), problem]);
  }
  return byCell;
}

/**
 * The parameters of a problem's text in the reader's language: statuses named by their codes
 * (`fromStatus`, `toStatus`, `statusCode`) are put in words by `statusName`, a hint by `hintText`.
 */
export function localisedParams(
  problem: Pick<ApprovalImportProblem, 'params'>,
  statusName: (status: string) => string,
  hintText: (hintKey: string) => string,
): Record<string, string> {
  const { params } = problem;
  return {
    ...params,
    ...(params.fromStatus ? { from: statusName(params.fromStatus) } : {}),
    ...(params.toStatus ? { to: statusName(params.toStatus) } : {}),
    ...(params.statusCode ? { status: statusName(params.statusCode) } : {}),
    ...(params.hintKey !== undefined ? { hint: params.hintKey ? hintText(params.hintKey) : '' } : {}),
  };
}

/** Whether a preview may be confirmed: it was read, nothing blocks it, and it would change something. */
export const mayConfirmImport = (preview: ApprovalImportResult | undefined) =>
  preview !== undefined &&
  !preview.isBlocked &&
  preview.counts.itemsCreated + preview.counts.itemsUpdated > 0;
