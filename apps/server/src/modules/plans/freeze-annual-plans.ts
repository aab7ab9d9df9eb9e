import type { FreezeAnnualPlans } from '@tuijin/contracts';
import {
  AppError,
  assertPlanFreezable,
  authorize,
  baselineOf,
  canApprovePlan,
  type ErrorDetail,
} from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { annualPlans } from '../../db/schema';
import { recordAudit } from '../audit';
import { planFieldsOf, plansInScope } from './plans.queries';

/**
 * Freezes one or many draft plans of a year as the year's baseline (office, plan.approve), all in
 * one transaction: `baseline_*` are copied from the live columns and the plan becomes frozen. A
 * plan outside the office's subtree (or of another year) is NOT_FOUND; one already frozen is
 * INVALID_TRANSITION and a stale version CONFLICT, each naming the project — and nothing is frozen.
 */
export async function freezeAnnualPlans(ctx: Ctx, input: FreezeAnnualPlans) {
  authorize(ctx.actor, 'plan.approve');
  const ids = [...new Set(input.plans.map((p) => p.id))];
  const rows = await plansInScope(ctx.db, ctx.actor, input.year, ids);
  if (rows.length !== ids.length) throw new AppError('NOT_FOUND');
  const byId = new Map(rows.map((row) => [row.plan.id, row]));
  const stale: ErrorDetail[] = [];
  for (const { id, version } of input.plans) {
    const { plan, project } = byId.get(id)!;
    if (!canApprovePlan(ctx.actor, project)) throw new AppError('FORBIDDEN');
    try {
      assertPlanFreezable(plan.status);
    } catch (error) {
      throw new AppError('INVALID_TRANSITION', `“${project.projectName}”的计划已冻结，不能重复冻结`, [
        { path: id, message: (error as Error).message },
      ]);
    }
    if (plan.version !== version) stale.push({ path: id, message: `“${project.projectName}”已被他人修改` });
  }
  if (stale.length > 0) throw new AppError('CONFLICT', stale.map((s) => s.message).join('；'), stale);
  const now = ctx.clock.now();
  const frozen = await ctx.db.transaction(async (tx) => {
    // One statement copies every plan's live columns into its baseline; a row someone changed since
    // it was read comes back with another version (or not at all) and rolls the whole freeze back.
    const rows = await tx
      .update(annualPlans)
      .set({
        baselineInvestmentWanYuan: sql`${annualPlans.plannedInvestmentWanYuan}`,
        baselineSplitKind: sql`${annualPlans.splitKind}`,
        baselineSplitWanYuan: sql`case when ${annualPlans.splitKind} = 'none' then null else ${annualPlans.splitWanYuan} end`,
        baselinePlansStart: sql`${annualPlans.plansStart}`,
        baselinePlansCompletion: sql`${annualPlans.plansCompletion}`,
        baselinePlansOperation: sql`${annualPlans.plansOperation}`,
        status: 'frozen',
        frozenAt: now,
        frozenBy: ctx.actor.userId,
        frozenByName: ctx.actor.displayName,
        version: sql`${annualPlans.version} + 1`,
        updatedAt: now,
      })
      .where(and(inArray(annualPlans.id, ids), eq(annualPlans.status, 'draft')))
      .returning({ id: annualPlans.id, version: annualPlans.version });
    const versions = new Map(rows.map((row) => [row.id, row.version]));
    for (const id of ids) {
      const { plan, project } = byId.get(id)!;
      if (versions.get(id) !== plan.version + 1)
        throw new AppError('CONFLICT', `“${project.projectName}”已被他人修改`);
      await recordAudit(tx, ctx, {
        action: 'plan.freeze',
        entityType: 'project',
        entityId: plan.projectId,
        regionPath: project.regionPath,
        changes: { status: { before: 'draft', after: 'frozen' } },
        detail: { planId: id, year: plan.year, baseline: baselineOf(planFieldsOf(plan)) },
      });
    }
    return ids.map((id) => ({ id, version: versions.get(id)! }));
  });
  return { frozen: frozen.length, data: frozen };
}
