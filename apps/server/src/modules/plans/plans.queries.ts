import type { AnnualPlanQuery } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import { type Actor, AppError, authorize, type PlanFields } from '@tuijin/domain';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql, sum } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { annualPlanAdjustments, annualPlans, projects, regions } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { getProject } from '../projects';
import { loadRegion } from '../regions';

export type PlanRow = typeof annualPlans.$inferSelect;
export type AdjustmentRow = typeof annualPlanAdjustments.$inferSelect;

/** The project fields plan rules need (scope and policy). */
const projectColumns = {
  projectName: projects.name,
  projectCode: projects.code,
  regionPath: projects.regionPath,
  ownerOrganisationId: projects.ownerOrganisationId,
  responsibleDepartmentId: projects.responsibleDepartmentId,
  sector: projects.sector,
  leaderUserId: projects.leaderUserId,
  serviceOfficerUserId: projects.serviceOfficerUserId,
};

const amountOrNull = (value: string | null) => (value === null ? null : normaliseDecimal(value));

/** A plan row's live fields in the shape the domain rules read, amounts normalised. */
export function planFieldsOf(row: PlanRow): PlanFields {
  return {
    plannedInvestmentWanYuan: normaliseDecimal(row.plannedInvestmentWanYuan),
    priorCompletedWanYuan: amountOrNull(row.priorCompletedWanYuan),
    plansStart: row.plansStart,
    startMonth: row.startMonth,
    plansCompletion: row.plansCompletion,
    completionMonth: row.completionMonth,
    plansOperation: row.plansOperation,
    operationMonth: row.operationMonth,
    goals: row.goals,
    splitKind: row.splitKind,
    splitWanYuan: row.splitWanYuan ? row.splitWanYuan.map(normaliseDecimal) : null,
  };
}

/** Adjustments of the given plans, newest first: plan id → rows. */
async function adjustmentsOf(db: Queryable, planIds: string[]) {
  const map = new Map<string, AdjustmentRow[]>();
  if (planIds.length === 0) return map;
  const rows = await db
    .select()
    .from(annualPlanAdjustments)
    .where(inArray(annualPlanAdjustments.planId, planIds))
    .orderBy(desc(annualPlanAdjustments.id));
  for (const row of rows) map.set(row.planId, [...(map.get(row.planId) ?? []), row]);
  return map;
}

/**
 * One project's plans, every year (newest first), with their adjustments — for anyone who may see
 * the project (else NOT_FOUND).
 */
export async function listProjectPlans(db: Queryable, actor: Actor, projectId: string) {
  const project = await getProject(db, actor, projectId);
  const plans = await db
    .select()
    .from(annualPlans)
    .where(eq(annualPlans.projectId, projectId))
    .orderBy(desc(annualPlans.year));
  const adjustments = await adjustmentsOf(
    db,
    plans.map((p) => p.id),
  );
  return { project, plans: plans.map((plan) => ({ plan, adjustments: adjustments.get(plan.id) ?? [] })) };
}

/** A plan and its project, if the actor may see the project; else NOT_FOUND. */
export async function getPlan(db: Queryable, actor: Actor, planId: string) {
  authorize(actor, 'project.read');
  const [row] = await db
    .select({ plan: annualPlans, project: projectColumns })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .where(and(eq(annualPlans.id, planId), projectScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** One plan with its adjustments (after a change, for the response). */
export async function getPlanWithAdjustments(db: Queryable, actor: Actor, planId: string) {
  const row = await getPlan(db, actor, planId);
  const adjustments = (await adjustmentsOf(db, [planId])).get(planId) ?? [];
  return { ...row, adjustments };
}

/** Plans of the given ids in the actor's scope and of the given year, with their projects. */
export async function plansInScope(db: Queryable, actor: Actor, year: number, ids: string[]) {
  return db
    .select({ plan: annualPlans, project: projectColumns })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .where(and(inArray(annualPlans.id, ids), eq(annualPlans.year, year), projectScope(actor)));
}

/** The WHERE clause of a year's plan list: the actor's project scope and every filter. */
async function planFilter(db: Queryable, actor: Actor, query: Omit<AnnualPlanQuery, 'page' | 'pageSize'>) {
  const filters: (SQL | undefined)[] = [projectScope(actor), eq(annualPlans.year, query.year)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(projects.name, pattern), ilike(projects.code, pattern)));
  }
  if (query.region) {
    const region = await loadRegion(db, query.region);
    filters.push(region ? inRegionSubtree(projects.regionPath, region.path) : sql`false`);
  }
  if (query.status) filters.push(eq(annualPlans.status, query.status));
  if (query.domain) filters.push(eq(projects.domain, query.domain));
  if (query.level) filters.push(sql`${query.level} = any(${projects.levels})`);
  return and(...filters);
}

const adjustmentCount = sql<number>`(select count(*)::int from ${annualPlanAdjustments} where ${annualPlanAdjustments.planId} = ${annualPlans.id})`;

const listSource = (db: Queryable) =>
  db
    .select({
      plan: annualPlans,
      project: projectColumns,
      stage: projects.stage,
      domain: projects.domain,
      levels: projects.levels,
      regionName: regions.name,
      adjustmentCount,
    })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode));

export type PlanListRow = Awaited<ReturnType<typeof listSource>>[number];

/**
 * A page of a year's plans in scope, plus totals over the whole filtered set (count, adjusted
 * planned investment, baseline of the frozen ones) — the same WHERE clause, so a total is the sum
 * over every row the caller may see.
 */
export async function findAnnualPlans(db: Queryable, actor: Actor, query: AnnualPlanQuery) {
  authorize(actor, 'project.read');
  const where = await planFilter(db, actor, query);
  const [totals] = await db
    .select({
      count: count(),
      planned: sum(annualPlans.plannedInvestmentWanYuan),
      baseline: sum(annualPlans.baselineInvestmentWanYuan),
    })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .where(where);
  const rows = await listSource(db)
    .where(where)
    .orderBy(asc(projects.regionPath), asc(projects.name), asc(annualPlans.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    rows,
    count: totals?.count ?? 0,
    plannedWanYuan: normaliseDecimal(totals?.planned ?? '0'),
    baselineWanYuan: normaliseDecimal(totals?.baseline ?? '0'),
  };
}

/** Every plan of the year in scope matching the filter, for the export (region, then name). */
export async function listAnnualPlansForExport(
  db: Queryable,
  actor: Actor,
  query: Omit<AnnualPlanQuery, 'page' | 'pageSize'>,
) {
  authorize(actor, 'project.read');
  const where = await planFilter(db, actor, query);
  return listSource(db)
    .where(where)
    .orderBy(asc(projects.regionPath), asc(projects.name), asc(annualPlans.id));
}
