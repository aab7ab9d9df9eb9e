import type { Measure, ProjectServicePlan } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  can,
  chinaDate,
  countMeasures,
  isMeasureOverdue,
  isSystemActor,
  type MeasureStatus,
  measureStatusMoves,
} from '@tuijin/domain';
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { organisations, projects, servicePlanMeasures, servicePlans } from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';
import { ancestorPaths, inRegionSubtree } from '../../lib/scope';

export type ServicePlanRow = typeof servicePlans.$inferSelect;
export type MeasureRow = typeof servicePlanMeasures.$inferSelect;

/** The project a service plan belongs to, as the rules read it. */
export interface PlanProject {
  id: string;
  name: string;
  regionPath: string;
  responsibleDepartmentId: string | null;
}

const planProjectColumns = {
  id: projects.id,
  name: projects.name,
  regionPath: projects.regionPath,
  responsibleDepartmentId: projects.responsibleDepartmentId,
};

/**
 * Who sees a project's service plan: whoever sees the project (the one project-scope rule), and the
 * unit responsible for one of its measures (it must see what it is asked to do).
 */
export function planProjectScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  return or(
    projectScope(actor),
    sql`exists (select 1 from ${servicePlanMeasures} m join ${servicePlans} p on p.id = m.plan_id
      where p.project_id = ${projects.id} and m.responsible_organisation_id = ${actor.organisationId})`,
  )!;
}

/** The project if the actor may see its plan, else NOT_FOUND. */
export async function loadPlanProject(db: Queryable, actor: Actor, projectId: string): Promise<PlanProject> {
  const [project] = await db
    .select(planProjectColumns)
    .from(projects)
    .where(and(eq(projects.id, projectId), planProjectScope(actor)));
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  return project;
}

/**
 * Who keeps a plan and its measures: the key-project office over the project's region
 * (`servicePlan.manage`) and the project's responsible department (责任部门).
 */
export const mayManagePlan = (actor: Actor, project: PlanProject) =>
  (can(actor, 'servicePlan.manage') && isOfficeOver(actor, project.regionPath)) ||
  (actor.roles.includes('department_staff') && actor.organisationId === project.responsibleDepartmentId);

/** Who moves a measure's status: those who keep the plan, and the measure's responsible unit. */
export const mayMoveMeasure = (
  actor: Actor,
  project: PlanProject,
  measure: Pick<MeasureRow, 'responsibleOrganisationId'>,
) =>
  mayManagePlan(actor, project) ||
  (can(actor, 'servicePlan.read') && actor.organisationId === measure.responsibleOrganisationId);

export function assertManagePlan(actor: Actor, project: PlanProject) {
  if (!mayManagePlan(actor, project))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办或项目责任部门可以编辑服务方案');
}

export const conflictMessage = '服务方案已被他人修改，请刷新后重试';

/**
 * The organisations a measure may be given to: the active units of the project's jurisdiction —
 * those of its region and the regions above it (city departments) and below it.
 */
export function jurisdictionOrganisations(db: Queryable, project: Pick<PlanProject, 'regionPath'>) {
  const above = ancestorPaths(project.regionPath);
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.isActive, true),
        or(
          inRegionSubtree(organisations.regionPath, project.regionPath),
          above.length > 0 ? inArray(organisations.regionPath, above) : undefined,
        ),
      ),
    )
    .orderBy(asc(organisations.regionPath), asc(organisations.kind), asc(organisations.name));
}

/** Refuses a responsible unit outside the project's jurisdiction (VALIDATION_FAILED on the field). */
export async function assertJurisdictionOrganisation(
  db: Queryable,
  project: PlanProject,
  organisationId: string,
) {
  const allowed = await jurisdictionOrganisations(db, project);
  if (!allowed.some((o) => o.id === organisationId))
    throw new AppError('VALIDATION_FAILED', '责任单位不是项目所在辖区的单位', [
      { path: 'responsibleOrganisationId', message: '不是项目所在辖区的单位' },
    ]);
}

/** 一项目一策 of a project: the plan (or null), its measures with overdue flags and moves, the units. */
export async function getProjectServicePlan(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  projectId: string,
): Promise<ProjectServicePlan> {
  const project = await loadPlanProject(ctx.db, ctx.actor, projectId);
  const today = chinaDate(ctx.clock.now());
  const manage = mayManagePlan(ctx.actor, project);
  const [plan] = await ctx.db.select().from(servicePlans).where(eq(servicePlans.projectId, projectId));
  const rows = plan
    ? await ctx.db
        .select({ measure: servicePlanMeasures, organisationName: organisations.name })
        .from(servicePlanMeasures)
        .innerJoin(organisations, eq(organisations.id, servicePlanMeasures.responsibleOrganisationId))
        .where(eq(servicePlanMeasures.planId, plan.id))
        .orderBy(asc(servicePlanMeasures.sortOrder), asc(servicePlanMeasures.createdAt))
    : [];
  const measures: Measure[] = rows.map(({ measure, organisationName }) => {
    const status = measure.status as MeasureStatus;
    return {
      id: measure.id,
      content: measure.content,
      responsibleOrganisationId: measure.responsibleOrganisationId,
      responsibleOrganisationName: organisationName,
      dueOn: measure.dueOn,
      status,
      completedOn: measure.completedOn,
      completionNote: measure.completionNote,
      isOverdue: isMeasureOverdue({ status, dueOn: measure.dueOn }, today),
      nextStatuses: mayMoveMeasure(ctx.actor, project, measure) ? [...measureStatusMoves[status]] : [],
      canEdit: manage,
      version: measure.version,
    };
  });
  return {
    projectId,
    plan: plan
      ? {
          id: plan.id,
          summary: plan.summary,
          lead: plan.lead,
          version: plan.version,
          counts: countMeasures(measures, today),
        }
      : null,
    measures,
    organisations: manage ? await jurisdictionOrganisations(ctx.db, project) : [],
    canManage: manage,
    asOf: today,
  };
}

/** A measure the actor may see, with its plan and project; else NOT_FOUND. */
export async function loadMeasure(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const [row] = await ctx.db
    .select({ measure: servicePlanMeasures, plan: servicePlans, project: planProjectColumns })
    .from(servicePlanMeasures)
    .innerJoin(servicePlans, eq(servicePlans.id, servicePlanMeasures.planId))
    .innerJoin(projects, eq(projects.id, servicePlans.projectId))
    .where(and(eq(servicePlanMeasures.id, id), planProjectScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '措施不存在或无权查看');
  return row;
}
