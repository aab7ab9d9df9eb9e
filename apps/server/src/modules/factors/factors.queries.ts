import { type FactorDemand, normaliseDecimal, type ProjectFactors } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  can,
  chinaDate,
  daysOverdue,
  type FactorDemandStatus,
  factorDemandMoves,
  isFactorDemandOverdue,
  isSystemActor,
  mayRaiseFactorProblem,
  quotaUnits,
} from '@tuijin/domain';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  factorDemands,
  factorQuotaAllocations,
  factorQuotas,
  organisations,
  problems,
  projects,
  regions,
} from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';
import { ancestorPaths, inRegionSubtree } from '../../lib/scope';
import { workersOnSiteByProject } from '../workforce';

export type FactorDemandRow = typeof factorDemands.$inferSelect;

/** The project a demand belongs to, as the rules read it. */
export interface FactorProject {
  id: string;
  name: string;
  regionCode: string;
  regionPath: string;
  ownerOrganisationId: string;
  actualStartOn: string | null;
}

const factorProjectColumns = {
  id: projects.id,
  name: projects.name,
  regionCode: projects.regionCode,
  regionPath: projects.regionPath,
  ownerOrganisationId: projects.ownerOrganisationId,
  actualStartOn: projects.actualStartOn,
};

/**
 * Who sees a demand: whoever sees its project (the one project-scope rule — offices over it,
 * departments of it, its owner, leader and officer), and the department responsible for the demand
 * (it must see what it is asked to guarantee).
 */
export function demandScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  return or(projectScope(actor), eq(factorDemands.responsibleOrganisationId, actor.organisationId))!;
}

/** The project if the actor may see it, else NOT_FOUND. */
export async function loadFactorProject(
  db: Queryable,
  actor: Actor,
  projectId: string,
): Promise<FactorProject> {
  const [project] = await db
    .select(factorProjectColumns)
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(actor)));
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  return project;
}

/** The key-project office over the project (`factor.manage`): keeps all of its demands. */
export const mayManageFactors = (actor: Actor, project: Pick<FactorProject, 'regionPath'>) =>
  can(actor, 'factor.manage') && isOfficeOver(actor, project.regionPath);

/** The project's owner unit: states what its project needs. */
const isOwnerOf = (actor: Actor, project: Pick<FactorProject, 'ownerOrganisationId'>) =>
  actor.roles.includes('owner') && actor.organisationId === project.ownerOrganisationId;

/** Who adds demands: the office over the project, and the project's owner unit. */
export const mayAddDemand = (actor: Actor, project: FactorProject) =>
  mayManageFactors(actor, project) || (can(actor, 'factor.read') && isOwnerOf(actor, project));

/**
 * Who edits a demand: the office over the project; the owner unit while it is still 待保障 (once
 * work on it started, its figures are the office's and the department's).
 */
export const mayEditDemand = (
  actor: Actor,
  project: FactorProject,
  demand: Pick<FactorDemandRow, 'status'>,
) =>
  mayManageFactors(actor, project) ||
  (can(actor, 'factor.read') && isOwnerOf(actor, project) && demand.status === 'pending');

/** Who moves a demand's status: the office over the project and the demand's responsible department. */
export const mayMoveDemand = (
  actor: Actor,
  project: FactorProject,
  demand: Pick<FactorDemandRow, 'responsibleOrganisationId'>,
) =>
  mayManageFactors(actor, project) ||
  (can(actor, 'factor.read') && actor.organisationId === demand.responsibleOrganisationId);

/** Who raises an unmet demand as a problem: whoever may move or edit it and may raise problems. */
export const mayRaiseDemand = (actor: Actor, project: FactorProject, demand: FactorDemandRow) =>
  can(actor, 'problem.raise') &&
  (mayMoveDemand(actor, project, demand) || isOwnerOf(actor, project) || mayManageFactors(actor, project));

export const conflictMessage = '要素需求已被他人修改，请刷新后重试';

/**
 * The units a demand may be given to: the active offices and departments of the project's
 * jurisdiction — those of its region, the regions above it (city departments) and below it.
 */
export function jurisdictionDepartments(db: Queryable, regionPath: string) {
  const above = ancestorPaths(regionPath);
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.isActive, true),
        inArray(organisations.kind, ['office', 'department']),
        or(
          inRegionSubtree(organisations.regionPath, regionPath),
          above.length > 0 ? inArray(organisations.regionPath, above) : undefined,
        ),
      ),
    )
    .orderBy(asc(organisations.regionPath), asc(organisations.kind), asc(organisations.name));
}

/** Refuses a responsible department outside the project's jurisdiction (VALIDATION_FAILED on the field). */
export async function assertJurisdictionDepartment(
  db: Queryable,
  regionPath: string,
  organisationId: string,
) {
  const allowed = await jurisdictionDepartments(db, regionPath);
  if (!allowed.some((o) => o.id === organisationId))
    throw new AppError('VALIDATION_FAILED', '责任部门不是项目所在辖区的部门', [
      { path: 'responsibleOrganisationId', message: '不是项目所在辖区的部门' },
    ]);
}

/** A demand row with what the wire shows beside it. */
export interface DemandListRow {
  demand: FactorDemandRow;
  project: FactorProject;
  regionName: string;
  organisationName: string;
  problemReference: string | null;
  problemStatus: string | null;
}

/** Demands the actor may see, with project, region, department and problem, under extra conditions. */
export async function selectDemands(
  db: Queryable,
  actor: Actor,
  where: SQL | undefined,
): Promise<DemandListRow[]> {
  const rows = await db
    .select({
      demand: factorDemands,
      project: factorProjectColumns,
      regionName: regions.name,
      organisationName: organisations.name,
      problemReference: problems.referenceNumber,
      problemStatus: problems.status,
    })
    .from(factorDemands)
    .innerJoin(projects, eq(projects.id, factorDemands.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(organisations, eq(organisations.id, factorDemands.responsibleOrganisationId))
    .leftJoin(problems, eq(problems.id, factorDemands.problemId))
    .where(and(demandScope(actor), where))
    .orderBy(asc(factorDemands.neededBy), asc(projects.name), asc(factorDemands.createdAt));
  return rows;
}

/** One demand as the wire carries it, with what the caller may do to it on `today`. */
/** 用工 demands' projects: the real-name roster's workers on site today (workforce's face). */
export async function labourOnSite(db: Queryable, rows: readonly DemandListRow[], today: string) {
  const ids = [...new Set(rows.filter((r) => r.demand.type === 'labour').map((r) => r.project.id))];
  return workersOnSiteByProject(db, ids, today);
}

export function presentDemand(
  row: DemandListRow,
  actor: Actor,
  today: string,
  rosterOnSite: ReadonlyMap<string, number> = new Map(),
): FactorDemand {
  const { demand, project } = row;
  const status = demand.status as FactorDemandStatus;
  const isOverdue = isFactorDemandOverdue({ status, neededBy: demand.neededBy }, today);
  const optional = (value: string | null) => (value === null ? null : normaliseDecimal(value));
  return {
    id: demand.id,
    projectId: project.id,
    projectName: project.name,
    regionName: row.regionName,
    type: demand.type,
    quantity: normaliseDecimal(demand.quantity),
    metQuantity: normaliseDecimal(demand.metQuantity),
    rosterOnSite: demand.type === 'labour' ? (rosterOnSite.get(project.id) ?? null) : null,
    unit: demand.unit,
    status,
    responsibleOrganisationId: demand.responsibleOrganisationId,
    responsibleOrganisationName: row.organisationName,
    neededBy: demand.neededBy,
    note: demand.note,
    landKind: demand.landKind,
    landQuotaStatus: demand.landQuotaStatus,
    landApprovalStage: demand.landApprovalStage,
    landDeliveryOn: demand.landDeliveryOn,
    coalTonnes: optional(demand.coalTonnes),
    financePurpose: demand.financePurpose,
    banksMatched: demand.banksMatched,
    disbursedWanYuan: optional(demand.disbursedWanYuan),
    utilityKind: demand.utilityKind,
    materialName: demand.materialName,
    metOn: demand.metOn,
    isOverdue,
    daysOverdue: isOverdue ? daysOverdue(demand.neededBy, today) : 0,
    problem:
      demand.problemId && row.problemReference
        ? { id: demand.problemId, referenceNumber: row.problemReference, status: row.problemStatus ?? '' }
        : null,
    nextStatuses: mayMoveDemand(actor, project, demand) ? [...factorDemandMoves[status]] : [],
    canEdit: mayEditDemand(actor, project, demand),
    canRaiseProblem:
      mayRaiseDemand(actor, project, demand) &&
      mayRaiseFactorProblem({ status, neededBy: demand.neededBy, problemId: demand.problemId }, today),
    version: demand.version,
  };
}

/** A demand the actor may see, with its project; else NOT_FOUND. */
export async function loadDemand(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<DemandListRow> {
  const [row] = await selectDemands(ctx.db, ctx.actor, eq(factorDemands.id, id));
  if (!row) throw new AppError('NOT_FOUND', '要素需求不存在或无权查看');
  return row;
}

/**
 * 项目要素保障: the project's demands (those the caller may see: all of them for whoever sees the
 * project), the quota allocated to it, and what the caller may do.
 */
export async function getProjectFactors(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  projectId: string,
): Promise<ProjectFactors> {
  const today = chinaDate(ctx.clock.now());
  const [project] = await ctx.db
    .select(factorProjectColumns)
    .from(projects)
    .where(
      and(
        eq(projects.id, projectId),
        or(
          projectScope(ctx.actor),
          sql`exists (select 1 from ${factorDemands} d where d.project_id = ${projects.id}
            and d.responsible_organisation_id = ${ctx.actor.organisationId})`,
        ),
      ),
    );
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  const demands = await selectDemands(ctx.db, ctx.actor, eq(factorDemands.projectId, projectId));
  const onSite = await labourOnSite(ctx.db, demands, today);
  const allocations = await ctx.db
    .select({ allocation: factorQuotaAllocations, quota: factorQuotas, regionName: regions.name })
    .from(factorQuotaAllocations)
    .innerJoin(factorQuotas, eq(factorQuotas.id, factorQuotaAllocations.quotaId))
    .innerJoin(regions, eq(regions.code, factorQuotas.regionCode))
    .where(and(eq(factorQuotaAllocations.projectId, projectId), isNull(factorQuotaAllocations.deletedAt)))
    .orderBy(asc(factorQuotaAllocations.allocatedOn), asc(factorQuotaAllocations.createdAt));
  const canAdd = mayAddDemand(ctx.actor, project);
  return {
    projectId,
    asOf: today,
    actualStartOn: project.actualStartOn,
    demands: demands.map((row) => presentDemand(row, ctx.actor, today, onSite)),
    quotaAllocations: allocations.map(({ allocation, quota, regionName }) => ({
      id: allocation.id,
      quotaId: quota.id,
      kind: quota.kind,
      year: quota.year,
      quotaRegionName: regionName,
      amount: normaliseDecimal(allocation.amount),
      unit: quotaUnits[quota.kind],
      allocatedOn: allocation.allocatedOn,
      note: allocation.note,
    })),
    organisations: canAdd ? await jurisdictionDepartments(ctx.db, project.regionPath) : [],
    canAdd,
  };
}
