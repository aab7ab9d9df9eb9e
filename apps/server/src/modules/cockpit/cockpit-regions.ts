import {
  type Actor,
  AppError,
  dayOfMonthDeadline,
  type HolidayCalendar,
  nthWorkingDayAfterMonthEnd,
  pathInSubtree,
} from '@tuijin/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { regions, reportingCalendars } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { loadHolidayCalendar } from '../calendar/calendar';
import type { RegionRow } from '../regions/regions.queries';

/** The region a cockpit view is rooted at, the path down to it from the actor's own, and its children. */
export interface CockpitRegion {
  region: RegionRow;
  breadcrumb: RegionRow[];
  children: RegionRow[];
}

/**
 * Resolves the requested region (default: the actor's own) inside the actor's jurisdiction; a
 * region outside it, or unknown, is NOT_FOUND — the same answer as a missing one.
 */
export async function resolveCockpitRegion(
  db: Queryable,
  actor: Actor,
  code: string | undefined,
): Promise<CockpitRegion> {
  const [region] = code
    ? await db.select().from(regions).where(eq(regions.code, code))
    : actor.regionCode
      ? await db.select().from(regions).where(eq(regions.code, actor.regionCode))
      : await db.select().from(regions).where(sql`${regions.parentCode} is null`).orderBy(asc(regions.path));
  if (!region || !pathInSubtree(region.path, actor.regionPath)) throw new AppError('NOT_FOUND');
  const parts = region.path.split('.');
  const ancestorPaths = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const [lineage, children] = await Promise.all([
    db
      .select()
      .from(regions)
      .where(
        sql`${regions.path} in (${sql.join(
          ancestorPaths.map((p) => sql`${p}`),
          sql`, `,
        )})`,
      ),
    db
      .select()
      .from(regions)
      .where(eq(regions.parentCode, region.code))
      .orderBy(asc(regions.sortOrder), asc(regions.code)),
  ]);
  const breadcrumb = lineage
    .filter((r) => pathInSubtree(r.path, actor.regionPath))
    .sort((a, b) => a.path.length - b.path.length);
  return { region, breadcrumb, children };
}

/** Beijing calendar date (UTC+8) of an instant: the day reporting deadlines are judged on. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

type CalendarRow = typeof reportingCalendars.$inferSelect;

/**
 * The deadline for (year, month) under a region's reporting calendar, or the default (the 25th of
 * the reported month) when neither the region nor an ancestor has one. A working-day rule over a
 * year the holiday calendar does not know answers null: no deadline can be stated, so nothing is
 * counted missing.
 */
function deadlineOf(
  row: CalendarRow | undefined,
  year: number,
  month: number,
  holidays: () => HolidayCalendar,
): string | null {
  if (!row) return dayOfMonthDeadline(year, month, 25, holidays(), { rollForward: false });
  try {
    if (row.deadlineKind === 'workingDaysAfterMonthEnd')
      return nthWorkingDayAfterMonthEnd(year, month, row.deadlineWorkingDays ?? 0, holidays());
    return dayOfMonthDeadline(year, month, row.deadlineDay ?? 25, holidays(), {
      rollForward: false,
      monthOffset: row.deadlineMonthOffset,
    });
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/**
 * For every region in the subtree of `rootPath`: its reporting deadline for the month (its own
 * calendar or its nearest ancestor's, else the default). Answers the codes whose deadline is before
 * `today` — where an absent or draft report counts as missing — and the root's deadline.
 */
export async function reportingDeadlines(
  db: Queryable,
  rootPath: string,
  year: number,
  month: number,
  today: string,
): Promise<{ passedRegionCodes: string[]; rootDeadline: string | null }> {
  const [subtree, calendars] = await Promise.all([
    db
      .select({ code: regions.code, path: regions.path })
      .from(regions)
      .where(inRegionSubtree(regions.path, rootPath)),
    db.select().from(reportingCalendars),
  ]);
  const byPath = new Map(calendars.map((c) => [c.regionPath, c]));
  let holidayCalendar: HolidayCalendar | undefined;
  const needsHolidays = calendars.some((c) => c.deadlineKind === 'workingDaysAfterMonthEnd');
  if (needsHolidays) holidayCalendar = await loadHolidayCalendar(db);
  const holidays = () =>
    holidayCalendar ?? { holidays: new Set(), workdays: new Set(), knownYears: new Set() };
  const calendarFor = (path: string) => {
    const parts = path.split('.');
    for (let i = parts.length; i > 0; i--) {
      const row = byPath.get(parts.slice(0, i).join('.'));
      if (row) return row;
    }
    return undefined;
  };
  const passedRegionCodes: string[] = [];
  let rootDeadline: string | null = null;
  for (const region of subtree) {
    const deadline = deadlineOf(calendarFor(region.path), year, month, holidays);
    if (region.path === rootPath) rootDeadline = deadline;
    if (deadline !== null && deadline < today) passedRegionCodes.push(region.code);
  }
  return { passedRegionCodes, rootDeadline };
}
