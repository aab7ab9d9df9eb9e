import type { CreateFactorDemand, MoveFactorDemand, UpdateFactorDemand } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import {
  AppError,
  assertFactorDemandMove,
  assertMetWithinDemand,
  chinaDate,
  type FactorDemandStatus,
  factorUnits,
} from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { factorDemands } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import {
  assertJurisdictionDepartment,
  conflictMessage,
  type FactorDemandRow,
  getProjectFactors,
  loadDemand,
  loadFactorProject,
  mayAddDemand,
  mayEditDemand,
  mayMoveDemand,
} from './factors.queries';

/**
 * The stored fields of a demand: the unit the type implies (utilities and materials name theirs),
 * and only the fields of its own type (a land demand keeps no bank, a finance demand no 交地日期).
 */
function demandFields(input: CreateFactorDemand) {
  const unit = factorUnits[input.type] ?? input.unit ?? '';
  assertMetWithinDemand(input.quantity, input.metQuantity, unit);
  const of = <T>(type: CreateFactorDemand['type'], value: T): T | null =>
    input.type === type ? value : null;
  return {
    type: input.type,
    quantity: input.quantity,
    metQuantity: input.metQuantity,
    unit,
    responsibleOrganisationId: input.responsibleOrganisationId,
    neededBy: input.neededBy,
    note: input.note,
    landKind: of('land', input.landKind),
    landQuotaStatus: of('land', input.landQuotaStatus),
    landApprovalStage: of('land', input.landApprovalStage),
    landDeliveryOn: of('land', input.landDeliveryOn),
    coalTonnes: of('energy', input.coalTonnes),
    financePurpose: of('finance', input.financePurpose),
    banksMatched: of('finance', input.banksMatched),
    disbursedWanYuan: of('finance', input.disbursedWanYuan),
    utilityKind: of('utilities', input.utilityKind),
    materialName: of('materials', input.materialName),
  };
}

type DemandFields = ReturnType<typeof demandFields>;

const storedFields = (row: FactorDemandRow): DemandFields => {
  const optional = (value: string | null) => (value === null ? null : normaliseDecimal(value));
  return {
    type: row.type,
    quantity: normaliseDecimal(row.quantity),
    metQuantity: normaliseDecimal(row.metQuantity),
    unit: row.unit,
    responsibleOrganisationId: row.responsibleOrganisationId,
    neededBy: row.neededBy,
    note: row.note,
    landKind: row.landKind,
    landQuotaStatus: row.landQuotaStatus,
    landApprovalStage: row.landApprovalStage,
    landDeliveryOn: row.landDeliveryOn,
    coalTonnes: optional(row.coalTonnes),
    financePurpose: row.financePurpose,
    banksMatched: row.banksMatched,
    disbursedWanYuan: optional(row.disbursedWanYuan),
    utilityKind: row.utilityKind,
    materialName: row.materialName,
  };
};

/**
 * 新增要素需求: the office over the project or the project's owner unit states a need (待保障),
 * given to a department of the project's jurisdiction. Audited `factor.demand.create`.
 */
export async function createFactorDemand(ctx: Ctx, projectId: string, input: CreateFactorDemand) {
  const project = await loadFactorProject(ctx.db, ctx.actor, projectId);
  if (!mayAddDemand(ctx.actor, project))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办或项目业主单位可以提出要素需求');
  await assertJurisdictionDepartment(ctx.db, project.regionPath, input.responsibleOrganisationId);
  const fields = demandFields(input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(factorDemands)
      .values({ projectId, ...fields, status: 'pending' })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'factor.demand.create',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      changes: diffChanges(null, fields),
      detail: { demandId: row!.id },
    });
  });
  return getProjectFactors(ctx, projectId);
}

/**
 * 修改要素需求: its figures, department, date and the type's fields (status moves by
 * `moveFactorDemand`). The office over the project, or the owner unit while still 待保障. Audited
 * `factor.demand.update` with the changed fields.
 */
export async function updateFactorDemand(ctx: Ctx, id: string, input: UpdateFactorDemand) {
  const { demand, project } = await loadDemand(ctx, id);
  if (!mayEditDemand(ctx.actor, project, demand))
    throw new AppError('FORBIDDEN', '只有重点办可以修改要素需求（业主单位仅可修改待保障的需求）');
  if (input.responsibleOrganisationId !== demand.responsibleOrganisationId)
    await assertJurisdictionDepartment(ctx.db, project.regionPath, input.responsibleOrganisationId);
  const fields = demandFields(input);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: factorDemands,
      where: eq(factorDemands.id, id),
      version: input.version,
      set: { ...fields, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'factor.demand.update',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: diffChanges(storedFields(demand), fields),
        detail: { demandId: id },
      }),
      conflict: conflictMessage,
    }),
  );
  return getProjectFactors(ctx, project.id);
}

/**
 * 要素需求状态: the office over the project or the demand's responsible department moves it by the
 * domain's table. 已保障 is dated today and the met quantity becomes the demand's; leaving 已保障
 * clears the date. Audited `factor.demand.move`.
 */
export async function moveFactorDemand(ctx: Ctx, id: string, input: MoveFactorDemand) {
  const { demand, project } = await loadDemand(ctx, id);
  if (!mayMoveDemand(ctx.actor, project, demand))
    throw new AppError('FORBIDDEN', '只有重点办或该需求的责任部门可以变更保障状态');
  const from = demand.status as FactorDemandStatus;
  assertFactorDemandMove(from, input.status);
  const today = chinaDate(ctx.clock.now());
  const isMet = input.status === 'met';
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: factorDemands,
      where: eq(factorDemands.id, id),
      version: input.version,
      set: {
        status: input.status,
        metOn: isMet ? today : null,
        ...(isMet ? { metQuantity: demand.quantity } : {}),
        statusChangedAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      },
      audit: () => ({
        action: 'factor.demand.move',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: { status: { before: from, after: input.status } },
        detail: { demandId: id, type: demand.type, note: input.note },
      }),
      conflict: conflictMessage,
    }),
  );
  return getProjectFactors(ctx, project.id);
}
