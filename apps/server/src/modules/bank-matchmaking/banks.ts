import type { Bank, SaveBank, UpdateBank } from '@tuijin/contracts';
import { AppError, authorize, invalid } from '@tuijin/domain';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { bankEventBanks, bankFollowUps, bankPushBanks, banks } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import {
  bankConflict,
  loadBank,
  mayManageBankMatchmaking,
  presentBank,
  visibleBanks,
} from './bank-matchmaking.queries';

const bankValues = (input: SaveBank) => ({
  name: input.name,
  shortName: input.shortName ?? null,
  level: input.level,
  sortOrder: input.sortOrder ?? 0,
});

async function checkName(db: Queryable, regionCode: string, name: string, exceptId: string | null) {
  const [clash] = await db
    .select({ id: banks.id })
    .from(banks)
    .where(
      and(
        eq(banks.regionCode, regionCode),
        eq(banks.name, name),
        exceptId ? ne(banks.id, exceptId) : undefined,
      ),
    );
  if (clash) throw invalid([{ path: 'name', message: `本级名录已有「${name}」` }], `本级名录已有「${name}」`);
}

const assertManage = (ctx: Ctx, regionCode: string) => {
  if (!mayManageBankMatchmaking(ctx.actor, regionCode))
    throw new AppError('FORBIDDEN', '只有本级重点办可以维护银行名录');
};

/** 银行名录: the banks of the actor's jurisdiction and of the jurisdictions above it. */
export async function listBanks(ctx: Ctx): Promise<{ data: Bank[] }> {
  authorize(ctx.actor, 'bankMatchmaking.read');
  const rows = await visibleBanks(ctx.db, ctx.actor);
  return { data: rows.map((r) => presentBank(ctx.actor, r.bank, r.regionName)) };
}

/** 新增银行 in the actor's jurisdiction (unique name there). Audited `bank.create`. */
export async function createBank(ctx: Ctx, body: SaveBank): Promise<Bank> {
  authorize(ctx.actor, 'bankMatchmaking.manage');
  assertManage(ctx, ctx.actor.regionCode);
  const values = bankValues(body);
  await checkName(ctx.db, ctx.actor.regionCode, values.name, null);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(banks)
      .values({ ...values, regionCode: ctx.actor.regionCode, regionPath: ctx.actor.regionPath })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'bank.create',
      entityType: 'bank',
      entityId: row!.id,
      regionPath: ctx.actor.regionPath,
      detail: values,
    });
    return row!.id;
  });
  const row = await loadBank(ctx.db, ctx.actor, id);
  return presentBank(ctx.actor, row.bank, row.regionName);
}

/** 修改银行: name, short name, level, order; version-checked, audited with the changes. */
export async function updateBank(ctx: Ctx, id: string, body: UpdateBank): Promise<Bank> {
  authorize(ctx.actor, 'bankMatchmaking.manage');
  const { bank: before } = await loadBank(ctx.db, ctx.actor, id);
  assertManage(ctx, before.regionCode);
  const values = bankValues(body);
  await checkName(ctx.db, before.regionCode, values.name, id);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: banks,
      where: eq(banks.id, id),
      version: body.version,
      set: { ...values, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'bank.update',
        entityType: 'bank',
        entityId: id,
        regionPath: before.regionPath,
        changes: diffChanges(
          {
            name: before.name,
            shortName: before.shortName,
            level: before.level,
            sortOrder: before.sortOrder,
          },
          values,
        ),
      }),
      conflict: bankConflict,
    }),
  );
  const row = await loadBank(ctx.db, ctx.actor, id);
  return presentBank(ctx.actor, row.bank, row.regionName);
}

/** 删除银行: only one no event, push or follow-up names; version-checked, audited. */
export async function deleteBank(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'bankMatchmaking.manage');
  const { bank } = await loadBank(ctx.db, ctx.actor, id);
  assertManage(ctx, bank.regionCode);
  if (bank.version !== version) throw new AppError('CONFLICT', bankConflict);
  const uses = await Promise.all([
    ctx.db.select({ n: count() }).from(bankEventBanks).where(eq(bankEventBanks.bankId, id)),
    ctx.db.select({ n: count() }).from(bankPushBanks).where(eq(bankPushBanks.bankId, id)),
    ctx.db.select({ n: count() }).from(bankFollowUps).where(eq(bankFollowUps.bankId, id)),
  ]);
  if (uses.some(([u]) => (u?.n ?? 0) > 0))
    throw new AppError('CONFLICT', `「${bank.name}」已参加对接会或有跟进记录，不能删除`);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(banks)
      .where(and(eq(banks.id, id), eq(banks.version, version)))
      .returning({ id: banks.id });
    if (gone.length === 0) throw new AppError('CONFLICT', bankConflict);
    await recordAudit(tx, ctx, {
      action: 'bank.delete',
      entityType: 'bank',
      entityId: id,
      regionPath: bank.regionPath,
      detail: { name: bank.name },
    });
  });
  return { ok: true as const };
}
