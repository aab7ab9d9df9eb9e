import type { CreateMeasure, MoveMeasure, UpdateMeasure } from '@tuijin/contracts';
import { AppError, assertMeasureMove, chinaDate, type MeasureStatus } from '@tuijin/domain';
import { count, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { servicePlanMeasures, servicePlans } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import {
  assertJurisdictionOrganisation,
  assertManagePlan,
  conflictMessage,
  getProjectServicePlan,
  loadMeasure,
  loadPlanProject,
  mayMoveMeasure,
} from './service-plans.queries';

const noPlan = () =>
  new AppError('VALIDATION_FAILED', '请先填写服务方案的目标和牵头单位，再添加措施', [
    { path: 'plan', message: '项目还没有服务方案' },
  ]);

/**
 * 新增措施: the office over the project or its responsible department adds a measure (未开始) given
 * to a unit of the project's jurisdiction, due on a date. Audited `servicePlan.measure.create`.
 */
export async function createMeasure(ctx: Ctx, projectId: string, input: CreateMeasure) {
  const project = await loadPlanProject(ctx.db, ctx.actor, projectId);
  assertManagePlan(ctx.actor, project);
  const [plan] = await ctx.db.select().from(servicePlans).where(eq(servicePlans.projectId, projectId));
  if (!plan) throw noPlan();
  await assertJurisdictionOrganisation(ctx.db, project, input.responsibleOrganisationId);
  await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ n: count() })
      .from(servicePlanMeasures)
      .where(eq(servicePlanMeasures.planId, plan.id));
    const [row] = await tx
      .insert(servicePlanMeasures)
      .values({ planId: plan.id, ...input, status: 'notStarted', sortOrder: ((last?.n ?? 0) + 1) * 10 })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'servicePlan.measure.create',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      changes: diffChanges(null, input),
      detail: { planId: plan.id, measureId: row!.id },
    });
  });
  return getProjectServicePlan(ctx, projectId);
}

/** 修改措施: its text, responsible unit and due date (status moves by `moveMeasure`). */
export async function updateMeasure(ctx: Ctx, id: string, input: UpdateMeasure) {
  const { measure, plan, project } = await loadMeasure(ctx, id);
  assertManagePlan(ctx.actor, project);
  if (input.responsibleOrganisationId !== measure.responsibleOrganisationId)
    await assertJurisdictionOrganisation(ctx.db, project, input.responsibleOrganisationId);
  const set = {
    content: input.content,
    responsibleOrganisationId: input.responsibleOrganisationId,
    dueOn: input.dueOn,
  };
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: servicePlanMeasures,
      where: eq(servicePlanMeasures.id, id),
      version: input.version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'servicePlan.measure.update',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: diffChanges(
          {
            content: measure.content,
            responsibleOrganisationId: measure.responsibleOrganisationId,
            dueOn: measure.dueOn,
          },
          set,
        ),
        detail: { planId: plan.id, measureId: id },
      }),
      conflict: conflictMessage,
    }),
  );
  return getProjectServicePlan(ctx, project.id);
}

/**
 * 措施状态: the responsible unit (or whoever keeps the plan) moves a measure by the domain's table;
 * 已完成 is dated (default today, never in the future) and may carry a note; leaving 已完成 clears
 * the date. Audited `servicePlan.measure.move`.
 */
export async function moveMeasure(ctx: Ctx, id: string, input: MoveMeasure) {
  const { measure, plan, project } = await loadMeasure(ctx, id);
  if (!mayMoveMeasure(ctx.actor, project, measure))
    throw new AppError('FORBIDDEN', '只有措施的责任单位、重点办或项目责任部门可以变更措施状态');
  const from = measure.status as MeasureStatus;
  assertMeasureMove(from, input.status);
  const today = chinaDate(ctx.clock.now());
  const completedOn = input.status === 'done' ? (input.completedOn ?? today) : null;
  if (completedOn !== null && completedOn > today)
    throw new AppError('VALIDATION_FAILED', '完成日期不能晚于今天', [
      { path: 'completedOn', message: '完成日期不能晚于今天' },
    ]);
  const note = input.status === 'done' || input.status === 'cancelled' ? input.note : null;
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: servicePlanMeasures,
      where: eq(servicePlanMeasures.id, id),
      version: input.version,
      set: {
        status: input.status,
        completedOn,
        completionNote: note,
        statusChangedAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      },
      audit: () => ({
        action: 'servicePlan.measure.move',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: { status: { before: from, after: input.status } },
        detail: { planId: plan.id, measureId: id, completedOn, note },
      }),
      conflict: conflictMessage,
    }),
  );
  return getProjectServicePlan(ctx, project.id);
}
