import { type SQL, sql } from 'drizzle-orm';
import { monthlyReports, projectYearFigures } from '../../db/schema';

/** One report of {@link recentReportsJsonSql}'s array, as the database writes it. */
export interface RecentReportJson {
  id: string;
  year: number;
  month: number;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  completed: string;
  ytd: string | null;
  late: boolean;
}

/**
 * The project's last `limit` monthly reports, newest first, as one JSON array column (so a page can
 * gather them in the statement that reads the project): each with its month's 本年累计完成 from the
 * kept rollup. An index range on (project_id, year, month) plus a primary-key lookup per year.
 */
export function recentReportsJsonSql(projectId: SQL, limit = 12): SQL<RecentReportJson[]> {
  return sql<
    RecentReportJson[]
  >`(select coalesce(json_agg(r order by r.year desc, r.month desc), '[]'::json) from (
    select mr.id, mr.year, mr.month, mr.status, mr.completed_wan_yuan::text as completed,
      (f.ytd[mr.month])::text as ytd, mr.late
    from ${monthlyReports} mr
    left join ${projectYearFigures} f on f.project_id = mr.project_id and f.year = mr.year
    where mr.project_id = ${projectId}
    order by mr.year desc, mr.month desc
    limit ${limit}) r)`;
}
