import { randomUUID } from 'node:crypto';
import type { AddApprovalItem, GenerateApprovals } from '@tuijin/contracts';
import { AppError, approvalRouteNames, authorize, procedureApplies } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { approvalItems, approvalProcedures } from '../../db/schema';
import { isOfficeOver } from '../../lib/project-scope';
import { recordAudit } from '../audit';
import {
  type ApprovalProject,
  checklistRows,
  getProjectApprovals,
  projectForApprovals,
} from './approvals.queries';
import { assertDepartment, effectiveCatalogue } from './catalogue';

async function projectRunByOffice(ctx: Ctx, projectId: string): Promise<ApprovalProject> {
  authorize(ctx.actor, 'approval.manage');
  const project = await projectForApprovals(ctx.db, ctx.actor, projectId);
  if (!isOfficeOver(ctx.actor, project.regionPath))
    throw new AppError('FORBIDDEN', '只有项目所在辖区的重点办可以维护手续清单');
  return project;
}

/**
 * A checklist item copied from a catalogue procedure (then the project's own): its department,
 * limits and flags, and only the dependencies whose codes are on the project's list.
 */
export function itemFromProcedure(
  procedure: typeof approvalProcedures.$inferSelect,
  projectId: string,
  listedCodes: ReadonlySet<string>,
  sortOrder: number,
): typeof approvalItems.$inferInsert {
  return {
    projectId,
    procedureId: procedure.id,
    code: procedure.code,
    name: procedure.name,
    departmentId: procedure.departmentId,
    statutoryDays: procedure.statutoryDays,
    committedDays: procedure.committedDays,
    dependsOn: procedure.dependsOn.filter((code) => listedCodes.has(code)),
    requiredBeforeStart: procedure.requiredBeforeStart,
    deemedApproval: procedure.deemedApproval,
    sortOrder,
  };
}

/**
 * 生成手续清单: the active procedures of the catalogue that applies in the project's region, filtered
 * by the 立项 route chosen and the project's domain, copied onto the project (each then its own:
 * limits, department and dependencies may change per project). Refused when the project has a list.
 */
export async function generateProjectApprovals(ctx: Ctx, projectId: string, input: GenerateApprovals) {
  const project = await projectRunByOffice(ctx, projectId);
  if ((await checklistRows(ctx.db, projectId)).length > 0)
    throw new AppError('CONFLICT', '该项目已有手续清单，请逐项添加或标为不需办理');
  const catalogue = await effectiveCatalogue(ctx.db, project.regionPath);
  if (catalogue.procedures.length === 0)
    throw new AppError('VALIDATION_FAILED', '本辖区尚无前期手续目录，请先在“手续目录”中载入标准目录', [
      { path: 'route', message: '尚无手续目录' },
    ]);
  const chosen = catalogue.procedures.filter(
    (p) =>
      p.active &&
      procedureApplies({ routes: p.routes as never[], domains: p.domains }, input.route, project.domain),
  );
  const codes = new Set(chosen.map((p) => p.code));
  await ctx.db.transaction(async (tx) => {
    for (const p of chosen)
      await tx.insert(approvalItems).values({
        ...itemFromProcedure(p, projectId, codes, p.sortOrder),
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      });
    await recordAudit(tx, ctx, {
      action: 'approval.generate',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      detail: {
        route: approvalRouteNames[input.route],
        catalogue: catalogue.regionCode,
        items: chosen.map((p) => p.name),
      },
    });
  });
  return getProjectApprovals(ctx.db, ctx.actor, projectId, ctx.clock.now());
}

/** Adds one procedure to a project's list: from the catalogue, or one of the project's own. */
export async function addProjectApproval(ctx: Ctx, projectId: string, input: AddApprovalItem) {
  const project = await projectRunByOffice(ctx, projectId);
  const existing = await checklistRows(ctx.db, projectId);
  let values: typeof approvalItems.$inferInsert;
  const sortOrder = existing.reduce((max, item) => Math.max(max, item.sortOrder), 0) + 10;
  if (input.procedureId) {
    const catalogue = await effectiveCatalogue(ctx.db, project.regionPath);
    const [procedure] = await ctx.db
      .select()
      .from(approvalProcedures)
      .where(eq(approvalProcedures.id, input.procedureId));
    if (!procedure || procedure.regionPath !== catalogue.regionPath)
      throw new AppError('VALIDATION_FAILED', '所选手续不在本项目适用的目录中', [
        { path: 'procedureId', message: '不在适用的目录中' },
      ]);
    values = itemFromProcedure(procedure, projectId, new Set(existing.map((item) => item.code)), sortOrder);
  } else {
    const committedDays = input.committedDays ?? 10;
    if (input.departmentId) await assertDepartment(ctx.db, input.departmentId, project.regionPath);
    const unknown = (input.dependsOn ?? []).filter((code) => !existing.some((item) => item.code === code));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', `前置手续“${unknown.join('、')}”不在本项目清单中`, [
        { path: 'dependsOn', message: '不在本项目清单中' },
      ]);
    values = {
      projectId,
      procedureId: null,
      code: `custom-${randomUUID().slice(0, 8)}`,
      name: input.name!,
      departmentId: input.departmentId ?? null,
      statutoryDays: input.statutoryDays ?? committedDays,
      committedDays,
      dependsOn: input.dependsOn ?? [],
      requiredBeforeStart: input.requiredBeforeStart ?? false,
      sortOrder,
    };
  }
  if (existing.some((item) => item.code === values.code || item.name === values.name))
    throw new AppError('CONFLICT', `清单中已有“${values.name}”`, [
      { path: 'procedureId', message: '清单中已有' },
    ]);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(approvalItems)
      .values({ ...values, createdAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
      .returning({ id: approvalItems.id });
    await recordAudit(tx, ctx, {
      action: 'approval.add',
      entityType: 'approvalItem',
      entityId: row!.id,
      regionPath: project.regionPath,
      detail: { projectId, name: values.name, committedDays: values.committedDays },
    });
  });
  return getProjectApprovals(ctx.db, ctx.actor, projectId, ctx.clock.now());
}
