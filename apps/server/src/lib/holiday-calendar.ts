import {
  emptyHolidayCalendar,
  type HolidayCalendar,
  type HolidayOverride,
  mergeCalendars,
} from '@tuijin/domain';
import packaged from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The `chinese-days` data file maps each date to "English name,中文名,days": `holidays` are the official
 * days off, `workdays` the make-up working weekends (调休上班); `inLieuDays` only marks which days
 * off are paid back and is not needed to tell working days apart.
 */
type PackagedDays = Record<string, string>;

/** The Chinese name in a `chinese-days` entry ("National Day,国庆节,3" → 国庆节). */
function chineseName(entry: string): string | undefined {
  return entry.split(',')[1]?.trim() || undefined;
}

function entriesOf(days: PackagedDays, kind: HolidayOverride['kind']): HolidayOverride[] {
  return Object.entries(days).map(([date, entry]) => {
    const name = chineseName(entry);
    const label = name && kind === 'workday' ? `${name}调休上班` : name;
    return label ? { date, kind, name: label } : { date, kind };
  });
}

let cached: HolidayCalendar | undefined;

/**
 * The official calendar shipped by `chinese-days` (every year it has published, 2004 onward): its
 * days off and make-up working weekends, named in Chinese, and as known years exactly the years
 * that appear in its data. Built once per process.
 */
export function packageHolidayCalendar(): HolidayCalendar {
  cached ??= mergeCalendars(emptyHolidayCalendar, [
    ...entriesOf(packaged.holidays as PackagedDays, 'holiday'),
    ...entriesOf(packaged.workdays as PackagedDays, 'workday'),
  ]);
  return cached;
}

/** The packaged calendar with the admin's holiday table laid over it; the table wins date by date. */
export function withOverrides(overrides: readonly HolidayOverride[]): HolidayCalendar {
  return mergeCalendars(packageHolidayCalendar(), overrides);
}
