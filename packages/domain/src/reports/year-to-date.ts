import { addDecimals } from '../money/decimal';
import type { ReportStatus } from './report-status';

/** One monthly report as the year-to-date rule reads it. */
export interface ReportAmount {
  year: number;
  month: number;
  status: ReportStatus;
  completedWanYuan: string;
}

/**
 * 本年累计完成投资 (year-to-date completed) to month M of a year: the sum of the completed amounts of
 * the project's APPROVED monthly reports of that year with month ≤ M — a draft, submitted or
 * returned report counts for nothing, nor does another year. "0" when none counts. The server's SQL
 * twin is `db/rules/year-to-date.ts`; `yearToDateCases` is the table both are tested on.
 */
export function completedYearToDate(
  reports: readonly ReportAmount[],
  at: { year: number; month: number },
): string {
  return addDecimals(
    reports
      .filter((r) => r.status === 'approved' && r.year === at.year && r.month <= at.month)
      .map((r) => r.completedWanYuan),
  );
}
