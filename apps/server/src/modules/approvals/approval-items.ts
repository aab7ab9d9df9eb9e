import type { MoveApprovalItem, SupplyApprovalMaterial, UpdateApprovalItem } from '@tuijin/contracts';
import {
  AppError,
  type ApprovalItemField,
  type ApprovalStatus,
  approvalAbilities,
  approvalStatusNames,
  assertApprovalTransition,
  chinaDate,
  defaultApprovalSettings,
  dependencyOrder,
  promiseDueOn,
} from '@tuijin/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { approvalItems, approvalMaterials } from '../../db/schema';
import { assertProjectFile } from '../../lib/project-scope';
import { updateVersioned } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { assertAgent } from './agents';
import { checklistRows, getApprovalItem, itemForActor, relationOf } from './approvals.queries';
import { assertDepartment } from './catalogue';

type ItemRow = typeof approvalItems.$inferSelect;

function assertNotFuture(on: string, today: string, path = 'on') {
  if (on > today)
    throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', [{ path, message: '不能晚于今天' }]);
}

const fieldNames: Record<ApprovalItemField, string> = {
  departmentId: '审批部门',
  committedDays: '承诺时限',
  requiredBeforeStart: '开工前必办',
  dependsOn: '前置手续',
  agentUserId: '帮办代办人',
  handlerName: '经办人',
  materialsReadyOn: '材料齐备日期',
  submittedOn: '申报日期',
  approvalNumber: '批复文号',
  note: '备注',
};

/**
 * Changes the fields of an item the reader may change (see domain `approvalAbilities`): a field
 * outside them is FORBIDDEN naming it. The agent must be a service officer of the jurisdiction.
 */
export async function updateApprovalItem(ctx: Ctx, id: string, input: UpdateApprovalItem) {
  const { item, project } = await itemForActor(ctx.db, ctx.actor, id);
  const abilities = approvalAbilities(
    ctx.actor,
    item.status as ApprovalStatus,
    relationOf(ctx.actor, item, project),
  );
  const { version, ...set } = input;
  const fields = Object.keys(set) as ApprovalItemField[];
  const refused = fields.filter((field) => !abilities.fields.includes(field));
  if (refused.length > 0)
    throw new AppError('FORBIDDEN', `无权修改：${refused.map((f) => fieldNames[f]).join('、')}`);
  const today = chinaDate(ctx.clock.now());
  if (set.materialsReadyOn) assertNotFuture(set.materialsReadyOn, today, 'materialsReadyOn');
  if (set.submittedOn) assertNotFuture(set.submittedOn, today, 'submittedOn');
  if (set.departmentId) await assertDepartment(ctx.db, set.departmentId, project.regionPath);
  if (set.agentUserId) await assertAgent(ctx.db, set.agentUserId, project.regionPath);
  if (set.dependsOn) {
    const items = await checklistRows(ctx.db, item.projectId);
    const unknown = set.dependsOn.filter((code) => code === item.code || !items.some((i) => i.code === code));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', `前置手续“${unknown.join('、')}”不在本项目清单中`, [
        { path: 'dependsOn', message: '不在本项目清单中' },
      ]);
    dependencyOrder(items.map((i) => (i.id === id ? { ...i, dependsOn: set.dependsOn! } : i)));
  }
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: approvalItems,
      where: eq(approvalItems.id, id),
      version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: (saved) => ({
        action: 'approval.update',
        entityType: 'approvalItem',
        entityId: id,
        regionPath: project.regionPath,
        changes: Object.fromEntries(
          fields.map((field) => [
            field,
            {
              before: item[field as keyof ItemRow] as unknown,
              after: saved[field as keyof ItemRow] as unknown,
            },
          ]),
        ),
        detail: { projectId: item.projectId, name: item.name },
      }),
      conflict: '该手续已被他人修改，请刷新后重试',
    }),
  );
  return getApprovalItem(ctx.db, ctx.actor, id, ctx.clock.now());
}

/** Moves needing a reason: a return, taking an item off the list, reopening an approval. */
const needsReason = (from: ApprovalStatus, to: ApprovalStatus) =>
  to === 'returned' || to === 'not_needed' || (from === 'approved' && to === 'accepted');

/**
 * One status move by someone allowed to make it, on a date not in the future and not before the
 * acceptance it follows. 容缺受理 lists the missing materials, each promised within its working days
 * of the acceptance (the jurisdiction's default when not given). 已批复 records the 文号; reopening an
 * approval clears its date. Audited with before and after.
 */
export async function moveApprovalItem(ctx: Ctx, id: string, input: MoveApprovalItem) {
  const { item, project } = await itemForActor(ctx.db, ctx.actor, id);
  const from = item.status as ApprovalStatus;
  if (item.version !== input.version) throw new AppError('CONFLICT', '该手续已被他人修改，请刷新后重试');
  assertApprovalTransition(from, input.to);
  const abilities = approvalAbilities(ctx.actor, from, relationOf(ctx.actor, item, project));
  if (!abilities.moves.includes(input.to))
    throw new AppError('FORBIDDEN', `无权将手续转为“${approvalStatusNames[input.to]}”`);
  const today = chinaDate(ctx.clock.now());
  assertNotFuture(input.on, today);
  const reason = input.reason?.trim() || null;
  if (needsReason(from, input.to) && !reason)
    throw new AppError('VALIDATION_FAILED', '请填写原因', [{ path: 'reason', message: '必填' }]);
  if ((input.to === 'approved' || input.to === 'returned') && item.acceptedOn && input.on < item.acceptedOn)
    throw new AppError('VALIDATION_FAILED', `日期不能早于受理日期 ${item.acceptedOn}`, [
      { path: 'on', message: `不能早于受理日期 ${item.acceptedOn}` },
    ]);
  const missing = input.missingMaterials ?? [];
  if (input.to === 'accepted_with_gaps' && missing.length === 0)
    throw new AppError('VALIDATION_FAILED', '容缺受理须列出缺少的材料', [
      { path: 'missingMaterials', message: '至少列出一项缺少的材料' },
    ]);
  if (input.to !== 'accepted_with_gaps' && missing.length > 0)
    throw new AppError('VALIDATION_FAILED', '只有容缺受理可以列出缺少的材料', [
      { path: 'missingMaterials', message: '仅容缺受理时填写' },
    ]);
  const set: Partial<typeof approvalItems.$inferInsert> = { status: input.to, updatedAt: ctx.clock.now() };
  if (input.to === 'accepted' && from === 'approved') set.approvedOn = null;
  else if (input.to === 'accepted' || input.to === 'accepted_with_gaps') {
    set.acceptedOn = input.on;
    set.gapsClearedOn = null;
  }
  if (input.to === 'approved') {
    set.approvedOn = input.on;
    if (input.approvalNumber?.trim()) set.approvalNumber = input.approvalNumber.trim();
  }
  if (input.to === 'returned') set.returnedOn = input.on;
  if (input.to === 'not_needed') set.notNeededReason = reason;
  if (from === 'not_needed') set.notNeededReason = null;
  const calendar = missing.length > 0 ? await loadHolidayCalendar(ctx.db) : null;
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: approvalItems,
      where: eq(approvalItems.id, id),
      version: input.version,
      set,
      audit: (saved) => ({
        action: 'approval.move',
        entityType: 'approvalItem',
        entityId: id,
        regionPath: project.regionPath,
        changes: {
          status: { before: from, after: input.to },
          ...Object.fromEntries(
            (['acceptedOn', 'approvedOn', 'returnedOn', 'approvalNumber'] as const)
              .filter((field) => item[field] !== saved[field])
              .map((field) => [field, { before: item[field], after: saved[field] }]),
          ),
        },
        detail: {
          projectId: item.projectId,
          name: item.name,
          on: input.on,
          ...(reason ? { reason } : {}),
          ...(missing.length > 0 ? { missingMaterials: missing.map((m) => m.name) } : {}),
        },
      }),
      conflict: '该手续已被他人修改，请刷新后重试',
    });
    for (const material of missing) {
      const promisedDays = material.promisedDays ?? defaultApprovalSettings.promiseDays;
      await tx.insert(approvalMaterials).values({
        itemId: id,
        name: material.name,
        promisedDays,
        promisedOn: promiseDueOn(input.on, promisedDays, calendar!),
        createdAt: ctx.clock.now(),
      });
    }
  });
  return getApprovalItem(ctx.db, ctx.actor, id, ctx.clock.now());
}

/**
 * Records one 容缺 material as supplied (owner, agent or office), optionally with the uploaded
 * project file. When it was the last one missing, the item leaves 容缺受理 for 已受理 and the
 * conversion clock starts on the supply date.
 */
export async function supplyApprovalMaterial(
  ctx: Ctx,
  id: string,
  materialId: string,
  input: SupplyApprovalMaterial,
) {
  const { item, project } = await itemForActor(ctx.db, ctx.actor, id);
  const abilities = approvalAbilities(
    ctx.actor,
    item.status as ApprovalStatus,
    relationOf(ctx.actor, item, project),
  );
  if (!abilities.canSupply) throw new AppError('FORBIDDEN', '无权登记补齐材料');
  if (item.version !== input.version) throw new AppError('CONFLICT', '该手续已被他人修改，请刷新后重试');
  const [material] = await ctx.db
    .select()
    .from(approvalMaterials)
    .where(and(eq(approvalMaterials.id, materialId), eq(approvalMaterials.itemId, id)));
  if (!material) throw new AppError('NOT_FOUND', '容缺材料不存在');
  if (material.suppliedOn)
    throw new AppError('CONFLICT', `“${material.name}”已于 ${material.suppliedOn} 补齐`);
  const today = chinaDate(ctx.clock.now());
  assertNotFuture(input.on, today);
  if (item.acceptedOn && input.on < item.acceptedOn)
    throw new AppError('VALIDATION_FAILED', `补齐日期不能早于受理日期 ${item.acceptedOn}`, [
      { path: 'on', message: `不能早于受理日期 ${item.acceptedOn}` },
    ]);
  if (input.fileId) await assertProjectFile(ctx.db, input.fileId, item.projectId, '所附文件');
  await ctx.db.transaction(async (tx) => {
    const supplied = await tx
      .update(approvalMaterials)
      .set({ suppliedOn: input.on, fileId: input.fileId ?? null, note: input.note?.trim() || null })
      .where(and(eq(approvalMaterials.id, materialId), isNull(approvalMaterials.suppliedOn)))
      .returning({ id: approvalMaterials.id });
    if (supplied.length === 0) throw new AppError('CONFLICT', `“${material.name}”已补齐`);
    const stillMissing = await tx
      .select({ id: approvalMaterials.id })
      .from(approvalMaterials)
      .where(and(eq(approvalMaterials.itemId, id), isNull(approvalMaterials.suppliedOn)));
    const cleared = stillMissing.length === 0 && item.status === 'accepted_with_gaps';
    await updateVersioned(tx, ctx, {
      table: approvalItems,
      where: eq(approvalItems.id, id),
      version: input.version,
      set: cleared
        ? { status: 'accepted', gapsClearedOn: input.on, updatedAt: ctx.clock.now() }
        : { updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'approval.material.supply',
        entityType: 'approvalItem',
        entityId: id,
        regionPath: project.regionPath,
        changes: cleared ? { status: { before: item.status, after: 'accepted' } } : null,
        detail: {
          projectId: item.projectId,
          name: item.name,
          material: material.name,
          promisedOn: material.promisedOn,
          on: input.on,
          late: input.on > material.promisedOn,
          ...(input.fileId ? { fileId: input.fileId } : {}),
          ...(cleared ? { gapsCleared: true } : {}),
        },
      }),
      conflict: '该手续已被他人修改，请刷新后重试',
    });
  });
  return getApprovalItem(ctx.db, ctx.actor, id, ctx.clock.now());
}
