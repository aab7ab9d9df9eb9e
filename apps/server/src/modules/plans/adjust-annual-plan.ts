import type { AdjustAnnualPlan } from '@tuijin/contracts';
import {
  AppError,
  assertPlanAdjustable,
  assertValidPlan,
  authorize,
  canApprovePlan,
  diffPlanFields,
} from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { annualPlanAdjustments, annualPlans } from '../../db/schema';
import { updateVersioned } from '../audit';
import { planFieldsFrom } from './plan-input';
import { getPlan, getPlanWithAdjustments, planFieldsOf } from './plans.queries';

/**
 * 年中调整 of a frozen plan (office, plan.approve, in its subtree): the live columns change, the
 * baseline does not, and an adjustment row records the reason, the approver and the changed fields
 * before/after, audited in the same transaction. A draft is INVALID_TRANSITION (edit it instead);
 * a blank reason or no change is VALIDATION_FAILED; a stale version CONFLICT.
 */
export async function adjustAnnualPlan(ctx: Ctx, planId: string, input: AdjustAnnualPlan) {
  const { plan, project } = await getPlan(ctx.db, ctx.actor, planId);
  authorize(ctx.actor, 'plan.approve');
  if (!canApprovePlan(ctx.actor, project)) throw new AppError('FORBIDDEN');
  const fields = planFieldsFrom(input);
  assertValidPlan(fields);
  const changes = diffPlanFields(planFieldsOf(plan), fields);
  assertPlanAdjustable(plan.status, input.reason, changes);
  if (plan.version !== input.version) throw new AppError('CONFLICT');
  const before = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.before]));
  const after = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.after]));
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: annualPlans,
      where: eq(annualPlans.id, planId),
      version: input.version,
      set: { ...fields, updatedAt: now },
      audit: () => ({
        action: 'plan.adjust',
        entityType: 'project',
        entityId: plan.projectId,
        regionPath: project.regionPath,
        changes,
        detail: { planId, year: plan.year, reason: input.reason },
      }),
    });
    await tx.insert(annualPlanAdjustments).values({
      planId,
      reason: input.reason,
      before,
      after,
      approvedBy: ctx.actor.userId,
      approvedByName: ctx.actor.displayName,
      at: now,
    });
  });
  return getPlanWithAdjustments(ctx.db, ctx.actor, planId);
}
