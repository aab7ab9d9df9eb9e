import { addDecimals } from '../money/decimal';
import {
  monthIndex,
  monthKey,
  type ProgressShortfall,
  progressShortfallOf,
  type WarningPeriod,
} from './evaluate-warning';
import { reaches, type WarningColour, type WarningRuleSet } from './warning-rules';

/**
 * A region's aggregate for one month: the sums over its warned projects of the year's planned
 * investment and of the year-to-date completed investment at the month's end (decimal strings, 万元).
 */
export interface RegionMonthFacts {
  period: WarningPeriod;
  plannedWanYuan: string;
  completedWanYuan: string;
}

/** Why a region is not green: a localisable code and its numbers (for the latest month). */
export interface RegionWarningReason {
  colour: Exclude<WarningColour, 'green'>;
  code: 'region.missedConsecutive' | 'region.missedLatest';
  params: {
    month: string;
    months: number;
    completionPercent: string;
    timePercent: string;
    gapPoints: string;
    gapShare: string;
  };
}

/** A region's colour for its latest month, with the reason when not green. */
export interface RegionWarningResult {
  colour: WarningColour;
  reasons: RegionWarningReason[];
}

/** Adds up project figures into one region month; projects without a plan for the year do not count. */
export function sumRegionMonth(
  period: WarningPeriod,
  projects: readonly { plannedWanYuan: string | null; completedWanYuan: string }[],
): RegionMonthFacts {
  const planned = projects.filter((p) => p.plannedWanYuan !== null);
  return {
    period,
    plannedWanYuan: addDecimals(planned.map((p) => p.plannedWanYuan!)),
    completedWanYuan: addDecimals(planned.map((p) => p.completedWanYuan)),
  };
}

/**
 * 区域预警 (Sanya): colours a region from its monthly aggregates (any order; the latest month is the
 * one coloured). A month is missed when the aggregate shortfall below 序时进度, measured as the
 * progress dimension measures it, reaches the progress yellow or red threshold. Red when the latest
 * `consecutiveMonths` calendar months all missed; yellow when the
 * latest missed only; green otherwise, also when the rule is off, nothing is planned or no facts.
 * A month absent from the facts, or with nothing planned, breaks the run.
 */
export function evaluateRegionWarning(
  facts: readonly RegionMonthFacts[],
  rules: WarningRuleSet,
): RegionWarningResult {
  const rule = rules.regionRule;
  const green: RegionWarningResult = { colour: 'green', reasons: [] };
  if (!rule?.enabled || facts.length === 0) return green;
  const byMonth = new Map(facts.map((f) => [monthIndex(f.period), f]));
  const latest = Math.max(...byMonth.keys());
  const shortfall = (index: number): ProgressShortfall | null => {
    const f = byMonth.get(index);
    if (!f) return null;
    return progressShortfallOf(
      f.plannedWanYuan,
      f.completedWanYuan,
      f.period.year,
      f.period.month,
      rules.progress.measure,
    );
  };
  const missed = (s: ProgressShortfall | null) =>
    s !== null &&
    s.tenths > 0 &&
    (reaches(s.tenths, rules.progress.yellow) || reaches(s.tenths, rules.progress.red));
  const current = shortfall(latest);
  if (!missed(current)) return green;
  let run = 0;
  while (run < rule.consecutiveMonths && missed(shortfall(latest - run))) run++;
  const colour = run >= rule.consecutiveMonths ? 'red' : 'yellow';
  const period = byMonth.get(latest)!.period;
  return {
    colour,
    reasons: [
      {
        colour,
        code: colour === 'red' ? 'region.missedConsecutive' : 'region.missedLatest',
        params: {
          month: monthKey(period),
          months: run,
          completionPercent: current!.completion,
          timePercent: current!.time,
          gapPoints: current!.gap,
          gapShare: current!.share,
        },
      },
    ],
  };
}
