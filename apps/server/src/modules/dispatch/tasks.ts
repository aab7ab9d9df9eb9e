import type { DecideTask, DispatchTask, MoveTask } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  authorize,
  can,
  chinaDate,
  isOpenTask,
  isSystemActor,
  nextTaskStatus,
  type TaskStatus,
  taskActions,
  taskDueOn,
  taskTransitions,
  transitionMeeting,
} from '@tuijin/domain';
import { and, asc, count, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  dispatchSequences,
  dispatchTaskEvents,
  dispatchTasks,
  meetingAgendaItems,
  meetings,
  organisations,
  problems,
  projects,
} from '../../db/schema';
import { recordAudit, updateVersioned } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { mayManageMeetingsIn, taskScope } from './dispatch-scope';

type TaskRow = typeof dispatchTasks.$inferSelect;

const taskColumns = {
  task: dispatchTasks,
  organisationName: organisations.name,
  projectName: projects.name,
  meetingTitle: meetings.title,
};

const selectTasks = (db: Queryable) =>
  db
    .select(taskColumns)
    .from(dispatchTasks)
    .innerJoin(organisations, eq(organisations.id, dispatchTasks.organisationId))
    .leftJoin(projects, eq(projects.id, dispatchTasks.projectId))
    .leftJoin(meetings, eq(meetings.id, dispatchTasks.meetingId));

/** The moves an actor may make on a task now: its unit works it, the office verifies, sends back, cancels. */
export function taskActionsFor(
  actor: Actor,
  task: Pick<TaskRow, 'status' | 'organisationId' | 'regionPath'>,
) {
  const office = mayManageMeetingsIn(actor, task.regionPath);
  const unit =
    isSystemActor(actor) ||
    (can(actor, 'dispatchTask.handle') && actor.organisationId === task.organisationId);
  return taskActions.filter((action) => {
    if (!taskTransitions[action].from.includes(task.status)) return false;
    return action === 'start' || action === 'reportDone' ? unit || office : office;
  });
}

function presentTask(
  actor: Actor,
  row: { task: TaskRow; organisationName: string; projectName: string | null; meetingTitle: string | null },
  today: string,
): DispatchTask {
  const { task } = row;
  return {
    id: task.id,
    referenceNumber: task.referenceNumber,
    regionCode: task.regionCode,
    meetingId: task.meetingId,
    meetingTitle: row.meetingTitle,
    agendaItemId: task.agendaItemId,
    projectId: task.projectId,
    projectName: row.projectName,
    problemId: task.problemId,
    title: task.title,
    organisationId: task.organisationId,
    organisationName: row.organisationName,
    personName: task.personName,
    assignedOn: task.assignedOn,
    limitWorkingDays: task.limitWorkingDays,
    dueOn: task.dueOn,
    status: task.status,
    overdue: isOpenTask(task.status) && task.dueOn < today,
    reportNote: task.reportNote,
    reportedOn: task.reportedOn,
    verifiedOn: task.verifiedOn,
    sendBackReason: task.sendBackReason,
    actions: taskActionsFor(actor, task),
    version: task.version,
  };
}

/** The tasks a meeting decided, in the order decided (the reader sees those it may see). */
export async function tasksOfMeeting(ctx: Ctx, meetingId: string) {
  const today = chinaDate(ctx.clock.now());
  const rows = await selectTasks(ctx.db)
    .where(and(eq(dispatchTasks.meetingId, meetingId), taskScope(ctx.actor)))
    .orderBy(asc(dispatchTasks.referenceNumber));
  return rows.map((row) => presentTask(ctx.actor, row, today));
}

/** The region's next number of a kind in a year (tasks and sheets are numbered apart). */
export async function nextDispatchNumber(
  tx: Queryable,
  regionCode: string,
  kind: 'task' | 'sheet',
  year: number,
) {
  const [row] = await tx
    .insert(dispatchSequences)
    .values({ regionCode, kind, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [dispatchSequences.regionCode, dispatchSequences.kind, dispatchSequences.year],
      set: { lastNumber: sql`${dispatchSequences.lastNumber} + 1` },
    })
    .returning({ lastNumber: dispatchSequences.lastNumber });
  return row!.lastNumber;
}

/** JB-<region>-<year>-<four-digit sequence>: the region's next task number of the year. */
async function nextReferenceNumber(tx: Queryable, regionCode: string, year: number) {
  const n = await nextDispatchNumber(tx, regionCode, 'task', year);
  return `JB-${regionCode}-${year}-${String(n).padStart(4, '0')}`;
}

/**
 * 会议决定交办: a held meeting's decision becomes a task for a unit, due a number of working days from
 * the meeting, linked to the agenda item and, when it concerns one, its project or problem (an item
 * about a project or problem carries its link over).
 */
export async function decideTask(ctx: Ctx, meetingId: string, input: DecideTask) {
  authorize(ctx.actor, 'dispatch.manage');
  const [meeting] = await ctx.db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting || !mayManageMeetingsIn(ctx.actor, meeting.regionPath))
    throw new AppError('NOT_FOUND', '会议不存在');
  transitionMeeting(meeting.status, 'assignTask');
  let projectId = input.projectId ?? null;
  let problemId = input.problemId ?? null;
  if (input.agendaItemId) {
    const [item] = await ctx.db
      .select()
      .from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.id, input.agendaItemId), eq(meetingAgendaItems.meetingId, meetingId)));
    if (!item)
      throw new AppError('VALIDATION_FAILED', '议题不属于本次会议', [
        { path: 'agendaItemId', message: '议题不属于本次会议' },
      ]);
    projectId ??= item.projectId;
    if (item.source === 'problem') problemId ??= item.sourceId;
  }
  const [organisation] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation)
    throw new AppError('VALIDATION_FAILED', '责任单位不存在', [
      { path: 'organisationId', message: '责任单位不存在' },
    ]);
  if (projectId) {
    const [project] = await ctx.db
      .select({ path: projects.regionPath })
      .from(projects)
      .where(eq(projects.id, projectId));
    if (
      !project ||
      !(project.path === meeting.regionPath || project.path.startsWith(`${meeting.regionPath}.`))
    )
      throw new AppError('VALIDATION_FAILED', '项目不在会议所在辖区', [
        { path: 'projectId', message: '项目不在本辖区' },
      ]);
  }
  if (problemId) {
    const [problem] = await ctx.db
      .select({ path: problems.regionPath })
      .from(problems)
      .where(eq(problems.id, problemId));
    if (
      !problem ||
      !(problem.path === meeting.regionPath || problem.path.startsWith(`${meeting.regionPath}.`))
    )
      throw new AppError('VALIDATION_FAILED', '问题不在会议所在辖区', [
        { path: 'problemId', message: '问题不在本辖区' },
      ]);
  }
  const calendar = await loadHolidayCalendar(ctx.db);
  const dueOn = taskDueOn(meeting.heldOn, input.limitWorkingDays, calendar);
  await ctx.db.transaction(async (tx) => {
    const referenceNumber = await nextReferenceNumber(
      tx,
      meeting.regionCode,
      Number(meeting.heldOn.slice(0, 4)),
    );
    const [task] = await tx
      .insert(dispatchTasks)
      .values({
        referenceNumber,
        regionCode: meeting.regionCode,
        regionPath: meeting.regionPath,
        meetingId,
        agendaItemId: input.agendaItemId ?? null,
        projectId,
        problemId,
        title: input.title,
        organisationId: input.organisationId,
        personName: input.personName ?? '',
        assignedOn: meeting.heldOn,
        limitWorkingDays: input.limitWorkingDays,
        dueOn,
        status: 'assigned',
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    await tx.insert(dispatchTaskEvents).values({
      taskId: task!.id,
      action: 'assign',
      fromStatus: null,
      toStatus: 'assigned',
      note: input.title,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'dispatchTask.assign',
      entityType: 'dispatch_task',
      entityId: task!.id,
      regionPath: meeting.regionPath,
      detail: { referenceNumber, title: input.title, organisationId: input.organisationId, dueOn },
    });
  });
}

/** 交办事项 list: the actor's unit's (`mine`) or all it may see, by status and overdue, earliest due first. */
export async function listDispatchTasks(
  ctx: Ctx,
  query: {
    page: number;
    pageSize: number;
    view: 'mine' | 'all';
    status?: TaskStatus;
    overdue?: 'true' | 'false';
    meetingId?: string;
  },
) {
  authorize(ctx.actor, 'dispatch.read');
  const today = chinaDate(ctx.clock.now());
  const where: SQL[] = [taskScope(ctx.actor)];
  if (query.view === 'mine') where.push(eq(dispatchTasks.organisationId, ctx.actor.organisationId));
  if (query.status) where.push(eq(dispatchTasks.status, query.status));
  if (query.meetingId) where.push(eq(dispatchTasks.meetingId, query.meetingId));
  const open = sql`${dispatchTasks.status} in ('assigned', 'in_progress', 'sent_back')`;
  if (query.overdue === 'true') where.push(and(open, lt(dispatchTasks.dueOn, today))!);
  if (query.overdue === 'false') where.push(sql`not (${open} and ${dispatchTasks.dueOn} < ${today})`);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(dispatchTasks)
    .where(and(...where));
  const rows = await selectTasks(ctx.db)
    .where(and(...where))
    .orderBy(asc(dispatchTasks.dueOn), asc(dispatchTasks.referenceNumber))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    data: rows.map((row) => presentTask(ctx.actor, row, today)),
    page: { total: total?.n ?? 0, page: query.page, pageSize: query.pageSize },
  };
}

/** One task the actor may see, with its history; NOT_FOUND otherwise. */
export async function getDispatchTask(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'dispatch.read');
  const [row] = await selectTasks(ctx.db).where(and(eq(dispatchTasks.id, id), taskScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '交办事项不存在');
  const events = await ctx.db
    .select()
    .from(dispatchTaskEvents)
    .where(eq(dispatchTaskEvents.taskId, id))
    .orderBy(asc(dispatchTaskEvents.at), asc(dispatchTaskEvents.id));
  return {
    ...presentTask(ctx.actor, row, chinaDate(ctx.clock.now())),
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
  };
}

/**
 * 办理: a move along the task's lifecycle by who may make it (see `taskActionsFor`). Reporting done
 * needs what was done; sending back needs the reason.
 */
export async function moveDispatchTask(ctx: Ctx, id: string, input: MoveTask) {
  authorize(ctx.actor, 'dispatch.read');
  const [row] = await selectTasks(ctx.db).where(and(eq(dispatchTasks.id, id), taskScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '交办事项不存在');
  const { task } = row;
  const to = nextTaskStatus(task.status, input.action);
  if (!taskActionsFor(ctx.actor, task).includes(input.action))
    throw new AppError('FORBIDDEN', '无权进行此操作');
  const note = input.note?.trim() ?? '';
  if (
    (input.action === 'reportDone' || input.action === 'sendBack' || input.action === 'cancel') &&
    note === ''
  )
    throw new AppError(
      'VALIDATION_FAILED',
      input.action === 'reportDone'
        ? '请填写办理情况'
        : input.action === 'sendBack'
          ? '请填写退回原因'
          : '请填写撤销原因',
      [{ path: 'note', message: '必填' }],
    );
  const today = chinaDate(ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: dispatchTasks,
      where: and(eq(dispatchTasks.id, id), eq(dispatchTasks.status, task.status)),
      version: input.version,
      conflict: '交办事项已被他人办理，请刷新后重试',
      set: {
        status: to,
        ...(input.action === 'reportDone' ? { reportNote: note, reportedOn: today } : {}),
        ...(input.action === 'verify' ? { verifiedOn: today } : {}),
        ...(input.action === 'sendBack' ? { sendBackReason: note } : {}),
        updatedAt: ctx.clock.now(),
      },
      audit: (saved) => ({
        action: 'dispatchTask.move',
        entityType: 'dispatch_task',
        entityId: saved.id,
        regionPath: saved.regionPath,
        changes: { status: { before: task.status, after: saved.status } },
        detail: { action: input.action, note: note || null },
      }),
    });
    await tx.insert(dispatchTaskEvents).values({
      taskId: id,
      action: input.action,
      fromStatus: task.status,
      toStatus: to,
      note: note || null,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: ctx.clock.now(),
    });
  });
  return getDispatchTask(ctx, id);
}
