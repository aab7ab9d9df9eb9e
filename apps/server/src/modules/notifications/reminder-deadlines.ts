import { reportingDeadline } from '@tuijin/domain';
import type { Queryable } from '../../db/database';
import { loadHolidayCalendar } from '../calendar/calendar';
import { reportingRuleResolver } from '../reports/reporting-calendars';

/** The deadline (YYYY-MM-DD) of a month's report for a project in the region with this path. */
export type DeadlineLookup = (regionPath: string, year: number, month: number) => string;

/**
 * Deadlines for many projects at once, from the reports module's calendar resolver (the region's
 * own rule, else its nearest ancestor's, else the default 25th) and the merged holiday calendar.
 */
export async function loadDeadlineLookup(db: Queryable): Promise<DeadlineLookup> {
  const ruleOf = await reportingRuleResolver(db);
  const calendar = await loadHolidayCalendar(db);
  const cache = new Map<string, string>();
  return (regionPath, year, month) => {
    const key = `${regionPath}|${year}|${month}`;
    let due = cache.get(key);
    if (due === undefined) {
      due = reportingDeadline(ruleOf(regionPath), year, month, calendar);
      cache.set(key, due);
    }
    return due;
  };
}
