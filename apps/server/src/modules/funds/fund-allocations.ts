import {
  normaliseDecimal,
  type SaveFundAllocation,
  type SaveFundPayment,
  type UpdateFundAllocation,
  type UpdateFundPayment,
} from '@tuijin/contracts';
import { AppError, assertPaymentFits, chinaDate, compareDecimals, sumDecimals } from '@tuijin/domain';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { fundAllocations, fundPayments } from '../../db/schema';
import { assertProjectFile } from '../../lib/project-scope';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import {
  allocationWithPayments,
  assertManage,
  assertPay,
  conflictMessage,
  type FundAllocationRow,
  livePayments,
  loadAllocation,
  loadFundProject,
  loadPayment,
} from './funds.queries';

const notAfterToday = (date: string, today: string, path: string) => {
  if (date > today)
    throw new AppError('VALIDATION_FAILED', '日期不能晚于今天', [{ path, message: '日期不能晚于今天' }]);
};

const allocationFields = (input: SaveFundAllocation) => ({
  kind: input.kind,
  year: input.year,
  batch: input.batch,
  amountWanYuan: input.amountWanYuan,
  issuedOn: input.issuedOn,
  documentNumber: input.documentNumber,
});

/** 资金下达: an office over the project records money issued to it. Audited `fund.allocation.create`. */
export async function createFundAllocation(ctx: Ctx, projectId: string, input: SaveFundAllocation) {
  const project = await loadFundProject(ctx.db, ctx.actor, projectId);
  assertManage(ctx.actor, project);
  notAfterToday(input.issuedOn, chinaDate(ctx.clock.now()), 'issuedOn');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fundAllocations)
      .values({ projectId, ...allocationFields(input) })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'fund.allocation.create',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      detail: { allocationId: row!.id, ...allocationFields(input) },
    });
    return allocationWithPayments(tx, row!);
  });
}

/**
 * 修改资金下达. The amount may not drop below what is paid out of it already (VALIDATION_FAILED on
 * `amountWanYuan`, naming both amounts).
 */
export async function updateFundAllocation(ctx: Ctx, id: string, input: UpdateFundAllocation) {
  const { allocation, project } = await loadAllocation(ctx, id);
  assertManage(ctx.actor, project);
  notAfterToday(input.issuedOn, chinaDate(ctx.clock.now()), 'issuedOn');
  const set = allocationFields(input);
  return ctx.db.transaction(async (tx) => {
    const paid = sumDecimals(await livePayments(tx, [id]), (p) => normaliseDecimal(p.amountWanYuan));
    if (compareDecimals(set.amountWanYuan, paid) < 0) {
      const message = `下达金额 ${set.amountWanYuan} 万元少于已支付的 ${paid} 万元`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'amountWanYuan', message }]);
    }
    const row = await updateVersioned(tx, ctx, {
      table: fundAllocations,
      where: eq(fundAllocations.id, id),
      version: input.version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'fund.allocation.update',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: diffChanges(
          {
            kind: allocation.kind,
            year: allocation.year,
            batch: allocation.batch,
            amountWanYuan: normaliseDecimal(allocation.amountWanYuan),
            issuedOn: allocation.issuedOn,
            documentNumber: allocation.documentNumber,
          },
          set,
        ),
        detail: { allocationId: id },
      }),
      conflict: conflictMessage,
    });
    return allocationWithPayments(tx, row);
  });
}

/** 删除资金下达: only while no live payment is recorded on it (soft delete). Audited `fund.allocation.remove`. */
export async function removeFundAllocation(ctx: Ctx, id: string, version: number) {
  const { allocation, project } = await loadAllocation(ctx, id);
  assertManage(ctx.actor, project);
  await ctx.db.transaction(async (tx) => {
    if ((await livePayments(tx, [id])).length > 0)
      throw new AppError('VALIDATION_FAILED', '该笔下达已有支付记录，请先删除支付记录', [
        { path: 'id', message: '已有支付记录' },
      ]);
    await updateVersioned(tx, ctx, {
      table: fundAllocations,
      where: eq(fundAllocations.id, id),
      version,
      set: { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'fund.allocation.remove',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        detail: {
          allocationId: id,
          kind: allocation.kind,
          year: allocation.year,
          amountWanYuan: normaliseDecimal(allocation.amountWanYuan),
        },
      }),
      conflict: conflictMessage,
    });
  });
  return { ok: true as const };
}

/** Locks the allocation row so two payments on it cannot both pass the check, and answers the others paid. */
async function lockAndOthersPaid(tx: Queryable, allocation: FundAllocationRow, exceptPaymentId?: string) {
  await tx
    .select({ id: fundAllocations.id })
    .from(fundAllocations)
    .where(eq(fundAllocations.id, allocation.id))
    .for('update');
  const rows = await tx
    .select({ amount: fundPayments.amountWanYuan })
    .from(fundPayments)
    .where(
      and(
        eq(fundPayments.allocationId, allocation.id),
        isNull(fundPayments.deletedAt),
        exceptPaymentId ? ne(fundPayments.id, exceptPaymentId) : undefined,
      ),
    );
  return rows.map((r) => normaliseDecimal(r.amount));
}

const paymentFields = (input: SaveFundPayment) => ({
  paidOn: input.paidOn,
  amountWanYuan: input.amountWanYuan,
  note: input.note,
  evidenceFileId: input.evidenceFileId,
});

/**
 * 资金支付: the office or the owner unit records money paid out of an allocation. Refused when the
 * paid total would pass the allocation (domain `assertPaymentFits`, naming the amounts), when dated
 * after today or before the allocation was issued, or when the evidence is not a file of the
 * project. Audited `fund.payment.create`.
 */
export async function createFundPayment(ctx: Ctx, allocationId: string, input: SaveFundPayment) {
  const { allocation, project } = await loadAllocation(ctx, allocationId);
  assertPay(ctx.actor, project);
  checkPaymentDate(input.paidOn, allocation, chinaDate(ctx.clock.now()));
  if (input.evidenceFileId) await assertProjectFile(ctx.db, input.evidenceFileId, project.id, '佐证材料');
  return ctx.db.transaction(async (tx) => {
    const paid = await lockAndOthersPaid(tx, allocation);
    assertPaymentFits({
      allocatedWanYuan: normaliseDecimal(allocation.amountWanYuan),
      paidWanYuan: paid,
      amountWanYuan: input.amountWanYuan,
    });
    const [row] = await tx
      .insert(fundPayments)
      .values({ allocationId, ...paymentFields(input) })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'fund.payment.create',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: { allocationId, paymentId: row!.id, ...paymentFields(input) },
    });
    return allocationWithPayments(tx, allocation);
  });
}

function checkPaymentDate(paidOn: string, allocation: FundAllocationRow, today: string) {
  notAfterToday(paidOn, today, 'paidOn');
  if (paidOn < allocation.issuedOn) {
    const message = `支付日期早于资金下达日期 ${allocation.issuedOn}`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'paidOn', message }]);
  }
}

/** 修改资金支付, under the same checks as recording one. Audited `fund.payment.update`. */
export async function updateFundPayment(ctx: Ctx, paymentId: string, input: UpdateFundPayment) {
  const { payment, allocation, project } = await loadPayment(ctx, paymentId);
  assertPay(ctx.actor, project);
  checkPaymentDate(input.paidOn, allocation, chinaDate(ctx.clock.now()));
  if (input.evidenceFileId) await assertProjectFile(ctx.db, input.evidenceFileId, project.id, '佐证材料');
  const set = paymentFields(input);
  return ctx.db.transaction(async (tx) => {
    const others = await lockAndOthersPaid(tx, allocation, paymentId);
    assertPaymentFits({
      allocatedWanYuan: normaliseDecimal(allocation.amountWanYuan),
      paidWanYuan: others,
      amountWanYuan: input.amountWanYuan,
    });
    await updateVersioned(tx, ctx, {
      table: fundPayments,
      where: eq(fundPayments.id, paymentId),
      version: input.version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'fund.payment.update',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: diffChanges(
          {
            paidOn: payment.paidOn,
            amountWanYuan: normaliseDecimal(payment.amountWanYuan),
            note: payment.note,
            evidenceFileId: payment.evidenceFileId,
          },
          set,
        ),
        detail: { allocationId: allocation.id, paymentId },
      }),
      conflict: conflictMessage,
    });
    return allocationWithPayments(tx, allocation);
  });
}

/** 删除资金支付: the row stays (soft delete) and stops counting. Audited `fund.payment.remove`. */
export async function removeFundPayment(ctx: Ctx, paymentId: string, version: number) {
  const { payment, allocation, project } = await loadPayment(ctx, paymentId);
  assertPay(ctx.actor, project);
  return ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: fundPayments,
      where: eq(fundPayments.id, paymentId),
      version,
      set: { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'fund.payment.remove',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        detail: {
          allocationId: allocation.id,
          paymentId,
          paidOn: payment.paidOn,
          amountWanYuan: normaliseDecimal(payment.amountWanYuan),
        },
      }),
      conflict: conflictMessage,
    });
    return allocationWithPayments(tx, allocation);
  });
}
