import type { EditAgenda, MeetingDetail, RecordAttendance, ScheduleMeeting } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  buildAgenda,
  chinaDate,
  meetingTransitions,
  nextMeetingOn,
  transitionMeeting,
} from '@tuijin/domain';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  meetingAgendaItems,
  meetingAttendees,
  meetingSeries,
  meetings,
  organisations,
} from '../../db/schema';
import { regionByCode } from '../../lib/region-lookup';
import { recordAudit, updateVersioned } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { agendaCandidates } from './agenda-candidates';
import { mayManageMeetingsIn, meetingScope } from './dispatch-scope';
import { sheetsOfMeeting } from './dispatch-sheets';
import { visibleSeries } from './meeting-series';
import { tasksOfMeeting } from './tasks';

type MeetingRow = typeof meetings.$inferSelect;

const stale = '会议已被他人修改，请刷新后重试';

function presentMeeting(row: MeetingRow, seriesName: string | null) {
  return {
    id: row.id,
    seriesId: row.seriesId,
    seriesName,
    regionCode: row.regionCode,
    title: row.title,
    heldOn: row.heldOn,
    place: row.place,
    chairName: row.chairName,
    status: row.status,
    ladderLevel: row.ladderLevel,
    version: row.version,
  };
}

/** A meeting the actor may see; NOT_FOUND otherwise (existence never leaks). */
export async function visibleMeeting(db: Queryable, ctx: Pick<Ctx, 'actor'>, id: string) {
  const [row] = await db
    .select({ meeting: meetings, seriesName: meetingSeries.name })
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId))
    .where(and(eq(meetings.id, id), meetingScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '会议不存在');
  return row;
}

async function managedMeeting(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'dispatch.manage');
  const row = await visibleMeeting(ctx.db, ctx, id);
  if (!mayManageMeetingsIn(ctx.actor, row.meeting.regionPath))
    throw new AppError('FORBIDDEN', '只有会议所在辖区的重点办可以安排会议');
  return row;
}

/**
 * 会议详情: attendance, the agenda — built afresh from the records for a planned meeting (with the
 * office's edits), as stored once held — each item's minutes, and the tasks it decided.
 */
export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingDetail> {
  authorize(ctx.actor, 'meeting.read');
  const { meeting, seriesName } = await visibleMeeting(ctx.db, ctx, id);
  const attendees = await ctx.db
    .select({ attendee: meetingAttendees, organisationName: organisations.name })
    .from(meetingAttendees)
    .leftJoin(organisations, eq(organisations.id, meetingAttendees.organisationId))
    .where(eq(meetingAttendees.meetingId, id))
    .orderBy(asc(meetingAttendees.personName), asc(meetingAttendees.id));
  let agenda: MeetingDetail['agenda'];
  let dropped: MeetingDetail['dropped'] = [];
  if (meeting.status === 'planned') {
    const candidates = await agendaCandidates(ctx, meeting);
    const built = buildAgenda(candidates, { ...meeting.agendaEdits, dropped: [] });
    const droppedKeys = new Set(meeting.agendaEdits.dropped);
    agenda = built
      .filter((item) => !droppedKeys.has(item.key))
      .map((item) => ({ ...item, id: null, minutes: '' }));
    dropped = built.filter((item) => droppedKeys.has(item.key)).map(({ key, title }) => ({ key, title }));
  } else {
    const stored = await ctx.db
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, id))
      .orderBy(asc(meetingAgendaItems.position));
    agenda = stored.map((item) => ({
      id: item.id,
      key: item.key,
      source: item.source,
      sourceId: item.sourceId,
      projectId: item.projectId,
      title: item.title,
      daysOverdue: item.daysOverdue,
      minutes: item.minutes,
    }));
  }
  return {
    ...presentMeeting(meeting, seriesName),
    canManage: mayManageMeetingsIn(ctx.actor, meeting.regionPath),
    attendees: attendees.map(({ attendee, organisationName }) => ({
      organisationId: attendee.organisationId,
      organisationName,
      personName: attendee.personName,
      status: attendee.status,
      delegateName: attendee.delegateName,
    })),
    agenda,
    dropped,
    tasks: await tasksOfMeeting(ctx, id),
    sheets: await sheetsOfMeeting(ctx, id),
  };
}

/** 会议列表 of the actor's jurisdiction, newest first. */
export async function listMeetings(
  ctx: Ctx,
  query: { page: number; pageSize: number; seriesId?: string; from?: string; to?: string },
) {
  authorize(ctx.actor, 'meeting.read');
  const where: SQL[] = [meetingScope(ctx.actor)];
  if (query.seriesId) where.push(eq(meetings.seriesId, query.seriesId));
  if (query.from) where.push(gte(meetings.heldOn, query.from));
  if (query.to) where.push(lte(meetings.heldOn, query.to));
  const [total] = await ctx.db
    .select({ n: count() })
    .from(meetings)
    .where(and(...where));
  const rows = await ctx.db
    .select({ meeting: meetings, seriesName: meetingSeries.name })
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId))
    .where(and(...where))
    .orderBy(desc(meetings.heldOn), asc(meetings.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    data: rows.map((r) => presentMeeting(r.meeting, r.seriesName)),
    page: { total: total?.n ?? 0, page: query.page, pageSize: query.pageSize },
  };
}

/**
 * 安排会议: the next sitting of a series (on the date given, or the cadence's next one from today), or
 * a meeting on its own (专题会) in a region. One sitting of a series per date.
 */
export async function scheduleMeeting(ctx: Ctx, input: ScheduleMeeting): Promise<MeetingDetail> {
  authorize(ctx.actor, 'dispatch.manage');
  const today = chinaDate(ctx.clock.now());
  let values: typeof meetings.$inferInsert;
  if ('seriesId' in input) {
    const { series } = await visibleSeries(ctx.db, ctx, input.seriesId);
    if (!mayManageMeetingsIn(ctx.actor, series.regionPath))
      throw new AppError('FORBIDDEN', '只有会议所在辖区的重点办可以安排会议');
    if (!series.active)
      throw new AppError('VALIDATION_FAILED', `“${series.name}”已停用`, [
        { path: 'seriesId', message: '已停用' },
      ]);
    const heldOn = input.heldOn ?? nextMeetingOn(series.cadence, today, await loadHolidayCalendar(ctx.db));
    if (!heldOn)
      throw new AppError('VALIDATION_FAILED', `“${series.name}”没有固定会期，请填写会议日期`, [
        { path: 'heldOn', message: '请填写会议日期' },
      ]);
    const [same] = await ctx.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.seriesId, series.id), eq(meetings.heldOn, heldOn)));
    if (same)
      throw new AppError('CONFLICT', `${heldOn} 的“${series.name}”已安排`, [
        { path: 'heldOn', message: '当天已安排' },
      ]);
    values = {
      seriesId: series.id,
      regionCode: series.regionCode,
      regionPath: series.regionPath,
      title: series.name,
      kind: series.kind,
      heldOn,
      ladderLevel: series.ladderLevel,
      chairUserId: input.chairUserId === undefined ? series.chairUserId : input.chairUserId,
      chairOrganisationId: input.chairOrganisationId ?? null,
    };
  } else {
    const region = await regionByCode(ctx.db, input.regionCode);
    if (!mayManageMeetingsIn(ctx.actor, region.path))
      throw new AppError('FORBIDDEN', '只有会议所在辖区的重点办可以安排会议');
    values = {
      regionCode: region.code,
      regionPath: region.path,
      title: input.title,
      kind: input.kind ?? 'special',
      heldOn: input.heldOn,
      chairUserId: input.chairUserId ?? null,
      chairOrganisationId: input.chairOrganisationId ?? null,
    };
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({
        ...values,
        place: input.place ?? '',
        chairName: input.chairName ?? '',
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'meeting.schedule',
      entityType: 'meeting',
      entityId: row!.id,
      regionPath: row!.regionPath,
      detail: { title: row!.title, heldOn: row!.heldOn },
    });
    return row!.id;
  });
  return getMeeting(ctx, id);
}

/** 调整议程 of a planned meeting: items dropped (restorable), typed-in items, the order. */
export async function editMeetingAgenda(ctx: Ctx, id: string, input: EditAgenda): Promise<MeetingDetail> {
  const { meeting } = await managedMeeting(ctx, id);
  transitionMeeting(meeting.status, 'editAgenda');
  const repeated = input.added.map((a) => a.key).filter((key, i, all) => all.indexOf(key) !== i);
  if (repeated.length > 0)
    throw new AppError('VALIDATION_FAILED', '新增议题的编号重复', [{ path: 'added', message: '编号重复' }]);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: meetings,
      where: and(eq(meetings.id, id), inArray(meetings.status, meetingTransitions.editAgenda.from)),
      version: input.version,
      conflict: stale,
      set: {
        agendaEdits: { dropped: input.dropped, added: input.added, order: input.order },
        updatedAt: ctx.clock.now(),
      },
      audit: (row) => ({
        action: 'meeting.agenda',
        entityType: 'meeting',
        entityId: row.id,
        regionPath: row.regionPath,
        changes: { agenda: { before: meeting.agendaEdits, after: row.agendaEdits } },
      }),
    }),
  );
  return getMeeting(ctx, id);
}

/** 参会情况: replaces the attendance list (present / excused / delegated with the delegate's name). */
export async function recordMeetingAttendance(
  ctx: Ctx,
  id: string,
  input: RecordAttendance,
): Promise<MeetingDetail> {
  await managedMeeting(ctx, id);
  for (const [index, a] of input.attendees.entries())
    if (a.status === 'delegated' && !a.delegateName)
      throw new AppError('VALIDATION_FAILED', `${a.personName} 委托参会，请填写受托人`, [
        { path: `attendees.${index}.delegateName`, message: '请填写受托人' },
      ]);
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: meetings,
      where: eq(meetings.id, id),
      version: input.version,
      conflict: stale,
      set: { updatedAt: ctx.clock.now() },
      audit: (row) => ({
        action: 'meeting.attendance',
        entityType: 'meeting',
        entityId: row.id,
        regionPath: row.regionPath,
        detail: {
          present: input.attendees.filter((a) => a.status === 'present').length,
          excused: input.attendees.filter((a) => a.status === 'excused').length,
          delegated: input.attendees.filter((a) => a.status === 'delegated').length,
        },
      }),
    });
    await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, id));
    if (input.attendees.length > 0)
      await tx.insert(meetingAttendees).values(
        input.attendees.map((a) => ({
          meetingId: id,
          organisationId: a.organisationId,
          personName: a.personName,
          status: a.status,
          delegateName: a.status === 'delegated' ? (a.delegateName ?? null) : null,
        })),
      );
  });
  return getMeeting(ctx, id);
}

/** 会议召开: the agenda as built now is fixed (stored with positions); minutes and decisions follow. */
export async function holdMeeting(ctx: Ctx, id: string, version: number): Promise<MeetingDetail> {
  const { meeting } = await managedMeeting(ctx, id);
  const held = transitionMeeting(meeting.status, 'hold');
  const candidates = await agendaCandidates(ctx, meeting);
  const agenda = buildAgenda(candidates, meeting.agendaEdits);
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: meetings,
      where: and(eq(meetings.id, id), inArray(meetings.status, meetingTransitions.hold.from)),
      version,
      conflict: stale,
      set: { status: held, heldAt: ctx.clock.now(), updatedAt: ctx.clock.now() },
      audit: (row) => ({
        action: 'meeting.hold',
        entityType: 'meeting',
        entityId: row.id,
        regionPath: row.regionPath,
        detail: { items: agenda.length },
      }),
    });
    if (agenda.length > 0)
      await tx.insert(meetingAgendaItems).values(
        agenda.map((item, position) => ({
          meetingId: id,
          position,
          key: item.key,
          source: item.source,
          sourceId: item.sourceId,
          projectId: item.projectId,
          title: item.title,
          daysOverdue: item.daysOverdue,
        })),
      );
  });
  return getMeeting(ctx, id);
}

/** 纪要 of one agenda item of a held meeting. */
export async function recordAgendaMinutes(ctx: Ctx, itemId: string, minutes: string): Promise<MeetingDetail> {
  const [item] = await ctx.db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.id, itemId));
  if (!item) throw new AppError('NOT_FOUND', '议题不存在');
  const { meeting } = await managedMeeting(ctx, item.meetingId);
  await ctx.db.transaction(async (tx) => {
    await tx.update(meetingAgendaItems).set({ minutes }).where(eq(meetingAgendaItems.id, itemId));
    await recordAudit(tx, ctx, {
      action: 'meeting.minutes',
      entityType: 'meeting_agenda_item',
      entityId: itemId,
      regionPath: meeting.regionPath,
      changes: { minutes: { before: item.minutes, after: minutes } },
    });
  });
  return getMeeting(ctx, item.meetingId);
}
