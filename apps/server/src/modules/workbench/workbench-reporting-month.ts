import { AppError, chinaDate, reportingPeriod } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { loadHolidayCalendar } from '../calendar/calendar';
import { resolveReportingRule } from '../reports/reporting-calendars';

/**
 * The reporting month the workbench lists (reports to fill, the status board): the month whose
 * window is open by the calendar of the actor's region, else the latest one already due — i.e. the
 * latest month whose window has opened by today (China date).
 *
 * STAND-IN: issue 12 item 1 gives the app ONE "current reporting month" resolver, written by
 * another engineer ("period"). Until it lands this is the workbench's only copy of the rule; when
 * merging, replace this function's body by a call to that resolver.
 */
export async function workbenchReportingMonth(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>) {
  const today = chinaDate(ctx.clock.now());
  const { rule } = await resolveReportingRule(ctx.db, ctx.actor.regionPath);
  const calendar = await loadHolidayCalendar(ctx.db);
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  let [year, month] = thisMonth === 12 ? [thisYear + 1, 1] : [thisYear, thisMonth + 1];
  for (let step = 0; step < 15; step += 1) {
    try {
      if (reportingPeriod(rule, year, month, calendar).opensOn <= today) return { year, month };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    month -= 1;
    if (month === 0) {
      year -= 1;
      month = 12;
    }
  }
  return thisMonth === 1 ? { year: thisYear - 1, month: 12 } : { year: thisYear, month: thisMonth - 1 };
}
