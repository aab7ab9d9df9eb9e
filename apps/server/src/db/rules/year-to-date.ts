import { type SQL, sql } from 'drizzle-orm';
import { monthlyReports } from '../schema';

/** The columns of one monthly report the year-to-date rule reads (the table's, an alias's or literals). */
export interface ReportColumns {
  projectId: SQL;
  year: SQL;
  month: SQL;
  status: SQL;
  completedWanYuan: SQL;
}

/** The `monthly_reports` table's columns, unqualified by alias (`monthly_reports.…`). */
export const reportColumns: ReportColumns = {
  projectId: sql`${monthlyReports.projectId}`,
  year: sql`${monthlyReports.year}`,
  month: sql`${monthlyReports.month}`,
  status: sql`${monthlyReports.status}`,
  completedWanYuan: sql`${monthlyReports.completedWanYuan}`,
};

/** The columns of `monthly_reports` under alias `alias` (`r.month`, …). */
export function reportColumnsOf(alias: string): ReportColumns {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  return {
    projectId: column('project_id'),
    year: column('year'),
    month: column('month'),
    status: column('status'),
    completedWanYuan: column('completed_wan_yuan'),
  };
}

/**
 * Whether a report counts toward 本年累计完成 to month `month` of `year`: approved, of that year, month
 * ≤ M. The SQL twin of the domain's `completedYearToDate`, tested on `yearToDateCases` by
 * `equivalence.test.ts` on PGlite and PostgreSQL. A filter for `sum(...) filter (where …)`.
 */
export function countsTowardYearToDateSql(
  at: { year: number | SQL; month: number | SQL },
  r: ReportColumns = reportColumns,
): SQL<boolean> {
  return sql<boolean>`(${r.status} = 'approved' and ${r.year} = ${at.year}::int and ${r.month} <= ${at.month}::int)`;
}

/**
 * 本年累计完成 of the project `projectId` to month M: a correlated sum over the (project, year, month)
 * index — null when no report counts (callers coalesce, as the figures need). The SQL twin of
 * `completedYearToDate`.
 */
export function completedYearToDateSql(
  projectId: SQL,
  at: { year: number | SQL; month: number | SQL },
): SQL<string | null> {
  return sql<string | null>`(select sum(${monthlyReports.completedWanYuan}) from ${monthlyReports}
    where ${monthlyReports.projectId} = ${projectId} and ${countsTowardYearToDateSql(at)})`;
}
