import type { ReportingCalendarView, SetReportingCalendar } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  type CurrentReportingMonth,
  can,
  chinaDate,
  currentReportingMonth,
  effectiveReportingRule,
  type HolidayCalendar,
  isReportingDeadlineProvisional,
  pathInSubtree,
  type ReportCheckId,
  type ReportingRule,
  type ReportTimeliness,
  reportingDeadline,
  reportingPeriod,
  reportTimeliness,
} from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { regions, reportingCalendars } from '../../db/schema';
import { announceChange, processCached } from '../../lib/process-cache';
import { ancestorPaths } from '../../lib/scope';
import { recordAudit } from '../audit';
import { loadHolidayCalendar } from '../calendar';

type CalendarRow = typeof reportingCalendars.$inferSelect;

const toRule = (row: CalendarRow): ReportingRule => ({
  deadlineKind: row.deadlineKind,
  deadlineDay: row.deadlineDay,
  deadlineMonthOffset: row.deadlineMonthOffset,
  deadlineWorkingDays: row.deadlineWorkingDays,
  opensDaysBefore: row.opensDaysBefore,
  lateAllowed: row.lateAllowed,
  lateCloseDays: row.lateCloseDays,
  blockingChecks: row.blockingChecks as ReportCheckId[],
});

/**
 * Every region's own reporting rule (one row per region that set one: a few hundred at most in a
 * province), keyed by region path with its rule, kept per process until one is set or removed.
 */
const keptCalendars = processCached('reportingCalendars', 5 * 60_000, async (db) => {
  const rows = await db.select().from(reportingCalendars);
  return new Map(rows.map((row) => [row.regionPath, { row, rule: toRule(row) }]));
});

/** The calendar rows on a region path (the region's own and its ancestors'), keyed by region path. */
async function rowsOnPath(db: Queryable, path: string): Promise<Map<string, CalendarRow>> {
  const kept = await keptCalendars(db);
  const onPath = new Map<string, CalendarRow>();
  for (const p of [...ancestorPaths(path), path]) {
    const found = kept.get(p);
    if (found) onPath.set(p, found.row);
  }
  return onPath;
}

/**
 * The rule that applies to a region path: its own row, else its nearest ancestor's, else the
 * default (25th of the month, opens 10 days before, late allowed).
 */
export async function resolveReportingRule(
  db: Queryable,
  regionPath: string,
): Promise<{ rule: ReportingRule; row: CalendarRow | null }> {
  const rows = await rowsOnPath(db, regionPath);
  const rules = new Map([...rows].map(([path, row]) => [path, toRule(row)]));
  const { rule, fromPath } = effectiveReportingRule(regionPath, rules);
  return { rule, row: fromPath ? (rows.get(fromPath) ?? null) : null };
}

/**
 * A resolver for many projects at once (status board, demo): loads every calendar row once and
 * caches each region path's rule.
 */
export async function reportingRuleResolver(db: Queryable) {
  const rules = new Map([...(await keptCalendars(db))].map(([path, { rule }]) => [path, rule]));
  const cache = new Map<string, ReportingRule>();
  return (regionPath: string): ReportingRule => {
    let rule = cache.get(regionPath);
    if (!rule) {
      rule = effectiveReportingRule(regionPath, rules).rule;
      cache.set(regionPath, rule);
    }
    return rule;
  };
}

/** A month's report as far as its deadline is concerned (null: none exists yet). */
export interface ReportDeadlineFacts {
  submittedAt: Date | null;
  dueOn: string;
  late: boolean;
}

/** Decides the deadline and timeliness of any project's month; see {@link reportingDeadlineResolver}. */
export interface ReportingDeadlineResolver {
  /**
   * The calendar deadline of (year, month) for a region path, or null when none can be stated
   * (a working-days rule over a year the holiday calendar does not know).
   */
  calendarDeadline(regionPath: string, year: number, month: number): string | null;
  /** The deadline that applies to a report: its `due_on` once submitted (fixed then), else the calendar's. */
  dueOn(report: ReportDeadlineFacts | null, regionPath: string, year: number, month: number): string | null;
  /** On time, late, missing or not yet due, judged on `today` (China date) by the domain's `reportTimeliness`. */
  timeliness(
    report: ReportDeadlineFacts | null,
    regionPath: string,
    year: number,
    month: number,
    today: string,
  ): ReportTimeliness;
  /**
   * Whether the deadline `dueOn` answers is provisional (its year's holidays not yet published): never
   * for a submitted report, whose deadline was fixed at submission.
   */
  isDueOnProvisional(
    report: ReportDeadlineFacts | null,
    regionPath: string,
    year: number,
    month: number,
  ): boolean;
  /** The current reporting month of a region path on `today` (China date), by the domain's `currentReportingMonth`. */
  currentMonth(regionPath: string, today: string): CurrentReportingMonth;
}

/**
 * 报送期限的唯一判定: the one deadline rule every reader of timeliness uses (status board, cockpit,
 * a project's report year, reminders), and the one answer to "which month is current" (`currentMonth`). The rule of a region is its own reporting calendar, else its
 * nearest ancestor's, else the default 25th; a day-of-month deadline on a day off moves to the next
 * working day by the merged holiday calendar; a report's `due_on` and `late` are fixed at its first
 * submission. Loads the calendars and the holiday calendar once and caches each (path, month).
 */
export async function reportingDeadlineResolver(db: Queryable): Promise<ReportingDeadlineResolver> {
  const [ruleOf, calendar] = await Promise.all([reportingRuleResolver(db), loadHolidayCalendar(db)]);
  const cache = new Map<string, string | null>();
  const calendarDeadline = (regionPath: string, year: number, month: number) => {
    const key = `${regionPath}|${year}|${month}`;
    if (!cache.has(key)) {
      let due: string | null = null;
      try {
        due = reportingDeadline(ruleOf(regionPath), year, month, calendar);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
      cache.set(key, due);
    }
    return cache.get(key) ?? null;
  };
  const dueOn: ReportingDeadlineResolver['dueOn'] = (report, regionPath, year, month) =>
    report?.submittedAt ? report.dueOn : calendarDeadline(regionPath, year, month);
  const currentMonths = new Map<string, CurrentReportingMonth>();
  const currentMonth = (regionPath: string, today: string) => {
    const key = `${regionPath}|${today}`;
    let found = currentMonths.get(key);
    if (!found) {
      found = currentReportingMonth(ruleOf(regionPath), calendar, today);
      currentMonths.set(key, found);
    }
    return found;
  };
  const isDueOnProvisional: ReportingDeadlineResolver['isDueOnProvisional'] = (
    report,
    regionPath,
    year,
    month,
  ) => !report?.submittedAt && isReportingDeadlineProvisional(ruleOf(regionPath), year, month, calendar);
  return {
    calendarDeadline,
    dueOn,
    isDueOnProvisional,
    currentMonth,
    timeliness: (report, regionPath, year, month, today) =>
      reportTimeliness({
        isSubmitted: report?.submittedAt != null,
        isLate: report?.late ?? false,
        dueOn: dueOn(report, regionPath, year, month),
        today,
      }),
  };
}

/** The next 12 reported months whose deadline is today or later, with their window dates. */
function upcomingPeriods(rule: ReportingRule, calendar: HolidayCalendar, today: string) {
  const periods: ReportingCalendarView['upcoming'] = [];
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7)) - 1;
  if (month === 0) {
    year -= 1;
    month = 12;
  }
  for (let guard = 0; periods.length < 12 && guard < 15; guard += 1) {
    try {
      const period = reportingPeriod(rule, year, month, calendar);
      if (period.dueOn >= today)
        periods.push({
          year,
          month,
          ...period,
          problem: null,
          isProvisional: isReportingDeadlineProvisional(rule, year, month, calendar),
        });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      periods.push({
        year,
        month,
        opensOn: null,
        dueOn: null,
        closesOn: null,
        problem: error.message,
        isProvisional: false,
      });
    }
    month += 1;
    if (month === 13) {
      year += 1;
      month = 1;
    }
  }
  return periods;
}

/**
 * A region the actor may read the calendar of: in their jurisdiction, or above it (a county office
 * and the owners in it see the city rule they inherit). Else NOT_FOUND.
 */
export async function readableRegion(ctx: Ctx, regionCode: string) {
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, regionCode));
  if (!region) throw new AppError('NOT_FOUND');
  const visible =
    pathInSubtree(region.path, ctx.actor.regionPath) || pathInSubtree(ctx.actor.regionPath, region.path);
  if (!visible) throw new AppError('NOT_FOUND');
  return region;
}

/** A region's effective reporting rule, where it comes from, and its next 12 deadlines. */
export async function getReportingCalendar(ctx: Ctx, regionCode: string): Promise<ReportingCalendarView> {
  const region = await readableRegion(ctx, regionCode);
  const { rule, row } = await resolveReportingRule(ctx.db, region.path);
  let inheritedFrom: ReportingCalendarView['inheritedFrom'] = null;
  if (row && row.regionCode !== region.code) {
    const [from] = await ctx.db.select().from(regions).where(eq(regions.code, row.regionCode));
    inheritedFrom = { code: row.regionCode, name: from?.name ?? row.regionCode };
  }
  const calendar = await loadHolidayCalendar(ctx.db);
  const own = row && row.regionCode === region.code ? row : null;
  return {
    regionCode: region.code,
    regionName: region.name,
    source: own ? 'own' : row ? 'inherited' : 'default',
    inheritedFrom,
    rule: { ...rule, blockingChecks: [...rule.blockingChecks] },
    version: own?.version ?? null,
    updatedAt: own?.updatedAt.toISOString() ?? null,
    upcoming: upcomingPeriods(rule, calendar, chinaDate(ctx.clock.now())),
    canManage: can(ctx.actor, 'reportingCalendar.manage') && pathInSubtree(region.path, ctx.actor.regionPath),
  };
}

/** A region the actor manages: reportingCalendar.manage and the region in their subtree. */
async function managedRegion(ctx: Ctx, regionCode: string) {
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, regionCode));
  if (!region || !pathInSubtree(region.path, ctx.actor.regionPath)) throw new AppError('NOT_FOUND');
  authorize(ctx.actor, 'reportingCalendar.manage', { regionPath: region.path });
  return region;
}

const conflict = () => new AppError('CONFLICT', '报送日历已被他人修改，请刷新后重试');

/**
 * Sets a region's own reporting rule (creating it when `version` is null), versioned and audited
 * with before/after of every field. The region's subtree inherits it unless a region below has its own.
 */
export async function setReportingCalendar(ctx: Ctx, regionCode: string, input: SetReportingCalendar) {
  const region = await managedRegion(ctx, regionCode);
  const { version, ...rule } = input;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(reportingCalendars)
      .where(eq(reportingCalendars.regionCode, region.code));
    if ((before?.version ?? null) !== version) throw conflict();
    const values = { ...rule, updatedBy: ctx.actor.userId, updatedAt: ctx.clock.now() };
    if (before) {
      await tx
        .update(reportingCalendars)
        .set({ ...values, version: before.version + 1 })
        .where(eq(reportingCalendars.regionCode, region.code));
    } else {
      await tx
        .insert(reportingCalendars)
        .values({ ...values, regionCode: region.code, regionPath: region.path });
    }
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [key, after] of Object.entries(rule)) {
      const previous = before ? (before as Record<string, unknown>)[key] : null;
      if (JSON.stringify(previous) !== JSON.stringify(after)) changes[key] = { before: previous, after };
    }
    await recordAudit(tx, ctx, {
      action: 'reportingCalendar.set',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      changes,
    });
  });
  await announceChange(ctx.db, { topic: 'reportingCalendars' });
  return getReportingCalendar(ctx, regionCode);
}

/** Removes a region's own rule, so it inherits again; audited. */
export async function deleteReportingCalendar(ctx: Ctx, regionCode: string, version: number) {
  const region = await managedRegion(ctx, regionCode);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(reportingCalendars)
      .where(eq(reportingCalendars.regionCode, region.code));
    if (!before) throw new AppError('NOT_FOUND', '该区划没有本级报送日历');
    if (before.version !== version) throw conflict();
    await tx.delete(reportingCalendars).where(eq(reportingCalendars.regionCode, region.code));
    await recordAudit(tx, ctx, {
      action: 'reportingCalendar.delete',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      changes: Object.fromEntries(
        Object.entries(toRule(before)).map(([key, value]) => [key, { before: value, after: null }]),
      ),
    });
  });
  await announceChange(ctx.db, { topic: 'reportingCalendars' });
  return getReportingCalendar(ctx, regionCode);
}
