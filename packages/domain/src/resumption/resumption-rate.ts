import { resumptionRate } from '../indicators/project-rates';
import { effectiveResumedOn, type StoppageDates } from './stoppage';

/** A project as the 复工率 reads it: its construction dates and its stoppages. */
export interface ResumptionProject {
  actualStartOn: string | null;
  actualCompletionOn: string | null;
  stoppages: StoppageDates[];
}

export interface ResumptionCount {
  /** 应复工: under construction on the date with a stoppage begun within the period. */
  due: number;
  /** 已复工: of those, the ones whose last stoppage had resumed (and been accepted where required). */
  resumed: number;
  /** 复工率 in percent with one decimal, as text; null when nothing is due. */
  ratePercent: string | null;
}

/** Whether the project is under construction on `date`: started on or before it, not completed by it. */
export const underConstructionOn = (
  p: Pick<ResumptionProject, 'actualStartOn' | 'actualCompletionOn'>,
  date: string,
) => !!p.actualStartOn && p.actualStartOn <= date && (!p.actualCompletionOn || p.actualCompletionOn > date);

/**
 * Where one project stands on `date` for the 复工率: 'none' when it does not count (not under
 * construction on the date, or no stoppage begun in [from, date]); else 'resumed' when its last
 * stoppage begun by the date had resumed by the date (effective date, acceptance included), or
 * 'stopped'.
 */
export function resumptionStandingOn(
  p: ResumptionProject,
  date: string,
  from: string,
): 'none' | 'stopped' | 'resumed' {
  if (!underConstructionOn(p, date)) return 'none';
  const begun = p.stoppages
    .filter((s) => s.stoppedOn >= from && s.stoppedOn <= date)
    .sort((a, b) => (a.stoppedOn < b.stoppedOn ? -1 : a.stoppedOn > b.stoppedOn ? 1 : 0));
  const last = begun.at(-1);
  if (!last) return 'none';
  const on = effectiveResumedOn(last);
  return on && on <= date ? 'resumed' : 'stopped';
}

/**
 * 复工率 on a date over a set of projects:
 *
 *   应复工 = projects under construction on the date (actualStartOn ≤ date, and no actualCompletionOn
 *           or actualCompletionOn > date) with a stoppage begun in the period [from, date];
 *   已复工 = those whose last stoppage begun by the date has resumed on or before the date (when the
 *           stoppage needs an inspection group's acceptance, the later of resumption and acceptance);
 *   复工率 = 已复工 ÷ 应复工 × 100, one decimal, by the indicator `resumptionRate` (Ningde: 222 of
 *           222 = 100.0%); none when 应复工 = 0.
 *
 * `from` bounds the period considered (by default the 1st of January of the date's year), so last
 * year's stoppages do not count this season.
 */
export function resumptionCountOn(
  projects: ResumptionProject[],
  date: string,
  from?: string,
): ResumptionCount {
  const start = from ?? `${date.slice(0, 4)}-01-01`;
  let due = 0;
  let resumed = 0;
  for (const p of projects) {
    const standing = resumptionStandingOn(p, date, start);
    if (standing === 'none') continue;
    due += 1;
    if (standing === 'resumed') resumed += 1;
  }
  return { due, resumed, ratePercent: resumptionRate({ resumed, toResume: due }).percent };
}

export type ZoneProgress = 'met' | 'notMet' | 'open';

/**
 * A zone against its target date: 'open' while the date has not passed (today before or on it);
 * after it, 'met' when every project due had resumed on the target date (rate 100%, or nothing due),
 * else 'notMet'.
 */
export function zoneProgress(onTarget: ResumptionCount, targetOn: string, today: string): ZoneProgress {
  if (today <= targetOn) return 'open';
  return onTarget.resumed === onTarget.due ? 'met' : 'notMet';
}
