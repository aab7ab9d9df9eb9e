import type { Queryable } from '../../db/database';
import { reportingDeadlineResolver } from '../reports';

/**
 * The deadline (YYYY-MM-DD) of a month's report for a project in the region with this path, or null
 * when the region's rule cannot give one.
 */
export type DeadlineLookup = (regionPath: string, year: number, month: number) => string | null;

/**
 * Deadlines for many projects at once: the reports module's one `reportingDeadlineResolver` (the
 * region's own rule, else its nearest ancestor's, else the default 25th, moved to the next working
 * day by the merged holiday calendar).
 */
export async function loadDeadlineLookup(db: Queryable): Promise<DeadlineLookup> {
  return (await reportingDeadlineResolver(db)).calendarDeadline;
}
