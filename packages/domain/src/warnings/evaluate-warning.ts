import { timeProgress } from '../indicators/time-progress';
import { compareDecimals, parseDecimal, percentPoints, ratio, subtractDecimal } from '../money/decimal';
import type { ReportTimeliness } from '../reports/reporting-calendar';
import { reaches, type WarningColour, type WarningDimension, type WarningRuleSet } from './warning-rules';

/** A calendar month of a year. */
export interface WarningPeriod {
  year: number;
  /** 1–12. */
  month: number;
}

/**
 * What one project looked like at the end of a month, as the rules read it. Amounts are decimal
 * strings in 万元; arrays run from January (index 0) to the evaluated month.
 */
export interface WarningFacts {
  /** The planned start month (the year's plan, else the project's own start month); null: none planned. */
  plannedStart: WarningPeriod | null;
  /** The first actual start date reported (YYYY-MM-DD), null when none yet. */
  actualStartOn: string | null;
  /** Counted in official statistics (入统) by an approved report up to the month. */
  inStatistics: boolean;
  /** The year's planned investment; null when the project has no plan for the year. */
  plannedWanYuan: string | null;
  /** Year-to-date completed (approved reports) at the end of each month. */
  ytdByMonth: readonly string[];
  /** The cumulative plan to each month (the plan's split). */
  cumulativePlanByMonth: readonly string[];
  /** Timeliness of each month's report. */
  reportByMonth: readonly ReportTimeliness[];
  /** Open problems past their due date at the month's end. */
  overdueProblems: number;
  /** Approval items past their committed limit at the month's end (absent: none). */
  overdueApprovals?: number;
  /** Milestone nodes past their planned date at the month's end (absent: none). */
  overdueMilestones?: number;
  /**
   * The statistics bureau's year-to-date 入统 figure of the latest month of the year imported up to
   * this one (absent or null: none imported for the project).
   */
  statisticsFigure?: { month: number; wanYuan: string } | null;
  /** Dimensions the office excused for this month (正当理由). */
  excused: readonly WarningDimension[];
}

/** Why a dimension is not green: a localisable code and its numbers. */
export interface WarningReason {
  dimension: WarningDimension;
  colour: Exclude<WarningColour, 'green'>;
  code: string;
  params: Record<string, string | number>;
  /** Suppressed by a recorded 正当理由: listed, but not counted in the colour. */
  excused: boolean;
}

/** A project's colour for a month (the worst of its counted dimensions) with the reasons. */
export interface WarningResult {
  colour: WarningColour;
  reasons: WarningReason[];
}

const rank: Record<WarningColour, number> = { green: 0, yellow: 1, red: 2 };

/** The worse of two colours. */
export const worseColour = (a: WarningColour, b: WarningColour): WarningColour => (rank[b] > rank[a] ? b : a);

/** A month as a running index (year × 12 + month − 1), so differences are months. */
export const monthIndex = (p: WarningPeriod) => p.year * 12 + p.month - 1;

/** "2026-05" for a period. */
export const monthKey = (p: WarningPeriod) => `${p.year}-${String(p.month).padStart(2, '0')}`;

/** The period of "YYYY-MM", or null when malformed. */
export function parseMonthKey(key: string): WarningPeriod | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

/** The month before a period. */
export const previousPeriod = (p: WarningPeriod): WarningPeriod =>
  p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };

/** A one-decimal percentage string as tenths ("10.0" → 100). */
const tenths = (percent: string) => Number(parseDecimal(percent) / 1000n);

function colourOf(
  measureTenths: number,
  rule: Pick<WarningRuleSet['start'], 'yellow' | 'red'>,
): WarningColour {
  if (reaches(measureTenths, rule.red)) return 'red';
  if (reaches(measureTenths, rule.yellow)) return 'yellow';
  return 'green';
}

/** How far completion trails 序时进度 at a month's end (percent strings, one decimal). */
export interface ProgressShortfall {
  completion: string;
  time: string;
  /** Points below 序时进度 (0 when ahead). */
  gap: string;
  /** The gap as a share of 序时进度, %. */
  share: string;
  /** The rule's measure (points or share) in tenths, for comparing with thresholds. */
  tenths: number;
}

/**
 * Shortfall of `completed` (year to date) against `planned` (the year's plan) below 序时进度 at the
 * end of month `month` of `year`, as `measure` reads it; null when nothing is planned.
 */
export function progressShortfallOf(
  planned: string | null,
  completed: string | undefined,
  year: number,
  month: number,
  measure: 'points' | 'share',
): ProgressShortfall | null {
  if (planned === null || completed === undefined || compareDecimals(planned, '0') <= 0 || month < 1)
    return null;
  const completion = ratio(completed, planned).percent ?? '0.0';
  const time = timeProgress({ year, asOfMonth: month }).percent ?? '0.0';
  const gap = percentPoints(time, completion);
  const positive = compareDecimals(gap, '0') > 0 ? gap : '0';
  const share = ratio(positive, time).percent ?? '0.0';
  return { completion, time, gap: positive, share, tenths: tenths(measure === 'points' ? positive : share) };
}

/** Shortfall below 序时进度 in month `m` (1-based) as the rule measures it, in tenths; null: no plan. */
const progressShortfall = (facts: WarningFacts, year: number, m: number, measure: 'points' | 'share') =>
  progressShortfallOf(facts.plannedWanYuan, facts.ytdByMonth[m - 1], year, m, measure);

/**
 * 红黄绿灯: evaluates one project's month under a rule set. Each enabled dimension gives a colour
 * and, when not green, a reason (code + numbers); the project's colour is the worst counted one.
 * A dimension the office excused (正当理由) keeps its reason, marked excused, but does not count.
 * Rules (thresholds per {@link WarningRuleSet}, edges per the published wording, see
 * `warningPresets`):
 * - start: planned start month ≤ the month and no actual start by its end → months overdue.
 * - progress: 序时进度 (months ÷ 12) minus the year's completion rate, in points or as a share of
 *   序时进度; with `redAfterConsecutiveMonths` N, behind (reaching yellow) N months in a row is red.
 * - problems: count of overdue open problems.
 * - approvals / milestones: count of approval items past their limit / nodes past their date.
 * - reconciliation: |自报 − 入统| as a percentage of 入统 (one decimal, as printed) at the latest
 *   入统 month; reported investment against a 入统 of zero reaches every threshold.
 * - reports: months in a row ending with this one whose report is missing (late too if counted).
 * - statistics: months from the actual start month to this one while not 入统.
 * - monthTarget (Ouhai): year-to-date below the cumulative plan is red; met this month after a
 *   missed previous month (the shortfall made up) is yellow; met both is green.
 */
export function evaluateWarning(
  facts: WarningFacts,
  rules: WarningRuleSet,
  period: WarningPeriod,
): WarningResult {
  const reasons: WarningReason[] = [];
  const add = (
    dimension: WarningDimension,
    colour: WarningColour,
    code: string,
    params: Record<string, string | number>,
  ) => {
    if (colour !== 'green')
      reasons.push({ dimension, colour, code, params, excused: facts.excused.includes(dimension) });
  };
  const now = monthIndex(period);
  const startedBy =
    facts.actualStartOn !== null && facts.actualStartOn.slice(0, 7) <= monthKey(period)
      ? facts.actualStartOn
      : null;

  if (rules.start.enabled && facts.plannedStart && startedBy === null) {
    const overdue = now - monthIndex(facts.plannedStart);
    if (overdue >= 0)
      add('start', colourOf(overdue * 10, rules.start), 'start.notStarted', {
        plannedMonth: monthKey(facts.plannedStart),
        monthsOverdue: overdue,
      });
  }

  if (rules.progress.enabled) {
    const rule = rules.progress;
    const current = progressShortfall(facts, period.year, period.month, rule.measure);
    if (current) {
      let colour = colourOf(current.tenths, rule);
      let streak = 0;
      const n = rule.redAfterConsecutiveMonths;
      if (n) {
        for (let m = period.month; m >= 1; m--) {
          const s = progressShortfall(facts, period.year, m, rule.measure);
          if (!s || !(reaches(s.tenths, rule.yellow) || reaches(s.tenths, rule.red))) break;
          streak++;
        }
        if (streak >= n) colour = 'red';
      }
      add('progress', colour, rule.measure === 'points' ? 'progress.behindPoints' : 'progress.behindShare', {
        completionPercent: current.completion,
        timePercent: current.time,
        gapPoints: current.gap,
        gapShare: current.share,
        ...(n && streak >= n ? { consecutiveMonths: streak } : {}),
      });
    }
  }

  if (rules.problems.enabled && facts.overdueProblems > 0)
    add('problems', colourOf(facts.overdueProblems * 10, rules.problems), 'problems.overdue', {
      count: facts.overdueProblems,
    });

  const overdueApprovals = facts.overdueApprovals ?? 0;
  if (rules.approvals.enabled && overdueApprovals > 0)
    add('approvals', colourOf(overdueApprovals * 10, rules.approvals), 'approvals.overdue', {
      count: overdueApprovals,
    });
  const overdueMilestones = facts.overdueMilestones ?? 0;
  if (rules.milestones.enabled && overdueMilestones > 0)
    add('milestones', colourOf(overdueMilestones * 10, rules.milestones), 'milestones.overdue', {
      count: overdueMilestones,
    });

  const figure = facts.statisticsFigure;
  if (rules.reconciliation.enabled && figure && figure.month <= period.month) {
    const reported = facts.ytdByMonth[figure.month - 1] ?? '0';
    const gap = subtractDecimal(reported, figure.wanYuan);
    if (parseDecimal(gap) !== 0n) {
      const percent = ratio(gap.startsWith('-') ? gap.slice(1) : gap, figure.wanYuan).percent;
      const tenths = percent === null ? Number.POSITIVE_INFINITY : Math.round(Number(percent) * 10);
      add('reconciliation', colourOf(tenths, rules.reconciliation), 'reconciliation.gap', {
        month: figure.month,
        reported,
        statistics: figure.wanYuan,
        gapPercent: percent ?? '—',
      });
    }
  }

  if (rules.reports.enabled) {
    let streak = 0;
    for (let m = period.month; m >= 1; m--) {
      const t = facts.reportByMonth[m - 1];
      if (t === 'missing' || (t === 'late' && rules.reports.countLate)) streak++;
      else break;
    }
    if (streak > 0)
      add('reports', colourOf(streak * 10, rules.reports), 'reports.missed', {
        months: streak,
        thisMonth: facts.reportByMonth[period.month - 1] ?? 'notYetDue',
      });
  }

  if (rules.statistics.enabled && startedBy !== null && !facts.inStatistics) {
    const months =
      now - monthIndex({ year: Number(startedBy.slice(0, 4)), month: Number(startedBy.slice(5, 7)) });
    add('statistics', colourOf(months * 10, rules.statistics), 'statistics.notEntered', {
      startedOn: startedBy,
      months,
    });
  }

  if (rules.monthTarget.enabled) {
    const met = (m: number) => {
      const plan = facts.cumulativePlanByMonth[m - 1];
      const ytd = facts.ytdByMonth[m - 1];
      if (plan === undefined || ytd === undefined || compareDecimals(plan, '0') <= 0) return null;
      return { met: compareDecimals(ytd, plan) >= 0, plan, ytd };
    };
    const current = met(period.month);
    if (current && !current.met)
      add('monthTarget', 'red', 'monthTarget.missed', { cumulativePlan: current.plan, ytd: current.ytd });
    else if (current && period.month > 1 && met(period.month - 1)?.met === false)
      add('monthTarget', 'yellow', 'monthTarget.caughtUp', {
        cumulativePlan: current.plan,
        ytd: current.ytd,
      });
  }

  const colour = reasons
    .filter((r) => !r.excused)
    .reduce<WarningColour>((c, r) => worseColour(c, r.colour), 'green');
  return { colour, reasons };
}

/**
 * 蜗牛 (snail) count: how many months in a row, ending with the latest entry, a project was red.
 * `history` is the project's colours in month order (oldest first, no gaps assumed).
 */
export function consecutiveRedMonths(history: readonly { month: string; colour: WarningColour }[]): number {
  let count = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i]?.colour !== 'red') break;
    count++;
  }
  return count;
}

/** One project whose colour a rule change would change, for the preview before publishing. */
export interface WarningChange<K> {
  key: K;
  before: WarningResult | null;
  after: WarningResult;
}

/** The projects whose colour differs between two evaluations (a project absent before counts as changed). */
export function warningChanges<K>(
  before: ReadonlyMap<K, WarningResult>,
  after: ReadonlyMap<K, WarningResult>,
): WarningChange<K>[] {
  const changes: WarningChange<K>[] = [];
  for (const [key, result] of after) {
    const old = before.get(key) ?? null;
    if (old?.colour !== result.colour) changes.push({ key, before: old, after: result });
  }
  return changes;
}
