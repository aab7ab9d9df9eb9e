import type { ApprovalPeriodStatistics } from '@tuijin/contracts';

const msPerDay = 86_400_000;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD date moved by whole calendar days. */
export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * msPerDay).toISOString().slice(0, 10);
}

/** Whether a text is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !isoDatePattern.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Days in a period, both ends counted. */
const lengthOf = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay) + 1;

export interface Period {
  from: string;
  to: string;
}

/** What the page shows: the 统计期, and the 对比期 unless comparing is switched off. */
export interface StatisticsView {
  period: Period;
  compare: Period;
  isComparing: boolean;
  regionCode?: string;
}

/** The 统计期 by default: the last twelve months up to today (today − 364 … today). */
export const defaultPeriod = (today: string): Period => ({ from: shiftDays(today, -364), to: today });

/**
 * The 对比期 by default: as many days as the 统计期, just before it — for the default 统计期 the
 * twelve months before (today − 729 … today − 365).
 */
export function previousPeriod(period: Period): Period {
  const days = lengthOf(period.from, period.to);
  return { from: shiftDays(period.from, -days), to: shiftDays(period.from, -1) };
}

function periodParam(params: URLSearchParams, fromKey: string, toKey: string): Period | null {
  const from = params.get(fromKey);
  const to = params.get(toKey);
  return isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : null;
}

/**
 * The page's view from the address (`?from=…&to=…&compareFrom=…&compareTo=…&compare=off&region=…`):
 * a missing or malformed period takes its default, so a hand-edited address cannot break the call.
 */
export function readStatisticsView(params: URLSearchParams, today: string): StatisticsView {
  const period = periodParam(params, 'from', 'to') ?? defaultPeriod(today);
  const compare = periodParam(params, 'compareFrom', 'compareTo') ?? previousPeriod(period);
  const regionCode = params.get('region') || undefined;
  return {
    period,
    compare,
    isComparing: params.get('compare') !== 'off',
    ...(regionCode ? { regionCode } : {}),
  };
}

/** The address after `changes`: a value sets its key, undefined removes it; the rest is kept. */
export function withParams(old: URLSearchParams, changes: Record<string, string | undefined>) {
  const next = new URLSearchParams(old);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** The endpoint's query for a view. */
export function statisticsQuery(view: StatisticsView) {
  return {
    from: view.period.from,
    to: view.period.to,
    ...(view.isComparing ? { compareFrom: view.compare.from, compareTo: view.compare.to } : {}),
    ...(view.regionCode ? { regionCode: view.regionCode } : {}),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** How the average whole span moved from the 对比期 to the 统计期. */
export interface SpanChange {
  kind: 'shorter' | 'longer' | 'same';
  from: number;
  to: number;
  /** Working days gained or lost (positive). */
  days: number;
  /** `days` as a share of the 对比期's average, in per cent with one decimal. */
  percent: number;
}

/**
 * The change of the average whole span (全流程平均用时) from the earlier period to the later one:
 * 66 → 38 is 28 working days shorter, 42.4%. None when either period has no finished project (or
 * the earlier one measured nothing to compare with).
 */
export function spanChange(earlier: number | null, later: number | null): SpanChange | null {
  if (earlier === null || later === null || earlier <= 0) return null;
  const days = round1(Math.abs(earlier - later));
  const kind = days === 0 ? 'same' : later < earlier ? 'shorter' : 'longer';
  return { kind, from: earlier, to: later, days, percent: round1((days / earlier) * 100) };
}

type Group = ApprovalPeriodStatistics['byProcedure'][number];

/** One row of a per-procedure or per-department table: the group in each period and the change. */
export interface ComparedGroup {
  key: string;
  name: string;
  current: Group | null;
  earlier: Group | null;
  /** Average working days now minus then (negative: faster), one decimal; null unless both exist. */
  change: number | null;
}

/**
 * The groups of both periods side by side: in the 统计期's order (slowest first, as the server sends
 * them), then those only the 对比期 had.
 */
export function compareGroups(current: readonly Group[], earlier: readonly Group[] | null): ComparedGroup[] {
  const before = new Map((earlier ?? []).map((group) => [group.key, group]));
  const rows: ComparedGroup[] = current.map((group) => {
    const then = before.get(group.key) ?? null;
    return {
      key: group.key,
      name: group.name,
      current: group,
      earlier: then,
      change:
        then && group.averageWorkingDays !== null && then.averageWorkingDays !== null
          ? round1(group.averageWorkingDays - then.averageWorkingDays)
          : null,
    };
  });
  const seen = new Set(current.map((group) => group.key));
  for (const group of earlier ?? [])
    if (!seen.has(group.key))
      rows.push({ key: group.key, name: group.name, current: null, earlier: group, change: null });
  return rows;
}
