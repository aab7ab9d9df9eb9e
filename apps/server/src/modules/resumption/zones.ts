import type { CreateZone, UpdateZone, Zone, ZoneList } from '@tuijin/contracts';
import { type Actor, AppError, authorize, can, invalid, isSystemActor, zoneProblems } from '@tuijin/domain';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { regions, zoneRegions, zones } from '../../db/schema';
import { recordAudit, updateVersioned } from '../audit';
import { pathCodes } from './resumption.queries';

const conflict = '分区已被他人修改，请刷新后重试';

export type ZoneRow = typeof zones.$inferSelect;

/** A jurisdiction's direct child regions, in order. */
export const childRegionsOf = (db: Queryable, regionCode: string) =>
  db
    .select({ code: regions.code, name: regions.name, path: regions.path })
    .from(regions)
    .where(eq(regions.parentCode, regionCode))
    .orderBy(asc(regions.sortOrder), asc(regions.code));

/**
 * Zones the actor sees: its own jurisdiction's, and those of the jurisdictions above it that hold a
 * region of its subtree (a county sees the city's zone it is in, with only itself as member).
 * Members outside the actor's subtree are left out; a zone left with none is not shown.
 */
export async function visibleZones(db: Queryable, actor: Actor): Promise<Zone[]> {
  const codes = isSystemActor(actor) ? null : pathCodes(actor.regionPath);
  const rows = await db
    .select()
    .from(zones)
    .where(codes ? inArray(zones.regionCode, codes) : undefined)
    .orderBy(asc(zones.targetOn), asc(zones.sortOrder), asc(zones.name));
  if (rows.length === 0) return [];
  const members = await db
    .select({ zoneId: zoneRegions.zoneId, code: regions.code, name: regions.name, path: regions.path })
    .from(zoneRegions)
    .innerJoin(regions, eq(regions.code, zoneRegions.regionCode))
    .where(
      inArray(
        zoneRegions.zoneId,
        rows.map((z) => z.id),
      ),
    )
    .orderBy(asc(zoneRegions.sortOrder), asc(regions.sortOrder), asc(regions.code));
  const within = (path: string) =>
    isSystemActor(actor) ||
    actor.regionPath === '' ||
    path === actor.regionPath ||
    path.startsWith(`${actor.regionPath}.`);
  return rows
    .map((z) => ({
      id: z.id,
      regionCode: z.regionCode,
      name: z.name,
      goal: z.goal,
      targetOn: z.targetOn,
      sortOrder: z.sortOrder,
      regions: members
        .filter((m) => m.zoneId === z.id && within(m.path))
        .map(({ code, name }) => ({ code, name })),
      version: z.version,
    }))
    .filter((z) => z.regions.length > 0);
}

/** 分区 list of the actor's jurisdiction, with the regions a zone may hold and whether it may edit. */
export async function listZones(ctx: Ctx): Promise<ZoneList> {
  authorize(ctx.actor, 'resumption.read');
  const children = await childRegionsOf(ctx.db, ctx.actor.regionCode);
  return {
    data: await visibleZones(ctx.db, ctx.actor),
    canManage: can(ctx.actor, 'zone.manage') && children.length > 0,
    childRegions: children.map(({ code, name }) => ({ code, name })),
  };
}

/** Refuses a zone breaking the rules (domain `zoneProblems`) among the jurisdiction's other zones. */
async function checkZone(db: Queryable, regionCode: string, draft: CreateZone, exceptId: string | null) {
  const children = await childRegionsOf(db, regionCode);
  const others = await db
    .select()
    .from(zones)
    .where(and(eq(zones.regionCode, regionCode), exceptId ? ne(zones.id, exceptId) : undefined));
  const members = others.length
    ? await db
        .select()
        .from(zoneRegions)
        .where(
          inArray(
            zoneRegions.zoneId,
            others.map((z) => z.id),
          ),
        )
    : [];
  const allNames = await db.select({ code: regions.code, name: regions.name }).from(regions);
  const problems = zoneProblems(
    draft,
    new Set(children.map((c) => c.code)),
    others.map((z) => ({
      id: z.id,
      name: z.name,
      goal: z.goal,
      regionCodes: members.filter((m) => m.zoneId === z.id).map((m) => m.regionCode),
    })),
    new Map(allNames.map((r) => [r.code, r.name])),
  );
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
}

const writeMembers = async (tx: Queryable, zoneId: string, codes: readonly string[]) => {
  await tx.delete(zoneRegions).where(eq(zoneRegions.zoneId, zoneId));
  if (codes.length > 0)
    await tx
      .insert(zoneRegions)
      .values(codes.map((regionCode, sortOrder) => ({ zoneId, regionCode, sortOrder })));
};

const presentOne = async (ctx: Ctx, id: string) => {
  const zone = (await visibleZones(ctx.db, ctx.actor)).find((z) => z.id === id);
  if (!zone) throw new AppError('NOT_FOUND', '分区不存在');
  return zone;
};

/** 新建分区 in the actor's jurisdiction. One transaction: the zone, its members and `zone.create`. */
export async function createZone(ctx: Ctx, input: CreateZone): Promise<Zone> {
  authorize(ctx.actor, 'zone.manage');
  await checkZone(ctx.db, ctx.actor.regionCode, input, null);
  const id = await ctx.db.transaction(async (tx) => {
    const [zone] = await tx
      .insert(zones)
      .values({
        regionCode: ctx.actor.regionCode,
        name: input.name,
        goal: input.goal,
        targetOn: input.targetOn,
        sortOrder: input.sortOrder,
      })
      .returning();
    await writeMembers(tx, zone!.id, input.regionCodes);
    await recordAudit(tx, ctx, {
      action: 'zone.create',
      entityType: 'zone',
      entityId: zone!.id,
      regionPath: ctx.actor.regionPath,
      detail: {
        name: input.name,
        goal: input.goal,
        targetOn: input.targetOn,
        regionCodes: input.regionCodes,
      },
    });
    return zone!.id;
  });
  return presentOne(ctx, id);
}

/** The actor's own jurisdiction's zone, else NOT_FOUND (a county cannot edit the city's zones). */
async function ownZone(ctx: Ctx, id: string) {
  const [zone] = await ctx.db
    .select()
    .from(zones)
    .where(and(eq(zones.id, id), eq(zones.regionCode, ctx.actor.regionCode)));
  if (!zone) throw new AppError('NOT_FOUND', '分区不存在或不属于本级');
  return zone;
}

/** 修改分区: name, goal, target date and members, version-checked, audited with the changes. */
export async function updateZone(ctx: Ctx, id: string, input: UpdateZone): Promise<Zone> {
  authorize(ctx.actor, 'zone.manage');
  const before = await ownZone(ctx, id);
  await checkZone(ctx.db, before.regionCode, input, id);
  const beforeMembers = (await ctx.db.select().from(zoneRegions).where(eq(zoneRegions.zoneId, id))).map(
    (m) => m.regionCode,
  );
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: zones,
      where: eq(zones.id, id),
      version: input.version,
      set: {
        name: input.name,
        goal: input.goal,
        targetOn: input.targetOn,
        sortOrder: input.sortOrder,
        updatedAt: ctx.clock.now(),
      },
      audit: () => ({
        action: 'zone.update',
        entityType: 'zone',
        entityId: id,
        regionPath: ctx.actor.regionPath,
        changes: {
          name: { before: before.name, after: input.name },
          targetOn: { before: before.targetOn, after: input.targetOn },
          regionCodes: { before: beforeMembers, after: input.regionCodes },
        },
      }),
      conflict,
    });
    await writeMembers(tx, id, input.regionCodes);
  });
  return presentOne(ctx, id);
}

/** 删除分区 (its members go with it), version-checked and audited. */
export async function deleteZone(ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'zone.manage');
  const zone = await ownZone(ctx, id);
  if (zone.version !== version) throw new AppError('CONFLICT', conflict);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(zones)
      .where(and(eq(zones.id, id), eq(zones.version, version)))
      .returning({ id: zones.id });
    if (gone.length === 0) throw new AppError('CONFLICT', conflict);
    await recordAudit(tx, ctx, {
      action: 'zone.delete',
      entityType: 'zone',
      entityId: id,
      regionPath: ctx.actor.regionPath,
      detail: { name: zone.name, targetOn: zone.targetOn },
    });
  });
  return { ok: true as const };
}
