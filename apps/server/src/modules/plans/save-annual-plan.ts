import type { SaveAnnualPlan } from '@tuijin/contracts';
import { AppError, assertPlanEditable, assertValidPlan, canEditPlan, diffPlanFields } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { annualPlans } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import { getProject } from '../projects';
import { planFieldsFrom } from './plan-input';
import { getPlanWithAdjustments, planFieldsOf } from './plans.queries';

/**
 * Creates (version null) or edits a project's draft plan for a year. An owner unit (plan.edit)
 * edits only its own projects' plans, an office (plan.edit) those in its subtree; others who see
 * the project are FORBIDDEN, and outside scope it is NOT_FOUND. A frozen plan is changed only by
 * adjustment (INVALID_TRANSITION); a second plan for the same year or a stale version is CONFLICT.
 */
export async function saveAnnualPlan(ctx: Ctx, projectId: string, year: number, input: SaveAnnualPlan) {
  const project = await getProject(ctx.db, ctx.actor, projectId);
  if (!canEditPlan(ctx.actor, project)) throw new AppError('FORBIDDEN', '没有编辑该项目年度计划的权限');
  const fields = planFieldsFrom(input);
  assertValidPlan(fields);
  const [existing] = await ctx.db
    .select()
    .from(annualPlans)
    .where(and(eq(annualPlans.projectId, projectId), eq(annualPlans.year, year)));
  const now = ctx.clock.now();
  const planId = await ctx.db.transaction(async (tx) => {
    if (input.version === null) {
      if (existing) throw new AppError('CONFLICT', `该项目 ${year} 年度计划已存在，请刷新后修改`);
      const [row] = await tx
        .insert(annualPlans)
        .values({ projectId, year, ...fields, createdAt: now, updatedAt: now })
        .returning({ id: annualPlans.id });
      await recordAudit(tx, ctx, {
        action: 'plan.create',
        entityType: 'project',
        entityId: projectId,
        regionPath: project.regionPath,
        changes: diffChanges(null, { ...fields }),
        detail: { planId: row!.id, year },
      });
      return row!.id;
    }
    if (!existing) throw new AppError('NOT_FOUND', `该项目没有 ${year} 年度计划`);
    assertPlanEditable(existing.status);
    const changes = diffPlanFields(planFieldsOf(existing), fields);
    await updateVersioned(tx, ctx, {
      table: annualPlans,
      where: eq(annualPlans.id, existing.id),
      version: input.version,
      set: { ...fields, updatedAt: now },
      audit: () => ({
        action: 'plan.update',
        entityType: 'project',
        entityId: projectId,
        regionPath: project.regionPath,
        changes,
        detail: { planId: existing.id, year },
      }),
    });
    return existing.id;
  });
  return getPlanWithAdjustments(ctx.db, ctx.actor, planId);
}
