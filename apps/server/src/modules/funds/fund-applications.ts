import {
  type CreateFundApplication,
  type MoveFundApplication,
  normaliseDecimal,
  type UpdateFundApplication,
} from '@tuijin/contracts';
import {
  AppError,
  assertFundApplicationMove,
  chinaDate,
  type FundApplicationStage,
  fundApplicationStageDate,
} from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { fundApplications } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import {
  assertManage,
  conflictMessage,
  loadApplication,
  loadFundProject,
  presentApplication,
} from './funds.queries';

const dateInFuture = (path: string) =>
  new AppError('VALIDATION_FAILED', '日期不能晚于今天', [{ path, message: '日期不能晚于今天' }]);

/** 新增资金申报: an office over the project records an application (谋划储备). Audited `fund.application.create`. */
export async function createFundApplication(ctx: Ctx, projectId: string, input: CreateFundApplication) {
  const project = await loadFundProject(ctx.db, ctx.actor, projectId);
  assertManage(ctx.actor, project);
  const today = chinaDate(ctx.clock.now());
  const plannedOn = input.plannedOn ?? today;
  if (plannedOn > today) throw dateInFuture('plannedOn');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fundApplications)
      .values({
        projectId,
        kind: input.kind,
        year: input.year,
        requestedWanYuan: input.requestedWanYuan,
        stage: 'planned',
        plannedOn,
        note: input.note,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'fund.application.create',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      detail: {
        applicationId: row!.id,
        kind: input.kind,
        year: input.year,
        requestedWanYuan: input.requestedWanYuan,
      },
    });
    return presentApplication(row!, true);
  });
}

/** 修改资金申报: kind, year, amount and note (the stage moves by `moveFundApplication`). */
export async function updateFundApplication(ctx: Ctx, id: string, input: UpdateFundApplication) {
  const { application, project } = await loadApplication(ctx, id);
  assertManage(ctx.actor, project);
  const set = {
    kind: input.kind,
    year: input.year,
    requestedWanYuan: input.requestedWanYuan,
    note: input.note,
  };
  const row = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: fundApplications,
      where: eq(fundApplications.id, id),
      version: input.version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'fund.application.update',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: diffChanges(
          {
            kind: application.kind,
            year: application.year,
            requestedWanYuan: normaliseDecimal(application.requestedWanYuan),
            note: application.note,
          },
          set,
        ),
        detail: { applicationId: id },
      }),
      conflict: conflictMessage,
    }),
  );
  return presentApplication(row, true);
}

/**
 * 申报进度: moves an application along the pipeline by the domain's table (省级审核, 报送国家发改委,
 * 批复, 未通过, back to 谋划储备), stamping the stage's date. Audited `fund.application.move`.
 */
export async function moveFundApplication(ctx: Ctx, id: string, input: MoveFundApplication) {
  const { application, project } = await loadApplication(ctx, id);
  assertManage(ctx.actor, project);
  const from = application.stage as FundApplicationStage;
  assertFundApplicationMove(from, input.stage);
  const today = chinaDate(ctx.clock.now());
  const on = input.on ?? today;
  if (on > today) throw dateInFuture('on');
  const column = fundApplicationStageDate[input.stage];
  const row = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: fundApplications,
      where: eq(fundApplications.id, id),
      version: input.version,
      set: { stage: input.stage, [column]: on, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'fund.application.move',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: { stage: { before: from, after: input.stage } },
        detail: { applicationId: id, on },
      }),
      conflict: conflictMessage,
    }),
  );
  return presentApplication(row, true);
}

/** 删除资金申报 (kept as a soft-deleted row). Audited `fund.application.remove`. */
export async function removeFundApplication(ctx: Ctx, id: string, version: number) {
  const { application, project } = await loadApplication(ctx, id);
  assertManage(ctx.actor, project);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: fundApplications,
      where: eq(fundApplications.id, id),
      version,
      set: { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'fund.application.remove',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        detail: {
          applicationId: id,
          kind: application.kind,
          year: application.year,
          stage: application.stage,
        },
      }),
      conflict: conflictMessage,
    }),
  );
  return { ok: true as const };
}
