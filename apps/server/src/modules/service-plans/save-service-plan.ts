import type { SaveServicePlan } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { servicePlans } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import {
  assertManagePlan,
  conflictMessage,
  getProjectServicePlan,
  loadPlanProject,
} from './service-plans.queries';

/**
 * 建立/修改服务方案: the office over the project or its responsible department sets the plan's aim
 * and lead. A project has at most one plan: the first save (no version) creates it, a second
 * create is CONFLICT; later saves carry the version. Audited `servicePlan.save`.
 */
export async function saveServicePlan(ctx: Ctx, projectId: string, input: SaveServicePlan) {
  const project = await loadPlanProject(ctx.db, ctx.actor, projectId);
  assertManagePlan(ctx.actor, project);
  const [current] = await ctx.db.select().from(servicePlans).where(eq(servicePlans.projectId, projectId));
  const set = { summary: input.summary, lead: input.lead };
  await ctx.db.transaction(async (tx) => {
    if (!current) {
      if (input.version !== null) throw new AppError('CONFLICT', conflictMessage);
      const [row] = await tx
        .insert(servicePlans)
        .values({ projectId, ...set })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('CONFLICT', '该项目已有服务方案，请刷新后修改');
      await recordAudit(tx, ctx, {
        action: 'servicePlan.save',
        entityType: 'project',
        entityId: projectId,
        regionPath: project.regionPath,
        changes: diffChanges(null, set),
        detail: { planId: row.id, created: true },
      });
      return;
    }
    if (input.version === null) throw new AppError('CONFLICT', '该项目已有服务方案，请刷新后修改');
    await updateVersioned(tx, ctx, {
      table: servicePlans,
      where: eq(servicePlans.id, current.id),
      version: input.version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'servicePlan.save',
        entityType: 'project',
        entityId: projectId,
        regionPath: project.regionPath,
        changes: diffChanges({ summary: current.summary, lead: current.lead }, set),
        detail: { planId: current.id },
      }),
      conflict: conflictMessage,
    });
  });
  return getProjectServicePlan(ctx, projectId);
}
