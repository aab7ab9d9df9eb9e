import type { CurrentReportingPeriod } from '@tuijin/contracts';
import { chinaDate, currentReportingQuarter } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { readableRegion, reportingDeadlineResolver } from './reporting-calendars';

/**
 * 当前报送月份 of a region path on the clock's day (China date): the month whose reporting window is
 * open, else the latest one whose deadline has passed, by the region's reporting calendar (own,
 * nearest ancestor's or the default) and the merged holiday calendar — `reportingDeadlineResolver`'s
 * `currentMonth`, i.e. the domain's `currentReportingMonth`. The one default month of the report form,
 * the status board, the cockpit, the big screen and the workbench; `quarter` is the current quarter.
 */
export async function resolveReportingPeriod(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  regionPath: string,
): Promise<Omit<CurrentReportingPeriod, 'regionCode'>> {
  const today = chinaDate(ctx.clock.now());
  const current = (await reportingDeadlineResolver(ctx.db)).currentMonth(regionPath, today);
  return {
    year: current.year,
    month: current.month,
    key: current.key,
    quarter: currentReportingQuarter(current),
    opensOn: current.period?.opensOn ?? null,
    dueOn: current.period?.dueOn ?? null,
    closesOn: current.period?.closesOn ?? null,
    state: current.state,
    today,
  };
}

/**
 * `GET /api/reporting-period`: the current reporting month of a region the actor may read (in their
 * jurisdiction or above it), default the actor's own region; else NOT_FOUND.
 */
export async function getCurrentReportingPeriod(
  ctx: Ctx,
  regionCode: string | undefined,
): Promise<CurrentReportingPeriod> {
  const region = regionCode
    ? await readableRegion(ctx, regionCode)
    : { code: ctx.actor.regionCode, path: ctx.actor.regionPath };
  return { regionCode: region.code, ...(await resolveReportingPeriod(ctx, region.path)) };
}
