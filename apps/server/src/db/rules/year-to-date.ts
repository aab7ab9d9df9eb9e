import { type SQL, sql } from 'drizzle-orm';
import { monthlyReports, projectYearFigures } from '../schema';

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
 * 本年累计完成 of the project `projectId` to month M, read from the kept rollup
 * `project_year_figures` (its running total at M — the domain's `yearFiguresOfProject`, kept by the
 * triggers of migration 0032 in the transaction of every report and plan write): one primary-key
 * lookup, null when the project-year has no row (callers coalesce, as the figures need). Equal to
 * `completedYearToDate` by `rollup-equivalence.test.ts`.
 */
export function completedYearToDateSql(
  projectId: SQL,
  at: { year: number | SQL; month: number | SQL },
): SQL<string | null> {
  return sql<string | null>`(select ${projectYearFigures.ytd}[${at.month}::int] from ${projectYearFigures}
    where ${projectYearFigures.projectId} = ${projectId} and ${projectYearFigures.year} = ${at.year}::int)`;
}
