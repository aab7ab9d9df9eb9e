import { and, eq, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { monthlyReports, projects } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';

/**
 * The year-to-date investment each project of a region's subtree reported for `year` up to `month`
 * (1–N 月累计): the sum of its approved monthly reports' 本月完成, the cockpit's own rule for 自报.
 */
export async function approvedYearToDateByProject(
  db: Queryable,
  input: { regionPath: string; year: number; month: number },
): Promise<Map<string, string>> {
  const rows = await db
    .select({
      projectId: monthlyReports.projectId,
      total: sql<string>`sum(${monthlyReports.completedWanYuan})::text`,
    })
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .where(
      and(
        eq(monthlyReports.status, 'approved'),
        eq(monthlyReports.year, input.year),
        lte(monthlyReports.month, input.month),
        inRegionSubtree(projects.regionPath, input.regionPath),
      ),
    )
    .groupBy(monthlyReports.projectId);
  return new Map(rows.map((r) => [r.projectId, r.total]));
}
