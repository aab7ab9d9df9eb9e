import type { FindingListQuery, Inspection, InspectionFinding, InspectionListQuery } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  can,
  chinaDate,
  type FindingStatus,
  type InspectionCategory,
  isFindingOverdue,
  isSystemActor,
  mayRaiseFindingProblem,
} from '@tuijin/domain';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { inspectionFindings, inspections, organisations, problems, projects, regions } from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';
import { regionByCode } from '../../lib/region-lookup';
import { inRegionSubtree } from '../../lib/scope';

export type FindingRow = typeof inspectionFindings.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;

/** The project an inspection is of, as the rules read it. */
export interface InspectedProject {
  id: string;
  name: string;
  regionCode: string;
  regionPath: string;
  ownerOrganisationId: string;
  latitude: number | null;
  longitude: number | null;
}

export const inspectedProjectColumns = {
  id: projects.id,
  name: projects.name,
  regionCode: projects.regionCode,
  regionPath: projects.regionPath,
  ownerOrganisationId: projects.ownerOrganisationId,
  latitude: projects.latitude,
  longitude: projects.longitude,
};

/**
 * Who sees an inspection or a finding (rows joined to their project): whoever sees the project (the
 * one project-scope rule: the office over its region, its department, its service officer, its owner,
 * the supervisor), and the unit that inspected it. Out of it, a record is NOT_FOUND.
 */
export function inspectionScope(
  actor: Actor,
  organisationColumn: typeof inspections.organisationId | typeof inspectionFindings.organisationId,
): SQL {
  if (isSystemActor(actor)) return sql`true`;
  return or(projectScope(actor), eq(organisationColumn, actor.organisationId))!;
}

/** A project the actor may inspect: `inspection.record` and the project in its scope; else NOT_FOUND/FORBIDDEN. */
export async function loadInspectableProject(db: Queryable, actor: Actor, projectId: string) {
  const [project] = await db
    .select(inspectedProjectColumns)
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(actor)));
  if (!project)
    throw new AppError('NOT_FOUND', '项目不存在或无权查看', [{ path: 'projectId', message: '项目不存在' }]);
  if (!can(actor, 'inspection.record')) throw new AppError('FORBIDDEN', '无权登记督查');
  return { ...project, latitude: numberOrNull(project.latitude), longitude: numberOrNull(project.longitude) };
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The inspecting unit reviews its findings: closes, returns, adds photos. */
export const mayReviewFinding = (actor: Actor, finding: Pick<FindingRow, 'organisationId'>) =>
  isSystemActor(actor) ||
  (can(actor, 'inspection.record') && actor.organisationId === finding.organisationId);

/** The project's owner unit replies to a finding. */
export const mayReplyFinding = (actor: Actor, project: Pick<InspectedProject, 'ownerOrganisationId'>) =>
  can(actor, 'inspection.reply') && actor.organisationId === project.ownerOrganisationId;

/** 转为问题 by hand: the inspecting unit or the office over the project, holding `problem.raise`. */
export const mayRaiseByHand = (actor: Actor, finding: Pick<FindingRow, 'organisationId' | 'regionPath'>) =>
  can(actor, 'problem.raise') &&
  (mayReviewFinding(actor, finding) || isOfficeOver(actor, finding.regionPath));

export const conflictMessage = '督查问题已被他人处理，请刷新后重试';

const findingColumns = {
  finding: inspectionFindings,
  project: inspectedProjectColumns,
  regionName: regions.name,
  organisationName: organisations.name,
  problemReference: problems.referenceNumber,
};

function findingRows(db: Queryable, where: SQL | undefined) {
  return db
    .select(findingColumns)
    .from(inspectionFindings)
    .innerJoin(projects, eq(projects.id, inspectionFindings.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(organisations, eq(organisations.id, inspectionFindings.organisationId))
    .leftJoin(problems, eq(problems.id, inspectionFindings.problemId))
    .where(where);
}
type JoinedFinding = Awaited<ReturnType<typeof findingRows>>[number];

/** A finding as the wire shows it, with what the reader may do with it now. */
export function presentFinding(actor: Actor, today: string, row: JoinedFinding): InspectionFinding {
  const f = row.finding;
  const status = f.status as FindingStatus;
  const awaiting = status === 'open' || status === 'returned';
  return {
    id: f.id,
    inspectionId: f.inspectionId,
    projectId: f.projectId,
    projectName: row.project.name,
    regionName: row.regionName,
    foundOn: f.foundOn,
    organisationName: row.organisationName,
    itemKey: f.itemKey,
    itemText: f.itemText,
    category: f.category as InspectionCategory,
    description: f.description,
    severity: f.severity,
    deadlineOn: f.deadlineOn,
    isDeadlineProvisional: f.isDeadlineProvisional,
    status,
    isOverdue: isFindingOverdue({ status, deadlineOn: f.deadlineOn }, today),
    replyText: f.replyText,
    repliedOn: f.repliedOn,
    repliedByName: f.repliedByName,
    returnReason: f.returnReason,
    returnCount: f.returnCount,
    closedOn: f.closedOn,
    closedByName: f.closedByName,
    closeNote: f.closeNote,
    problem:
      f.problemId && row.problemReference ? { id: f.problemId, referenceNumber: row.problemReference } : null,
    canReply: awaiting && mayReplyFinding(actor, row.project),
    canReview: status !== 'closed' && mayReviewFinding(actor, f),
    canRaiseProblem: mayRaiseFindingProblem({ status, problemId: f.problemId }) && mayRaiseByHand(actor, f),
    version: f.version,
  };
}

/** A finding the actor may see, with its project; else NOT_FOUND. */
export async function loadFinding(db: Queryable, actor: Actor, id: string) {
  const [row] = await findingRows(
    db,
    and(eq(inspectionFindings.id, id), inspectionScope(actor, inspectionFindings.organisationId)),
  );
  if (!row) throw new AppError('NOT_FOUND', '督查问题不存在或无权查看');
  return {
    ...row,
    project: {
      ...row.project,
      latitude: numberOrNull(row.project.latitude),
      longitude: numberOrNull(row.project.longitude),
    },
  };
}

async function regionPathOf(db: Queryable, code: string | undefined) {
  if (!code) return null;
  const region = await regionByCode(db, code);
  return region.path;
}

/** 督查问题清单: findings the actor may see, filtered, overdue first then newest. */
export async function listInspectionFindings(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  query: FindingListQuery,
) {
  const today = chinaDate(ctx.clock.now());
  const where: SQL[] = [inspectionScope(ctx.actor, inspectionFindings.organisationId)];
  const path = await regionPathOf(ctx.db, query.regionCode);
  if (path !== null) where.push(inRegionSubtree(inspectionFindings.regionPath, path));
  if (query.from) where.push(gte(inspectionFindings.foundOn, query.from));
  if (query.to) where.push(lte(inspectionFindings.foundOn, query.to));
  if (query.projectId) where.push(eq(inspectionFindings.projectId, query.projectId));
  if (query.status) where.push(eq(inspectionFindings.status, query.status));
  if (query.overdueOnly)
    where.push(
      and(
        inArray(inspectionFindings.status, ['open', 'returned']),
        lt(inspectionFindings.deadlineOn, today),
      )!,
    );
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 20);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(inspectionFindings)
    .innerJoin(projects, eq(projects.id, inspectionFindings.projectId))
    .where(and(...where));
  const rows = await findingRows(ctx.db, and(...where))
    .orderBy(
      sql`case when ${inspectionFindings.status} in ('open','returned') and ${inspectionFindings.deadlineOn} < ${today} then 0 when ${inspectionFindings.status} = 'closed' then 2 else 1 end`,
      desc(inspectionFindings.foundOn),
      asc(inspectionFindings.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    data: rows.map((row) => presentFinding(ctx.actor, today, row)),
    page: { total: total?.n ?? 0, page, pageSize },
    asOf: today,
  };
}

/** Inspections as the wire shows them, each with its findings. */
export async function presentInspections(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  rows: readonly {
    inspection: InspectionRow;
    projectName: string;
    regionName: string;
    organisationName: string;
  }[],
): Promise<Inspection[]> {
  const today = chinaDate(ctx.clock.now());
  const ids = rows.map((r) => r.inspection.id);
  const found =
    ids.length === 0
      ? []
      : await findingRows(ctx.db, inArray(inspectionFindings.inspectionId, ids)).orderBy(
          asc(inspectionFindings.createdAt),
          asc(inspectionFindings.id),
        );
  return rows.map(({ inspection, projectName, regionName, organisationName }) => ({
    id: inspection.id,
    projectId: inspection.projectId,
    projectName,
    regionName,
    inspectedOn: inspection.inspectedOn,
    organisationName,
    inspectorName: inspection.inspectorName,
    checklistName: inspection.checklistName,
    items: inspection.items.map((i) => ({ ...i, category: i.category as InspectionCategory })),
    note: inspection.note,
    siteContact: inspection.siteContact,
    findings: found
      .filter((f) => f.finding.inspectionId === inspection.id)
      .map((f) => presentFinding(ctx.actor, today, f)),
  }));
}

const inspectionColumns = {
  inspection: inspections,
  projectName: projects.name,
  regionName: regions.name,
  organisationName: organisations.name,
};

function inspectionRows(db: Queryable, where: SQL | undefined) {
  return db
    .select(inspectionColumns)
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(organisations, eq(organisations.id, inspections.organisationId))
    .where(where);
}

/** One inspection the actor may see; else NOT_FOUND. */
export async function getInspection(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  id: string,
): Promise<Inspection> {
  const rows = await inspectionRows(
    ctx.db,
    and(eq(inspections.id, id), inspectionScope(ctx.actor, inspections.organisationId)),
  );
  if (rows.length === 0) throw new AppError('NOT_FOUND', '督查记录不存在或无权查看');
  return (await presentInspections(ctx, rows))[0]!;
}

/** 督查记录: the inspections the actor may see, newest first. */
export async function listInspections(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, query: InspectionListQuery) {
  const where: SQL[] = [inspectionScope(ctx.actor, inspections.organisationId)];
  const path = await regionPathOf(ctx.db, query.regionCode);
  if (path !== null) where.push(inRegionSubtree(inspections.regionPath, path));
  if (query.from) where.push(gte(inspections.inspectedOn, query.from));
  if (query.to) where.push(lte(inspections.inspectedOn, query.to));
  if (query.projectId) where.push(eq(inspections.projectId, query.projectId));
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 20);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(inspections)
    .innerJoin(projects, eq(projects.id, inspections.projectId))
    .where(and(...where));
  const rows = await inspectionRows(ctx.db, and(...where))
    .orderBy(desc(inspections.inspectedOn), desc(inspections.createdAt), asc(inspections.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { data: await presentInspections(ctx, rows), page: { total: total?.n ?? 0, page, pageSize } };
}
