import type { SetCalendarOverride } from '@tuijin/contracts';
import { AppError, authorize, type HolidayCalendar, type HolidayOverride } from '@tuijin/domain';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { holidayOverrides } from '../../db/schema';
import { packageHolidayCalendar, withOverrides } from '../../lib/holiday-calendar';
import { announceChange, processCached } from '../../lib/process-cache';
import { recordAudit } from '../audit';

/** The admin's entries, oldest date first. */
async function listOverrides(db: Queryable): Promise<HolidayOverride[]> {
  const rows = await db.select().from(holidayOverrides).orderBy(asc(holidayOverrides.date));
  return rows.map((row) =>
    row.name ? { date: row.date, kind: row.kind, name: row.name } : { date: row.date, kind: row.kind },
  );
}

/** The merged calendar kept per process; an edit here forgets it everywhere (`announceChange`). */
const keptCalendar = processCached('holidayCalendar', 5 * 60_000, async (db) =>
  withOverrides(await listOverrides(db)),
);

/**
 * The calendar every working-day deadline uses: the packaged official arrangements with the
 * admin's entries laid over them. Built once per process and database and kept until an admin
 * entry changes (in any process), so a request does not rebuild it; treat it as read-only.
 */
export async function loadHolidayCalendar(db: Queryable): Promise<HolidayCalendar> {
  return keptCalendar(db);
}

/** One year's days off and make-up workdays, each marked as official data or an admin entry. */
export async function getCalendarYear(db: Queryable, year: number) {
  const overrides = await listOverrides(db);
  const calendar = withOverrides(overrides);
  const overridden = new Set(overrides.map((o) => o.date));
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const days = [
    ...[...calendar.holidays].filter(inYear).map((date) => ({ date, kind: 'holiday' as const })),
    ...[...calendar.workdays].filter(inYear).map((date) => ({ date, kind: 'workday' as const })),
  ]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({
      ...day,
      name: calendar.holidayNames?.get(day.date) ?? null,
      source: overridden.has(day.date) ? ('override' as const) : ('package' as const),
    }));
  // Admin entries that restore an ordinary day (e.g. a weekday marked "workday") show too.
  for (const o of overrides) {
    if (inYear(o.date) && !days.some((d) => d.date === o.date)) {
      days.push({ date: o.date, kind: o.kind, name: o.name ?? null, source: 'override' });
    }
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { year, isKnown: calendar.knownYears.has(year), days };
}

/** Enters or changes one day (system admin); audited with the previous value. */
export async function setCalendarOverride(ctx: Ctx, date: string, input: SetCalendarOverride) {
  authorize(ctx.actor, 'calendar.manage');
  const year = Number(date.slice(0, 4));
  if (year < 2004 || year > 2100)
    throw new AppError('VALIDATION_FAILED', '年份超出范围', [{ path: 'date', message: '年份超出范围' }]);
  const [before] = await ctx.db.select().from(holidayOverrides).where(eq(holidayOverrides.date, date));
  const official = packageHolidayCalendar();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(holidayOverrides)
      .values({
        date,
        kind: input.kind,
        name: input.name,
        updatedBy: ctx.actor.userId,
        updatedAt: ctx.clock.now(),
      })
      .onConflictDoUpdate({
        target: holidayOverrides.date,
        set: { kind: input.kind, name: input.name, updatedBy: ctx.actor.userId, updatedAt: ctx.clock.now() },
      });
    await recordAudit(tx, ctx, {
      action: 'calendar.override.set',
      entityType: 'calendar',
      entityId: date,
      changes: {
        kind: {
          before:
            before?.kind ??
            (official.holidays.has(date) ? 'holiday' : official.workdays.has(date) ? 'workday' : null),
          after: input.kind,
        },
        name: { before: before?.name ?? null, after: input.name },
      },
    });
  });
  await announceChange(ctx.db, { topic: 'holidayCalendar' });
  return getCalendarYear(ctx.db, year);
}

/** Removes an admin entry, so the official data (if any) applies again. */
export async function deleteCalendarOverride(ctx: Ctx, date: string) {
  authorize(ctx.actor, 'calendar.manage');
  const [before] = await ctx.db.select().from(holidayOverrides).where(eq(holidayOverrides.date, date));
  if (!before) throw new AppError('NOT_FOUND', `${date} 没有管理员录入的安排`);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(holidayOverrides).where(eq(holidayOverrides.date, date));
    await recordAudit(tx, ctx, {
      action: 'calendar.override.delete',
      entityType: 'calendar',
      entityId: date,
      changes: { kind: { before: before.kind, after: null }, name: { before: before.name, after: null } },
    });
  });
  await announceChange(ctx.db, { topic: 'holidayCalendar' });
  return getCalendarYear(ctx.db, Number(date.slice(0, 4)));
}
