import type { MeasureCounts, ServicePlanList, ServicePlanListQuery, ServicePlanRow } from '@tuijin/contracts';
import {
  authorize,
  chinaDate,
  countMeasures,
  isMeasureOpen,
  isMeasureOverdue,
  type MeasureStatus,
} from '@tuijin/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projects, regions, servicePlanMeasures, servicePlans } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';
import { planProjectScope } from './service-plans.queries';

/** The sum of some plans' counts (the list's 合计 row). */
export function addCounts(rows: readonly { counts: MeasureCounts }[]): MeasureCounts {
  const total: MeasureCounts = { total: 0, notStarted: 0, inProgress: 0, done: 0, cancelled: 0, overdue: 0 };
  for (const { counts } of rows)
    for (const key of Object.keys(total) as (keyof MeasureCounts)[]) total[key] += counts[key];
  return total;
}

/**
 * 一项目一策清单: every plan on the projects of the region asked (default the actor's own) that the
 * actor may see (`planProjectScope`), with its measures counted by status and overdue on the
 * injected clock's today (`countMeasures`). Filters keep the plans having a measure of the unit, a
 * measure in the status, or an overdue measure; a plan's counts always cover all its measures, and
 * the totals are the sum over the rows returned.
 */
export async function listServicePlans(ctx: Ctx, query: ServicePlanListQuery): Promise<ServicePlanList> {
  authorize(ctx.actor, 'servicePlan.read');
  const { region } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const today = chinaDate(ctx.clock.now());
  const plans = await ctx.db
    .select({
      planId: servicePlans.id,
      projectId: projects.id,
      projectName: projects.name,
      regionName: regions.name,
      projectClass: projects.projectClass,
      // Null where a scope term meets a null column (no responsible department): not openable.
      projectOpen: sql<boolean>`coalesce((${projectScope(ctx.actor)}), false)`,
      summary: servicePlans.summary,
      lead: servicePlans.lead,
    })
    .from(servicePlans)
    .innerJoin(projects, eq(projects.id, servicePlans.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(inRegionSubtree(projects.regionPath, region.path), planProjectScope(ctx.actor)))
    .orderBy(asc(regions.sortOrder), asc(regions.code), asc(projects.name));
  const measures =
    plans.length === 0
      ? []
      : await ctx.db
          .select({
            planId: servicePlanMeasures.planId,
            status: servicePlanMeasures.status,
            dueOn: servicePlanMeasures.dueOn,
            responsibleOrganisationId: servicePlanMeasures.responsibleOrganisationId,
          })
          .from(servicePlanMeasures)
          .where(
            inArray(
              servicePlanMeasures.planId,
              plans.map((p) => p.planId),
            ),
          );
  const rows: ServicePlanRow[] = [];
  for (const plan of plans) {
    const own = measures
      .filter((m) => m.planId === plan.planId)
      .map((m) => ({ ...m, status: m.status as MeasureStatus }));
    if (query.organisationId && !own.some((m) => m.responsibleOrganisationId === query.organisationId))
      continue;
    if (query.status && !own.some((m) => m.status === query.status)) continue;
    if (query.overdueOnly && !own.some((m) => isMeasureOverdue(m, today))) continue;
    const open = own.filter((m) => isMeasureOpen(m.status)).map((m) => m.dueOn);
    open.sort();
    rows.push({ ...plan, counts: countMeasures(own, today), nextDueOn: open[0] ?? null });
  }
  return { asOf: today, rows, totals: addCounts(rows) };
}
