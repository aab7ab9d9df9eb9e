import {
  type AllocateFactorQuota,
  type FactorQuotaQuery,
  type FactorQuotaView,
  normaliseDecimal,
  type SetFactorQuota,
} from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  assertQuotaCoversAllocated,
  assertQuotaFits,
  authorize,
  can,
  chinaDate,
  isSystemActor,
  quotaKinds,
  quotaSplit,
  quotaUnits,
  startedBy,
  subtractDecimal,
  sumDecimals,
} from '@tuijin/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { factorQuotaAllocations, factorQuotas, projects, regions } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { recordAudit, updateVersioned } from '../audit';
import { resolveRegionView } from '../regions';

const conflict = '指标已被他人修改，请刷新后重试';

/**
 * Who sets a jurisdiction's quota and allocates it: the key-project office of that very
 * jurisdiction (`factor.manage`) — a county's quota is the county's, not the city's to move.
 */
export const mayKeepQuota = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) ||
  (can(actor, 'factor.manage') && actor.roles.includes('office_staff') && actor.regionPath === regionPath);

/** The year asked (default this year) and the day starts count up to: today, or 31 December of a past year. */
function quotaPeriod(ctx: Pick<Ctx, 'clock'>, yearAsked: number | undefined) {
  const today = chinaDate(ctx.clock.now());
  const year = yearAsked ?? Number(today.slice(0, 4));
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  return { year, asOf };
}

/** The live allocations out of one quota, for the check (locked by the caller). */
async function liveAllocated(tx: Queryable, quotaId: string): Promise<string[]> {
  const rows = await tx
    .select({ amount: factorQuotaAllocations.amount })
    .from(factorQuotaAllocations)
    .where(and(eq(factorQuotaAllocations.quotaId, quotaId), isNull(factorQuotaAllocations.deletedAt)));
  return rows.map((r) => normaliseDecimal(r.amount));
}

/**
 * "要素跟着项目走" of a jurisdiction and year: its land (亩) and energy (吨标准煤) quota, the
 * allocations to projects, and how much sits on projects that really started by the as-of day
 * (`startedBy`, the funds' 开工 rule) and on projects not started — overall and per child region
 * (a 本级 row for the region's own projects). Scoped: only allocations to projects the actor may see
 * count.
 */
export async function factorQuotaView(ctx: Ctx, query: FactorQuotaQuery): Promise<FactorQuotaView> {
  authorize(ctx.actor, 'factor.read');
  const { region, children } = await resolveRegionView(ctx.db, ctx.actor, query.regionCode);
  const { year, asOf } = quotaPeriod(ctx, query.year);
  const quotas = await ctx.db
    .select()
    .from(factorQuotas)
    .where(and(eq(factorQuotas.regionCode, region.code), eq(factorQuotas.year, year)));
  const rows = await ctx.db
    .select({
      allocation: factorQuotaAllocations,
      kind: factorQuotas.kind,
      projectName: projects.name,
      projectRegionPath: projects.regionPath,
      regionName: regions.name,
      actualStartOn: projects.actualStartOn,
    })
    .from(factorQuotaAllocations)
    .innerJoin(factorQuotas, eq(factorQuotas.id, factorQuotaAllocations.quotaId))
    .innerJoin(projects, eq(projects.id, factorQuotaAllocations.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(
      and(
        eq(factorQuotas.regionCode, region.code),
        eq(factorQuotas.year, year),
        isNull(factorQuotaAllocations.deletedAt),
        projectScope(ctx.actor),
      ),
    )
    .orderBy(asc(factorQuotaAllocations.allocatedOn), asc(projects.name));
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  const kinds = quotaKinds.map((kind) => {
    const quota = quotas.find((q) => q.kind === kind) ?? null;
    const mine = rows
      .filter((r) => r.kind === kind)
      .map((r) => ({ ...r, amount: normaliseDecimal(r.allocation.amount) }));
    const split = quotaSplit(mine, asOf);
    const own = mine.filter((r) => r.projectRegionPath === region.path);
    const groups = [
      ...(own.length > 0 ? [{ regionCode: region.code, regionName: `${region.name}本级`, rows: own }] : []),
      ...children.map((child) => ({
        regionCode: child.code,
        regionName: child.name,
        rows: mine.filter((r) => within(r.projectRegionPath, child.path)),
      })),
    ];
    const amount = quota ? normaliseDecimal(quota.amount) : null;
    return {
      kind,
      unit: quotaUnits[kind],
      quotaId: quota?.id ?? null,
      amount,
      note: quota?.note ?? null,
      version: quota?.version ?? null,
      ...split,
      remaining:
        amount === null
          ? null
          : subtractDecimal(
              amount,
              sumDecimals(mine, (r) => r.amount),
            ),
      regions: groups.map(({ rows: group, ...r }) => ({
        ...r,
        projects: new Set(group.map((g) => g.allocation.projectId)).size,
        ...quotaSplit(group, asOf),
      })),
      allocations: mine.map((r) => ({
        id: r.allocation.id,
        projectId: r.allocation.projectId,
        projectName: r.projectName,
        regionName: r.regionName,
        amount: r.amount,
        allocatedOn: r.allocation.allocatedOn,
        actualStartOn: r.actualStartOn,
        isStarted: startedBy(r.actualStartOn, asOf),
        note: r.allocation.note,
        version: r.allocation.version,
      })),
    };
  });
  return {
    regionCode: region.code,
    regionName: region.name,
    year,
    asOf,
    kinds,
    canManage: mayKeepQuota(ctx.actor, region.path),
  };
}

function assertKeepQuota(actor: Actor, regionPath: string) {
  if (!mayKeepQuota(actor, regionPath))
    throw new AppError('FORBIDDEN', '只有本级重点办可以设定和分配本辖区的用地、能耗指标');
}

/**
 * 设定指标: the office of a jurisdiction sets its land or energy quota for a year (first time
 * without a version, then with it); never below what is allocated out of it already. Audited
 * `factor.quota.set`.
 */
export async function setFactorQuota(ctx: Ctx, input: SetFactorQuota): Promise<FactorQuotaView> {
  const { region } = await resolveRegionView(ctx.db, ctx.actor, input.regionCode);
  assertKeepQuota(ctx.actor, region.path);
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(factorQuotas)
      .where(
        and(
          eq(factorQuotas.regionCode, region.code),
          eq(factorQuotas.year, input.year),
          eq(factorQuotas.kind, input.kind),
        ),
      )
      .for('update');
    const audit = {
      action: 'factor.quota.set' as const,
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
    };
    if (!existing) {
      if (input.version !== null) throw new AppError('CONFLICT', conflict);
      const [row] = await tx
        .insert(factorQuotas)
        .values({
          regionCode: region.code,
          regionPath: region.path,
          year: input.year,
          kind: input.kind,
          amount: input.amount,
          note: input.note,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('CONFLICT', conflict);
      await recordAudit(tx, ctx, {
        ...audit,
        changes: { amount: { before: null, after: input.amount } },
        detail: { quotaId: row.id, year: input.year, kind: input.kind, note: input.note },
      });
      return;
    }
    if (input.version === null) throw new AppError('CONFLICT', conflict);
    const allocated = sumDecimals(await liveAllocated(tx, existing.id), (a) => a);
    assertQuotaCoversAllocated(input.kind, input.amount, allocated);
    await updateVersioned(tx, ctx, {
      table: factorQuotas,
      where: eq(factorQuotas.id, existing.id),
      version: input.version,
      set: { amount: input.amount, note: input.note, updatedAt: ctx.clock.now() },
      audit: () => ({
        ...audit,
        changes: { amount: { before: normaliseDecimal(existing.amount), after: input.amount } },
        detail: { quotaId: existing.id, year: input.year, kind: input.kind, note: input.note },
      }),
      conflict,
    });
  });
  return factorQuotaView(ctx, { regionCode: region.code, year: input.year });
}

/** A quota of a region in the actor's jurisdiction, else NOT_FOUND. */
async function loadQuota(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const [quota] = await ctx.db
    .select()
    .from(factorQuotas)
    .where(and(eq(factorQuotas.id, id), inRegionSubtree(factorQuotas.regionPath, ctx.actor.regionPath)));
  if (!quota) throw new AppError('NOT_FOUND', '指标不存在或无权查看');
  return quota;
}

/**
 * 分配指标: the office of the quota's jurisdiction gives some of it to a project of that
 * jurisdiction, dated (not after today). Refused when the allocated total would pass the quota
 * (domain `assertQuotaFits`, naming what remains); the quota row is locked so two allocations cannot
 * both pass. Audited `factor.quota.allocate` on the project.
 */
export async function allocateFactorQuota(ctx: Ctx, quotaId: string, input: AllocateFactorQuota) {
  const quota = await loadQuota(ctx, quotaId);
  assertKeepQuota(ctx.actor, quota.regionPath);
  if (input.allocatedOn > chinaDate(ctx.clock.now()))
    throw new AppError('VALIDATION_FAILED', '分配日期不能晚于今天', [
      { path: 'allocatedOn', message: '分配日期不能晚于今天' },
    ]);
  const [project] = await ctx.db
    .select({ id: projects.id, name: projects.name, regionPath: projects.regionPath })
    .from(projects)
    .where(and(eq(projects.id, input.projectId), inRegionSubtree(projects.regionPath, quota.regionPath)));
  if (!project)
    throw new AppError('VALIDATION_FAILED', '项目不在本辖区，不能分配本级指标', [
      { path: 'projectId', message: '项目不在本辖区' },
    ]);
  await ctx.db.transaction(async (tx) => {
    await tx
      .select({ id: factorQuotas.id })
      .from(factorQuotas)
      .where(eq(factorQuotas.id, quotaId))
      .for('update');
    assertQuotaFits({
      kind: quota.kind,
      quota: normaliseDecimal(quota.amount),
      allocated: await liveAllocated(tx, quotaId),
      amount: input.amount,
    });
    const [row] = await tx
      .insert(factorQuotaAllocations)
      .values({ quotaId, ...input })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'factor.quota.allocate',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: {
        quotaId,
        allocationId: row!.id,
        kind: quota.kind,
        year: quota.year,
        amount: input.amount,
        allocatedOn: input.allocatedOn,
      },
    });
  });
  return factorQuotaView(ctx, { regionCode: quota.regionCode, year: quota.year });
}

/** 撤销指标分配: the row stays (soft delete) and stops counting. Audited `factor.quota.allocation.remove`. */
export async function removeFactorQuotaAllocation(ctx: Ctx, id: string, version: number) {
  const [row] = await ctx.db
    .select({ allocation: factorQuotaAllocations, projectRegionPath: projects.regionPath })
    .from(factorQuotaAllocations)
    .innerJoin(projects, eq(projects.id, factorQuotaAllocations.projectId))
    .where(and(eq(factorQuotaAllocations.id, id), isNull(factorQuotaAllocations.deletedAt)));
  if (!row) throw new AppError('NOT_FOUND', '指标分配不存在或无权查看');
  const quota = await loadQuota(ctx, row.allocation.quotaId);
  assertKeepQuota(ctx.actor, quota.regionPath);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: factorQuotaAllocations,
      where: eq(factorQuotaAllocations.id, id),
      version,
      set: { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'factor.quota.allocation.remove',
        entityType: 'project',
        entityId: row.allocation.projectId,
        regionPath: row.projectRegionPath,
        detail: {
          quotaId: quota.id,
          allocationId: id,
          kind: quota.kind,
          year: quota.year,
          amount: normaliseDecimal(row.allocation.amount),
        },
      }),
      conflict,
    }),
  );
  return { ok: true as const };
}
