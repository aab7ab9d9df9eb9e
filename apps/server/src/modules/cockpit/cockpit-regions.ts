import type { Queryable } from '../../db/database';
import { regions } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { type RegionView, resolveRegionView } from '../regions';
import { reportingDeadlineResolver } from '../reports';

/** The cockpit's names for the regions module's view root (kept for the cockpit's own files). */
export type CockpitRegion = RegionView;
export const resolveCockpitRegion = resolveRegionView;

/**
 * For every region in the subtree of `rootPath`: its deadline for the month from the reports
 * module's `reportingDeadlineResolver` (the one rule the status board uses too). Answers the codes
 * where an absent or draft report is missing on `today` — by the domain's `reportTimeliness` — and
 * the root's deadline.
 */
export async function reportingDeadlines(
  db: Queryable,
  rootPath: string,
  year: number,
  month: number,
  today: string,
): Promise<{ passedRegionCodes: string[]; rootDeadline: string | null }> {
  const [subtree, deadlines] = await Promise.all([
    db
      .select({ code: regions.code, path: regions.path })
      .from(regions)
      .where(inRegionSubtree(regions.path, rootPath)),
    reportingDeadlineResolver(db),
  ]);
  const passedRegionCodes: string[] = [];
  for (const region of subtree)
    if (deadlines.timeliness(null, region.path, year, month, today) === 'missing')
      passedRegionCodes.push(region.code);
  return { passedRegionCodes, rootDeadline: deadlines.calendarDeadline(rootPath, year, month) };
}
