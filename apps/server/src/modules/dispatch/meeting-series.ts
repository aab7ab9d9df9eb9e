import type { CreateMeetingSeries, MeetingSeries, UpdateMeetingSeries } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  cadenceProblems,
  chinaDate,
  type HolidayCalendar,
  type MeetingCadence,
  meetingSeriesPresets,
  nextMeetingOn,
} from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { meetingSeries, regions } from '../../db/schema';
import { regionByCode, seesRegionSettings } from '../../lib/region-lookup';
import { recordAudit, updateVersioned } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { mayManageMeetingsIn } from './dispatch-scope';

type SeriesRow = typeof meetingSeries.$inferSelect;

const presetNames: Record<keyof typeof meetingSeriesPresets, string> = {
  fiveOnes: '五个一（山东）',
  countyWeekly: '县区周例会（漯河）',
  huian321: '321 县长协调会（惠安）',
};

export function presentSeries(
  row: SeriesRow,
  regionName: string,
  today: string,
  calendar: HolidayCalendar,
): MeetingSeries {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName,
    code: row.code,
    name: row.name,
    kind: row.kind,
    chairTitle: row.chairTitle,
    chairUserId: row.chairUserId,
    cadence: row.cadence,
    ladderLevel: row.ladderLevel,
    attendeeOrganisationIds: row.attendeeOrganisationIds,
    active: row.active,
    nextOn: row.active ? nextMeetingOn(row.cadence, today, calendar) : null,
    version: row.version,
  };
}

function assertCadence(cadence: MeetingCadence) {
  const problems = cadenceProblems(cadence);
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `会议节奏设置有误：${problems.map((p) => p.message).join('；')}`,
      problems,
    );
}

/** A series the actor may see, with its region; NOT_FOUND otherwise. */
export async function visibleSeries(db: Queryable, ctx: Pick<Ctx, 'actor'>, id: string) {
  const [row] = await db
    .select({ series: meetingSeries, regionName: regions.name })
    .from(meetingSeries)
    .innerJoin(regions, eq(regions.code, meetingSeries.regionCode))
    .where(eq(meetingSeries.id, id));
  if (!row || !seesRegionSettings(ctx.actor, row.series.regionPath))
    throw new AppError('NOT_FOUND', '会议序列不存在');
  return row;
}

/** 会议序列 of a region in the actor's jurisdiction (its own by default), with the presets. */
export async function listMeetingSeries(ctx: Ctx, regionCode: string | undefined) {
  authorize(ctx.actor, 'meeting.read');
  const region = await regionByCode(ctx.db, regionCode ?? ctx.actor.regionCode);
  if (!seesRegionSettings(ctx.actor, region.path)) throw new AppError('NOT_FOUND', '区域不存在');
  const [rows, calendar] = await Promise.all([
    ctx.db
      .select()
      .from(meetingSeries)
      .where(eq(meetingSeries.regionCode, region.code))
      .orderBy(asc(meetingSeries.name), asc(meetingSeries.code)),
    loadHolidayCalendar(ctx.db),
  ]);
  const today = chinaDate(ctx.clock.now());
  return {
    regionCode: region.code,
    canManage: mayManageMeetingsIn(ctx.actor, region.path),
    data: rows.map((row) => presentSeries(row, region.name, today, calendar)),
    presets: (Object.keys(meetingSeriesPresets) as (keyof typeof meetingSeriesPresets)[]).map((key) => ({
      key,
      name: presetNames[key],
      series: meetingSeriesPresets[key].map((s) => ({ code: s.code, name: s.name })),
    })),
  };
}

/**
 * Adds a series to a region, or the series of a preset (those whose code the region already has are
 * left alone). A weekly preset starts on the first of its weekdays from today.
 */
export async function createMeetingSeries(ctx: Ctx, input: CreateMeetingSeries) {
  authorize(ctx.actor, 'dispatch.manage');
  const region = await regionByCode(ctx.db, input.regionCode);
  if (!mayManageMeetingsIn(ctx.actor, region.path)) throw new AppError('FORBIDDEN', '只能维护本辖区的会议');
  const today = chinaDate(ctx.clock.now());
  const wanted =
    'preset' in input
      ? meetingSeriesPresets[input.preset].map((preset) => ({
          code: preset.code,
          name: preset.name,
          kind: preset.kind,
          chairTitle: preset.chairTitle,
          chairUserId: null,
          cadence:
            preset.cadence.kind === 'weekly'
              ? { ...preset.cadence, anchorOn: firstWeekdayFrom(today, preset.cadence.weekday) }
              : preset.cadence,
          ladderLevel: null,
          attendeeOrganisationIds: [],
        }))
      : [
          {
            code: input.code,
            name: input.name,
            kind: input.kind,
            chairTitle: input.chairTitle,
            chairUserId: input.chairUserId ?? null,
            cadence: input.cadence,
            ladderLevel: input.ladderLevel ?? null,
            attendeeOrganisationIds: input.attendeeOrganisationIds ?? [],
          },
        ];
  for (const series of wanted) assertCadence(series.cadence);
  await ctx.db.transaction(async (tx) => {
    let added = 0;
    for (const series of wanted) {
      const [row] = await tx
        .insert(meetingSeries)
        .values({
          ...series,
          regionCode: region.code,
          regionPath: region.path,
          createdAt: ctx.clock.now(),
          updatedAt: ctx.clock.now(),
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      added += 1;
      await recordAudit(tx, ctx, {
        action: 'meetingSeries.create',
        entityType: 'meeting_series',
        entityId: row.id,
        regionPath: region.path,
        detail: { code: row.code, name: row.name, cadence: row.cadence },
      });
    }
    if (added === 0 && !('preset' in input))
      throw new AppError('CONFLICT', `本辖区已有代码为“${input.code}”的会议`, [
        { path: 'code', message: '代码已存在' },
      ]);
  });
  return listMeetingSeries(ctx, region.code);
}

/** The first date on or after `from` that is ISO weekday `weekday` (1 = Monday). */
function firstWeekdayFrom(from: string, weekday: number): string {
  const day = new Date(`${from}T00:00:00Z`);
  const iso = ((day.getUTCDay() + 6) % 7) + 1;
  day.setUTCDate(day.getUTCDate() + ((weekday - iso + 7) % 7));
  return day.toISOString().slice(0, 10);
}

/** Changes a series (its version given); the office of its region only. */
export async function updateMeetingSeries(ctx: Ctx, id: string, input: UpdateMeetingSeries) {
  authorize(ctx.actor, 'dispatch.manage');
  const { series, regionName } = await visibleSeries(ctx.db, ctx, id);
  if (!mayManageMeetingsIn(ctx.actor, series.regionPath))
    throw new AppError('FORBIDDEN', '只能维护本辖区的会议');
  assertCadence(input.cadence);
  const saved = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: meetingSeries,
      where: and(eq(meetingSeries.id, id)),
      version: input.version,
      conflict: '会议序列已被他人修改，请刷新后重试',
      set: {
        name: input.name,
        kind: input.kind,
        chairTitle: input.chairTitle,
        chairUserId: input.chairUserId ?? null,
        cadence: input.cadence,
        ladderLevel: input.ladderLevel ?? null,
        attendeeOrganisationIds: input.attendeeOrganisationIds ?? series.attendeeOrganisationIds,
        active: input.active,
        updatedAt: ctx.clock.now(),
      },
      audit: (row) => ({
        action: 'meetingSeries.update',
        entityType: 'meeting_series',
        entityId: row.id,
        regionPath: row.regionPath,
        changes: {
          cadence: { before: series.cadence, after: row.cadence },
          active: { before: series.active, after: row.active },
          ladderLevel: { before: series.ladderLevel, after: row.ladderLevel },
        },
      }),
    }),
  );
  return presentSeries(saved, regionName, chinaDate(ctx.clock.now()), await loadHolidayCalendar(ctx.db));
}
