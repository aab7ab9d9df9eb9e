import { formatDecimal, parseDecimal } from '@tuijin/domain';
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { statisticsFigures } from '../../db/schema';

/**
 * For each project in `projectIds`, the statistics bureau's year-to-date 入统 figure of the latest
 * month of `year` imported up to `month` — what the warning rules compare the owner's own 1–N 月
 * figure with (三数比对 as a warning dimension). Projects with none are absent.
 */
export async function latestStatisticsFigures(
  db: Queryable,
  projectIds: readonly string[],
  year: number,
  month: number,
): Promise<Map<string, { month: number; wanYuan: string }>> {
  const latest = new Map<string, { month: number; wanYuan: string }>();
  if (projectIds.length === 0) return latest;
  const rows = await db
    .select({
      projectId: statisticsFigures.projectId,
      month: statisticsFigures.month,
      wanYuan: statisticsFigures.yearToDateWanYuan,
    })
    .from(statisticsFigures)
    .where(
      and(
        inArray(statisticsFigures.projectId, [...projectIds]),
        eq(statisticsFigures.year, year),
        lte(statisticsFigures.month, month),
      ),
    )
    .orderBy(desc(statisticsFigures.month));
  for (const { projectId, month: m, wanYuan } of rows)
    if (!latest.has(projectId))
      latest.set(projectId, { month: m, wanYuan: formatDecimal(parseDecimal(wanYuan)) });
  return latest;
}
