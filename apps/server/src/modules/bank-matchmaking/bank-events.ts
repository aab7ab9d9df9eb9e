import type { BankEventDetail, SaveBankEvent, UpdateBankEvent } from '@tuijin/contracts';
import { AppError, authorize, invalid } from '@tuijin/domain';
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  bankEventBanks,
  bankEvents,
  bankFollowUps,
  bankPushBanks,
  bankPushes,
  banks,
  projects,
} from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { recordAudit, updateVersioned } from '../audit';
import { eventConflict, getBankEventDetail, mayManageBankMatchmaking } from './bank-matchmaking.queries';

type Push = {
  projectId: string;
  financingNeedWanYuan: string;
  purpose: string;
  banks: { bankId: string; signedWanYuan: string | null }[];
};

const onPath = (bankPath: string, eventPath: string) =>
  bankPath === eventPath || eventPath.startsWith(`${bankPath}.`);

/**
 * Checks an event's banks (each of the event's jurisdiction or one above it, once) and its pushes
 * (projects the editor sees, once each, to banks attending the event, once each); answers the
 * pushes as stored. Every problem names its row.
 */
async function checkEvent(ctx: Ctx, regionPath: string, input: SaveBankEvent): Promise<Push[]> {
  const problems: { path: string; message: string }[] = [];
  const bankIds = input.bankIds ?? [];
  const found = bankIds.length
    ? await ctx.db
        .select()
        .from(banks)
        .where(inArray(banks.id, [...new Set(bankIds)]))
    : [];
  const bankById = new Map(found.filter((b) => onPath(b.regionPath, regionPath)).map((b) => [b.id, b]));
  const seenBanks = new Set<string>();
  bankIds.forEach((id, i) => {
    if (!bankById.has(id))
      problems.push({ path: `bankIds.${i}`, message: `第 ${i + 1} 家参会银行不存在或不属于本级及上级名录` });
    else if (seenBanks.has(id))
      problems.push({ path: `bankIds.${i}`, message: `参会银行「${bankById.get(id)!.name}」重复` });
    seenBanks.add(id);
  });
  const pushes = (input.pushes ?? []) as Push[];
  const ids = [...new Set(pushes.map((p) => p.projectId))];
  const seen = ids.length
    ? await ctx.db
        .select({ id: projects.id, name: projects.name })
        .from(projects)
        .where(and(inArray(projects.id, ids), projectScope(ctx.actor)))
    : [];
  const names = new Map(seen.map((p) => [p.id, p.name]));
  const seenProjects = new Set<string>();
  pushes.forEach((p, i) => {
    const name = names.get(p.projectId);
    if (!name)
      problems.push({
        path: `pushes.${i}.projectId`,
        message: `第 ${i + 1} 个推送项目不存在或不在本级管辖范围`,
      });
    else if (seenProjects.has(p.projectId))
      problems.push({ path: `pushes.${i}.projectId`, message: `项目「${name}」重复推送` });
    seenProjects.add(p.projectId);
    const pushedTo = new Set<string>();
    p.banks.forEach((b, j) => {
      if (!seenBanks.has(b.bankId) || !bankById.has(b.bankId))
        problems.push({
          path: `pushes.${i}.banks.${j}.bankId`,
          message: `第 ${i + 1} 个推送项目的第 ${j + 1} 家银行不在参会银行中`,
        });
      else if (pushedTo.has(b.bankId))
        problems.push({
          path: `pushes.${i}.banks.${j}.bankId`,
          message: `第 ${i + 1} 个推送项目重复推送给「${bankById.get(b.bankId)!.name}」`,
        });
      pushedTo.add(b.bankId);
    });
  });
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  return pushes.map((p) => ({
    projectId: p.projectId,
    financingNeedWanYuan: p.financingNeedWanYuan,
    purpose: p.purpose,
    banks: p.banks.map((b) => ({ bankId: b.bankId, signedWanYuan: b.signedWanYuan ?? null })),
  }));
}

const eventValues = (input: SaveBankEvent) => ({
  title: input.title,
  heldOn: input.heldOn,
  venue: input.venue,
  organiser: input.organiser,
  note: input.note ?? null,
});

/**
 * Replaces an event's banks and pushes, opens a follow-up (已推送) for each new project × bank pair,
 * and drops the untouched follow-ups (已推送, never edited) of pairs no event pushes any more.
 */
async function writeEventContent(
  tx: Queryable,
  eventId: string,
  bankIds: readonly string[],
  pushes: readonly Push[],
  previousProjects: readonly string[],
) {
  await tx.delete(bankPushes).where(eq(bankPushes.eventId, eventId));
  await tx.delete(bankEventBanks).where(eq(bankEventBanks.eventId, eventId));
  if (bankIds.length > 0)
    await tx.insert(bankEventBanks).values(bankIds.map((bankId) => ({ eventId, bankId })));
  for (const [sortOrder, p] of pushes.entries()) {
    const [row] = await tx
      .insert(bankPushes)
      .values({
        eventId,
        projectId: p.projectId,
        financingNeedWanYuan: p.financingNeedWanYuan,
        purpose: p.purpose,
        sortOrder,
      })
      .returning({ id: bankPushes.id });
    await tx.insert(bankPushBanks).values(p.banks.map((b) => ({ pushId: row!.id, ...b })));
    await tx
      .insert(bankFollowUps)
      .values(p.banks.map((b) => ({ projectId: p.projectId, bankId: b.bankId })))
      .onConflictDoNothing();
  }
  if (previousProjects.length > 0)
    await tx.delete(bankFollowUps).where(
      and(
        inArray(bankFollowUps.projectId, [...previousProjects]),
        eq(bankFollowUps.status, 'pushed'),
        eq(bankFollowUps.version, 0),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(bankPushBanks)
            .innerJoin(bankPushes, eq(bankPushes.id, bankPushBanks.pushId))
            .where(
              and(
                eq(bankPushes.projectId, bankFollowUps.projectId),
                eq(bankPushBanks.bankId, bankFollowUps.bankId),
              ),
            ),
        ),
      ),
    );
}

const assertManage = (ctx: Ctx, regionCode: string) => {
  if (!mayManageBankMatchmaking(ctx.actor, regionCode))
    throw new AppError('FORBIDDEN', '只有本级重点办可以编辑政银企对接会');
};

/**
 * 新建政银企对接会 in the actor's jurisdiction with its banks and pushed projects. One transaction:
 * the event, its banks, its pushes × banks, the follow-ups it opens and `bankEvent.create`.
 */
export async function createBankEvent(ctx: Ctx, body: SaveBankEvent): Promise<BankEventDetail> {
  authorize(ctx.actor, 'bankMatchmaking.manage');
  assertManage(ctx, ctx.actor.regionCode);
  const pushes = await checkEvent(ctx, ctx.actor.regionPath, body);
  const values = eventValues(body);
  const bankIds = body.bankIds ?? [];
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bankEvents)
      .values({ ...values, regionCode: ctx.actor.regionCode, regionPath: ctx.actor.regionPath })
      .returning();
    await writeEventContent(tx, row!.id, bankIds, pushes, []);
    await recordAudit(tx, ctx, {
      action: 'bankEvent.create',
      entityType: 'bankEvent',
      entityId: row!.id,
      regionPath: ctx.actor.regionPath,
      detail: { ...values, bankIds, pushes },
    });
    return row!.id;
  });
  return getBankEventDetail(ctx.db, ctx.actor, id);
}

/**
 * 修改政银企对接会: its fields, banks and whole push list (replaced), version-checked and audited
 * with the before and after. Follow-ups with progress are kept even when their push is removed.
 */
export async function updateBankEvent(ctx: Ctx, id: string, body: UpdateBankEvent): Promise<BankEventDetail> {
  authorize(ctx.actor, 'bankMatchmaking.manage');
  const detail = await getBankEventDetail(ctx.db, ctx.actor, id);
  assertManage(ctx, detail.regionCode);
  const [before] = await ctx.db.select().from(bankEvents).where(eq(bankEvents.id, id));
  const pushes = await checkEvent(ctx, before!.regionPath, body);
  const values = eventValues(body);
  const bankIds = body.bankIds ?? [];
  const previous = await ctx.db
    .select({ projectId: bankPushes.projectId })
    .from(bankPushes)
    .where(eq(bankPushes.eventId, id));
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: bankEvents,
      where: eq(bankEvents.id, id),
      version: body.version,
      set: { ...values, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'bankEvent.update',
        entityType: 'bankEvent',
        entityId: id,
        regionPath: before!.regionPath,
        changes: {
          title: { before: before!.title, after: values.title },
          heldOn: { before: before!.heldOn, after: values.heldOn },
          venue: { before: before!.venue, after: values.venue },
          organiser: { before: before!.organiser, after: values.organiser },
          bankIds: { before: detail.banks.map((b) => b.id), after: bankIds },
          pushes: {
            before: detail.pushes.map((p) => ({
              projectId: p.projectId,
              financingNeedWanYuan: p.financingNeedWanYuan,
              banks: p.banks.map((b) => ({ bankId: b.bankId, signedWanYuan: b.signedWanYuan })),
            })),
            after: pushes,
          },
        },
      }),
      conflict: eventConflict,
    });
    await writeEventContent(
      tx,
      id,
      bankIds,
      pushes,
      previous.map((p) => p.projectId),
    );
  });
  return getBankEventDetail(ctx.db, ctx.actor, id);
}
