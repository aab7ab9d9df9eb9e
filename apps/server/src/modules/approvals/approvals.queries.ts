import type { ApprovalItemQuery } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  type ApprovalStatus,
  addWorkingDays,
  approvalAbilities,
  approvalSchedule,
  approvalTiming,
  can,
  chinaDate,
  defaultApprovalSettings,
  type HolidayCalendar,
  isSystemActor,
  startBlockers,
} from '@tuijin/domain';
import { and, asc, between, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import {
  approvalDeemedNotices,
  approvalItems,
  approvalMaterials,
  organisations,
  projects,
  regions,
  users,
} from '../../db/schema';
import { projectFilterSql } from '../../lib/project-filters';
import {
  isOfficeOver,
  projectScope,
  type ScopedProject,
  scopedProject,
  scopedProjectColumns,
} from '../../lib/project-scope';
import { regionByCode } from '../../lib/region-lookup';
import { inRegionSubtree } from '../../lib/scope';
import { loadHolidayCalendar } from '../calendar';

export type ItemRow = typeof approvalItems.$inferSelect;
export type MaterialRow = typeof approvalMaterials.$inferSelect;
export type DeemedNoticeRow = typeof approvalDeemedNotices.$inferSelect;

export type ApprovalProject = ScopedProject;
const projectColumns = scopedProjectColumns;

/** A project the actor may open, for its approvals page; anything else is NOT_FOUND. */
export const projectForApprovals = scopedProject;

/**
 * Items the actor may read: those of every project it may open, plus — for a department — the items it
 * approves in its jurisdiction, and for an agent the items it carries.
 */
export function itemScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  const clauses: SQL[] = [projectScope(actor)];
  if (actor.roles.includes('department_staff'))
    clauses.push(
      and(
        eq(approvalItems.departmentId, actor.organisationId),
        inRegionSubtree(projects.regionPath, actor.regionPath),
      )!,
    );
  clauses.push(eq(approvalItems.agentUserId, actor.userId));
  return or(...clauses)!;
}

export function relationOf(
  actor: Actor,
  item: ItemRow,
  project: Pick<ApprovalProject, 'regionPath' | 'ownerOrganisationId'>,
) {
  return {
    isOffice: isOfficeOver(actor, project.regionPath),
    isApprovingDepartment:
      actor.roles.includes('department_staff') &&
      item.departmentId !== null &&
      item.departmentId === actor.organisationId,
    isAgent: item.agentUserId !== null && item.agentUserId === actor.userId,
    isOwner: actor.roles.includes('owner') && actor.organisationId === project.ownerOrganisationId,
  };
}

/** An item the actor may read, with its project; anything else is NOT_FOUND. */
export async function itemForActor(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ item: approvalItems, project: projectColumns })
    .from(approvalItems)
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .where(and(eq(approvalItems.id, id), itemScope(actor)));
  if (!row) throw new AppError('NOT_FOUND', '手续事项不存在');
  return row;
}

/** Names of departments and agents for a set of items. */
async function namesFor(db: Queryable, items: readonly ItemRow[]) {
  const departmentIds = [
    ...new Set(items.map((i) => i.departmentId).filter((id): id is string => id !== null)),
  ];
  const agentIds = [...new Set(items.map((i) => i.agentUserId).filter((id): id is string => id !== null))];
  const departments = departmentIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, departmentIds))
    : [];
  const agents = agentIds.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, agentIds))
    : [];
  return {
    department: new Map(departments.map((d) => [d.id, d.name])),
    agent: new Map(agents.map((a) => [a.id, a.name])),
  };
}

export async function materialsFor(db: Queryable, itemIds: readonly string[]) {
  const rows = itemIds.length
    ? await db
        .select()
        .from(approvalMaterials)
        .where(inArray(approvalMaterials.itemId, [...itemIds]))
        .orderBy(asc(approvalMaterials.promisedOn), asc(approvalMaterials.createdAt))
    : [];
  const byItem = new Map<string, MaterialRow[]>();
  for (const row of rows) byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), row]);
  return byItem;
}

/** The 超时默认 notices of a set of items, by item (at most one each). */
async function deemedNoticesFor(db: Queryable, itemIds: readonly string[]) {
  const rows = itemIds.length
    ? await db
        .select()
        .from(approvalDeemedNotices)
        .where(inArray(approvalDeemedNotices.itemId, [...itemIds]))
    : [];
  return new Map(rows.map((row) => [row.itemId, row]));
}

/** The presented item: its record, clock, materials and what this reader may do with it. */
export function presentItem(
  actor: Actor,
  item: ItemRow,
  project: Pick<ApprovalProject, 'regionPath' | 'ownerOrganisationId'>,
  context: {
    materials: readonly MaterialRow[];
    departmentName: string | null;
    agentName: string | null;
    today: string;
    calendar: HolidayCalendar;
    deemedNotice: DeemedNoticeRow | null;
  },
) {
  const open = context.materials.filter((m) => m.suppliedOn === null);
  const timing = approvalTiming(
    {
      status: item.status as ApprovalStatus,
      committedDays: item.committedDays,
      acceptedOn: item.acceptedOn,
      approvedOn: item.approvedOn,
      gapsClearedOn: item.gapsClearedOn,
      openPromises: open.map((m) => m.promisedOn),
    },
    context.today,
    context.calendar,
    defaultApprovalSettings.conversionDays,
  );
  const abilities = approvalAbilities(actor, item.status as ApprovalStatus, relationOf(actor, item, project));
  return {
    id: item.id,
    projectId: item.projectId,
    procedureId: item.procedureId,
    code: item.code,
    name: item.name,
    departmentId: item.departmentId,
    departmentName: context.departmentName,
    statutoryDays: item.statutoryDays,
    committedDays: item.committedDays,
    dependsOn: item.dependsOn,
    requiredBeforeStart: item.requiredBeforeStart,
    deemedApproval: item.deemedApproval,
    status: item.status as ApprovalStatus,
    notNeededReason: item.notNeededReason,
    materialsReadyOn: item.materialsReadyOn,
    submittedOn: item.submittedOn,
    acceptedOn: item.acceptedOn,
    approvedOn: item.approvedOn,
    returnedOn: item.returnedOn,
    gapsClearedOn: item.gapsClearedOn,
    approvalNumber: item.approvalNumber,
    handlerName: item.handlerName,
    agentUserId: item.agentUserId,
    agentName: context.agentName,
    note: item.note,
    materials: context.materials.map((m) => ({
      id: m.id,
      name: m.name,
      promisedDays: m.promisedDays,
      promisedOn: m.promisedOn,
      suppliedOn: m.suppliedOn,
      fileId: m.fileId,
      note: m.note,
      overdue: m.suppliedOn === null && context.today > m.promisedOn,
    })),
    timing,
    deemedNotice: context.deemedNotice
      ? {
          noticeNumber: context.deemedNotice.noticeNumber,
          deadlineOn: context.deemedNotice.deadlineOn,
          issuedOn: context.deemedNotice.issuedOn,
        }
      : null,
    allowedMoves: abilities.moves,
    editableFields: abilities.fields,
    canSupply: abilities.canSupply && open.length > 0,
    sortOrder: item.sortOrder,
    version: item.version,
  };
}

/** One item as the actor sees it (after a change). */
export async function getApprovalItem(db: Queryable, actor: Actor, id: string, now: Date) {
  const { item, project } = await itemForActor(db, actor, id);
  const [names, materials, calendar, notices] = await Promise.all([
    namesFor(db, [item]),
    materialsFor(db, [item.id]),
    loadHolidayCalendar(db),
    deemedNoticesFor(db, [item.id]),
  ]);
  return presentItem(actor, item, project, {
    materials: materials.get(item.id) ?? [],
    departmentName: item.departmentId ? (names.department.get(item.departmentId) ?? null) : null,
    agentName: item.agentUserId ? (names.agent.get(item.agentUserId) ?? null) : null,
    today: chinaDate(now),
    calendar,
    deemedNotice: notices.get(item.id) ?? null,
  });
}

/** The rows of a project's checklist in list order. */
export async function checklistRows(db: Queryable, projectId: string) {
  return db
    .select()
    .from(approvalItems)
    .where(eq(approvalItems.projectId, projectId))
    .orderBy(asc(approvalItems.sortOrder), asc(approvalItems.createdAt));
}

/**
 * What keeps a project from 新开工 (see domain `startBlockers`), read inside the caller's
 * transaction: the projects module asks this before a move to 新开工.
 */
export async function startBlockersOf(db: Queryable, projectId: string) {
  const items = await checklistRows(db, projectId);
  const materials = await materialsFor(
    db,
    items.map((i) => i.id),
  );
  return startBlockers(
    items.map((item) => ({
      id: item.id,
      name: item.name,
      status: item.status as ApprovalStatus,
      requiredBeforeStart: item.requiredBeforeStart,
      missingMaterials: (materials.get(item.id) ?? [])
        .filter((m) => m.suppliedOn === null)
        .map((m) => m.name),
    })),
  );
}

/**
 * 手续最早可开工: a project's earliest feasible start from its checklist (domain `approvalSchedule`:
 * parallel items, remaining committed days, dependencies) and the critical chain that sets it, each
 * link with its expected approval. Null without items required before start. The milestones module
 * bounds the 开工 node with it; the caller has checked the project is visible.
 */
export async function approvalEarliestStart(db: Queryable, projectId: string, now: Date) {
  const [items, calendar] = await Promise.all([checklistRows(db, projectId), loadHolidayCalendar(db)]);
  const schedule = approvalSchedule(
    items.map((item) => ({ ...item, status: item.status as ApprovalStatus })),
    chinaDate(now),
    calendar,
  );
  const byId = new Map(items.map((item) => [item.id, item]));
  const finish = new Map(schedule.items.map((s) => [s.id, s.finishOn]));
  return {
    earliestStartOn: schedule.earliestStartOn,
    criticalChain: schedule.criticalChain.map((id) => ({
      id,
      name: byId.get(id)?.name ?? '',
      finishOn: finish.get(id) ?? '',
    })),
  };
}

/** 前期手续 of one project: the checklist, the start gate and the parallel schedule. */
export async function getProjectApprovals(db: Queryable, actor: Actor, projectId: string, now: Date) {
  const project = await projectForApprovals(db, actor, projectId);
  const items = await checklistRows(db, projectId);
  const [names, materials, calendar, notices] = await Promise.all([
    namesFor(db, items),
    materialsFor(
      db,
      items.map((i) => i.id),
    ),
    loadHolidayCalendar(db),
    deemedNoticesFor(
      db,
      items.map((i) => i.id),
    ),
  ]);
  const today = chinaDate(now);
  const presented = items.map((item) =>
    presentItem(actor, item, project, {
      materials: materials.get(item.id) ?? [],
      departmentName: item.departmentId ? (names.department.get(item.departmentId) ?? null) : null,
      agentName: item.agentUserId ? (names.agent.get(item.agentUserId) ?? null) : null,
      today,
      calendar,
      deemedNotice: notices.get(item.id) ?? null,
    }),
  );
  const schedule = approvalSchedule(presented, today, calendar);
  const blockers = startBlockers(
    presented.map((item) => ({
      ...item,
      missingMaterials: item.materials.filter((m) => m.suppliedOn === null).map((m) => m.name),
    })),
  );
  return {
    projectId: project.id,
    projectName: project.name,
    today,
    canManage: isOfficeOver(actor, project.regionPath) && can(actor, 'approval.manage'),
    items: presented,
    blockers,
    schedule,
  };
}

/** The date that matters most for an open item now: a 容缺 promise, the conversion limit or its limit. */
function pressingDate(item: ReturnType<typeof presentItem>): string | null {
  const dates = [item.timing.nextPromiseOn, item.timing.conversionDueOn, item.timing.dueOn].filter(
    (d): d is string => d !== null,
  );
  return dates.sort()[0] ?? null;
}

/**
 * 手续事项: the items the actor carries as agent, approves as a department, or all in its scope; open
 * ones by default; sorted by the date that presses most (then by name). Colours depend on today, so
 * the filter and the sort run on the presented rows.
 */
export async function listApprovalItems(db: Queryable, actor: Actor, query: ApprovalItemQuery, now: Date) {
  const conditions: SQL[] = [itemScope(actor)];
  if (query.view === 'agent') conditions.push(eq(approvalItems.agentUserId, actor.userId));
  if (query.view === 'department') conditions.push(eq(approvalItems.departmentId, actor.organisationId));
  if (query.open) conditions.push(sql`${approvalItems.status} not in ('approved', 'not_needed')`);
  if (query.regionCode) {
    const region = await regionByCode(db, query.regionCode);
    conditions.push(
      query.regionSelf
        ? eq(projects.regionPath, region.path)
        : inRegionSubtree(projects.regionPath, region.path),
    );
  }
  if (query.departmentId)
    conditions.push(
      query.departmentId === 'none'
        ? isNull(approvalItems.departmentId)
        : eq(approvalItems.departmentId, query.departmentId),
    );
  if (query.gaps) conditions.push(eq(approvalItems.status, 'accepted_with_gaps'));
  if (query.approvedYear)
    conditions.push(
      eq(approvalItems.status, 'approved'),
      between(approvalItems.approvedOn, `${query.approvedYear}-01-01`, `${query.approvedYear}-12-31`),
    );
  conditions.push(projectFilterSql(query));
  const rows = await db
    .select({ item: approvalItems, project: projectColumns, regionName: regions.name })
    .from(approvalItems)
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(...conditions));
  const items = rows.map((r) => r.item);
  const [names, materials, calendar, notices] = await Promise.all([
    namesFor(db, items),
    materialsFor(
      db,
      items.map((i) => i.id),
    ),
    loadHolidayCalendar(db),
    deemedNoticesFor(
      db,
      items.map((i) => i.id),
    ),
  ]);
  const today = chinaDate(now);
  const presented = rows
    .map(({ item, project, regionName }) => {
      const shown = presentItem(actor, item, project, {
        materials: materials.get(item.id) ?? [],
        departmentName: item.departmentId ? (names.department.get(item.departmentId) ?? null) : null,
        agentName: item.agentUserId ? (names.agent.get(item.agentUserId) ?? null) : null,
        today,
        calendar,
        deemedNotice: notices.get(item.id) ?? null,
      });
      const { materials: itemMaterials, ...rest } = shown;
      return {
        ...rest,
        projectName: project.name,
        regionName,
        dueOn: pressingDate(shown),
        missingMaterials: itemMaterials.filter((m) => m.suppliedOn === null).length,
      };
    })
    .filter((row) => !query.colour || row.timing.colour === query.colour)
    .sort(
      (a, b) =>
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
        a.projectName.localeCompare(b.projectName, 'zh-CN') ||
        a.sortOrder - b.sortOrder,
    );
  const start = (query.page - 1) * query.pageSize;
  return {
    data: presented.slice(start, start + query.pageSize),
    page: { total: presented.length, page: query.page, pageSize: query.pageSize },
  };
}

/**
 * The items of a project that hold it up now (for the fishbone): red or overdue on their clock, or with a
 * 容缺 promise broken; each with one line saying why. The caller has checked the project is visible.
 */
export async function troubledApprovalItems(db: Queryable, projectId: string, now: Date) {
  const items = await checklistRows(db, projectId);
  const [materials, calendar] = await Promise.all([
    materialsFor(
      db,
      items.map((i) => i.id),
    ),
    loadHolidayCalendar(db),
  ]);
  const today = chinaDate(now);
  return items.flatMap((item) => {
    const open = (materials.get(item.id) ?? []).filter((m) => m.suppliedOn === null);
    const timing = approvalTiming(
      {
        status: item.status as ApprovalStatus,
        committedDays: item.committedDays,
        acceptedOn: item.acceptedOn,
        approvedOn: item.approvedOn,
        gapsClearedOn: item.gapsClearedOn,
        openPromises: open.map((m) => m.promisedOn),
      },
      today,
      calendar,
      defaultApprovalSettings.conversionDays,
    );
    if (timing.colour !== 'red' && timing.colour !== 'overdue') return [];
    const late = open.filter((m) => m.promisedOn < today).map((m) => m.name);
    const detail =
      late.length > 0
        ? `容缺材料逾期未补齐：${late.join('、')}`
        : timing.colour === 'overdue'
          ? `超过承诺时限（已用 ${timing.elapsedDays}/${item.committedDays} 个工作日）`
          : `临近承诺时限（已用 ${timing.elapsedDays}/${item.committedDays} 个工作日）`;
    return [{ id: item.id, name: item.name, detail, since: item.acceptedOn }];
  });
}

/**
 * For the warnings: per project, the approval items past their committed limit on `asOf` (accepted by
 * then, not approved by then, the limit's last working day before `asOf`).
 */
export async function overdueApprovalCounts(db: Queryable, projectIds: readonly string[], asOf: string) {
  const counts = new Map<string, number>();
  if (projectIds.length === 0) return counts;
  const rows = await db
    .select({
      projectId: approvalItems.projectId,
      acceptedOn: approvalItems.acceptedOn,
      committedDays: approvalItems.committedDays,
    })
    .from(approvalItems)
    .where(
      and(
        inArray(approvalItems.projectId, [...projectIds]),
        inArray(approvalItems.status, ['accepted', 'accepted_with_gaps', 'approved']),
        sql`${approvalItems.acceptedOn} <= ${asOf}`,
        sql`(${approvalItems.approvedOn} is null or ${approvalItems.approvedOn} > ${asOf})`,
      ),
    );
  if (rows.length === 0) return counts;
  const calendar = await loadHolidayCalendar(db);
  for (const row of rows)
    if (addWorkingDays(row.acceptedOn!, row.committedDays, calendar) < asOf)
      counts.set(row.projectId, (counts.get(row.projectId) ?? 0) + 1);
  return counts;
}
