import type { CreateApprovalProcedure, UpdateApprovalProcedure } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  authorize,
  can,
  dependencyOrder,
  isSystemActor,
  pathInSubtree,
  standardProcedures,
} from '@tuijin/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { approvalProcedures, organisations, regions } from '../../db/schema';
import { seesRegionSettings } from '../../lib/region-lookup';
import { ancestorPaths } from '../../lib/scope';
import { recordAudit, updateVersioned } from '../audit';

type ProcedureRow = typeof approvalProcedures.$inferSelect;

async function regionByCode(db: Queryable, code: string) {
  const [region] = await db.select().from(regions).where(eq(regions.code, code));
  if (!region)
    throw new AppError('VALIDATION_FAILED', `区域“${code}”不存在`, [
      { path: 'regionCode', message: '区域不存在' },
    ]);
  return region;
}

/** The catalogue that applies in a region: its own, else that of the nearest region above with one. */
export async function effectiveCatalogue(db: Queryable, regionPath: string) {
  const paths = [regionPath, ...ancestorPaths(regionPath).reverse()];
  const rows = await db
    .select()
    .from(approvalProcedures)
    .where(inArray(approvalProcedures.regionPath, paths))
    .orderBy(asc(approvalProcedures.sortOrder), asc(approvalProcedures.code));
  for (const path of paths) {
    const own = rows.filter((r) => r.regionPath === path);
    if (own.length > 0) return { regionPath: path, regionCode: own[0]!.regionCode, procedures: own };
  }
  return { regionPath: null, regionCode: null, procedures: [] as ProcedureRow[] };
}

/** Whether the actor may change the catalogue of a region: an office or department of that region. */
const mayManageCatalogueOf = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) || (can(actor, 'approvalCatalogue.manage') && actor.regionPath === regionPath);

async function departmentNames(db: Queryable, rows: readonly ProcedureRow[]) {
  const ids = [...new Set(rows.map((r) => r.departmentId).filter((id): id is string => id !== null))];
  const found = ids.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, ids))
    : [];
  return new Map(found.map((d) => [d.id, d.name]));
}

function presentProcedure(row: ProcedureRow, departmentName: string | null) {
  return {
    id: row.id,
    regionCode: row.regionCode,
    code: row.code,
    name: row.name,
    departmentId: row.departmentId,
    departmentName,
    statutoryDays: row.statutoryDays,
    committedDays: row.committedDays,
    dependsOn: row.dependsOn,
    requiredBeforeStart: row.requiredBeforeStart,
    routes: row.routes as ('approval' | 'ratification' | 'filing')[],
    domains: row.domains,
    deemedApproval: row.deemedApproval,
    sortOrder: row.sortOrder,
    active: row.active,
    version: row.version,
  };
}

/** 前期手续目录 as seen from a region in the actor's jurisdiction (the actor's own by default). */
export async function getApprovalCatalogue(db: Queryable, actor: Actor, regionCode: string | undefined) {
  authorize(actor, 'approval.read');
  const region = await regionByCode(db, regionCode ?? actor.regionCode);
  if (!seesRegionSettings(actor, region.path)) throw new AppError('NOT_FOUND', '区域不存在');
  const catalogue = await effectiveCatalogue(db, region.path);
  const names = await departmentNames(db, catalogue.procedures);
  const [catalogueRegion] = catalogue.regionCode
    ? await db.select({ name: regions.name }).from(regions).where(eq(regions.code, catalogue.regionCode))
    : [];
  return {
    regionCode: region.code,
    catalogueRegionCode: catalogue.regionCode,
    catalogueRegionName: catalogueRegion?.name ?? null,
    // The catalogue shown may be changed only where it is the region's own (or none exists yet).
    canManage:
      mayManageCatalogueOf(actor, region.path) &&
      (catalogue.regionPath === null || catalogue.regionPath === region.path),
    canStartOwn: mayManageCatalogueOf(actor, region.path) && catalogue.regionPath !== region.path,
    data: catalogue.procedures.map((row) =>
      presentProcedure(row, row.departmentId ? (names.get(row.departmentId) ?? null) : null),
    ),
  };
}

/**
 * A department may approve in a region when it is a department (kind) whose region is that region,
 * one above it, or one below it in the same jurisdiction.
 */
export async function assertDepartment(
  db: Queryable,
  departmentId: string,
  regionPath: string,
  path = 'departmentId',
) {
  const [department] = await db
    .select({ kind: organisations.kind, regionPath: organisations.regionPath, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, departmentId));
  const reachable =
    department &&
    (pathInSubtree(regionPath, department.regionPath) || pathInSubtree(department.regionPath, regionPath));
  if (department?.kind !== 'department' || !reachable)
    throw new AppError('VALIDATION_FAILED', '审批部门应为本辖区或上级的职能部门', [
      { path, message: '应为本辖区或上级的职能部门' },
    ]);
  return department;
}

function assertDependencies(
  procedures: readonly { code: string; name: string; dependsOn: readonly string[] }[],
  changed: { code: string; dependsOn: readonly string[] },
) {
  const codes = new Set(procedures.map((p) => p.code));
  const unknown = changed.dependsOn.filter((code) => !codes.has(code) || code === changed.code);
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', `前置手续“${unknown.join('、')}”不在本目录中`, [
      { path: 'dependsOn', message: `不在本目录中：${unknown.join('、')}` },
    ]);
  dependencyOrder(procedures);
}

async function assertManageable(db: Queryable, actor: Actor, regionCode: string) {
  const region = await regionByCode(db, regionCode);
  if (!mayManageCatalogueOf(actor, region.path)) throw new AppError('FORBIDDEN', '只能维护本辖区的手续目录');
  return region;
}

export async function createApprovalProcedure(ctx: Ctx, input: CreateApprovalProcedure) {
  authorize(ctx.actor, 'approvalCatalogue.manage');
  const region = await assertManageable(ctx.db, ctx.actor, input.regionCode);
  const own = await ctx.db
    .select()
    .from(approvalProcedures)
    .where(eq(approvalProcedures.regionPath, region.path));
  if (own.some((p) => p.code === input.code))
    throw new AppError('CONFLICT', `本目录已有代码为“${input.code}”的手续`, [
      { path: 'code', message: '代码已存在' },
    ]);
  assertDependencies([...own, { code: input.code, name: input.name, dependsOn: input.dependsOn }], input);
  const department = input.departmentId
    ? await assertDepartment(ctx.db, input.departmentId, region.path)
    : null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(approvalProcedures)
      .values({
        ...input,
        regionCode: region.code,
        regionPath: region.path,
        sortOrder: own.reduce((max, p) => Math.max(max, p.sortOrder), 0) + 10,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'approvalProcedure.create',
      entityType: 'approvalProcedure',
      entityId: row!.id,
      regionPath: region.path,
      detail: { code: input.code, name: input.name, committedDays: input.committedDays },
    });
    return presentProcedure(row!, department?.name ?? null);
  });
}

export async function updateApprovalProcedure(ctx: Ctx, id: string, input: UpdateApprovalProcedure) {
  authorize(ctx.actor, 'approvalCatalogue.manage');
  const [current] = await ctx.db.select().from(approvalProcedures).where(eq(approvalProcedures.id, id));
  if (!current || !seesRegionSettings(ctx.actor, current.regionPath))
    throw new AppError('NOT_FOUND', '目录手续不存在');
  await assertManageable(ctx.db, ctx.actor, current.regionCode);
  const { version, ...set } = input;
  if (set.dependsOn) {
    const own = await ctx.db
      .select()
      .from(approvalProcedures)
      .where(eq(approvalProcedures.regionPath, current.regionPath));
    assertDependencies(
      own.map((p) => (p.id === id ? { ...p, dependsOn: set.dependsOn! } : p)),
      { code: current.code, dependsOn: set.dependsOn },
    );
  }
  const department = set.departmentId
    ? await assertDepartment(ctx.db, set.departmentId, current.regionPath)
    : null;
  const row = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: approvalProcedures,
      where: eq(approvalProcedures.id, id),
      version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: (saved) => ({
        action: 'approvalProcedure.update',
        entityType: 'approvalProcedure',
        entityId: id,
        regionPath: current.regionPath,
        changes: Object.fromEntries(
          Object.keys(set).map((field) => [
            field,
            {
              before: current[field as keyof ProcedureRow] as unknown,
              after: saved[field as keyof ProcedureRow] as unknown,
            },
          ]),
        ),
      }),
      conflict: '该手续已被他人修改，请刷新后重试',
    }),
  );
  const name =
    department?.name ??
    (row.departmentId ? ((await departmentNames(ctx.db, [row])).get(row.departmentId) ?? null) : null);
  return presentProcedure(row, name);
}

/**
 * Starts a region's own catalogue: a copy of the one that applies there from above, or — when there is
 * none — the standard catalogue with each procedure's department found by sector among the
 * departments of the region and above (nearest first). Refused when the region has one already.
 */
export async function loadApprovalPreset(ctx: Ctx, regionCode: string) {
  authorize(ctx.actor, 'approvalCatalogue.manage');
  const region = await assertManageable(ctx.db, ctx.actor, regionCode);
  const inherited = await effectiveCatalogue(ctx.db, region.path);
  if (inherited.regionPath === region.path)
    throw new AppError('CONFLICT', '本辖区已有手续目录，请在目录中修改');
  const paths = [region.path, ...ancestorPaths(region.path).reverse()];
  const departments = await ctx.db
    .select({ id: organisations.id, sector: organisations.sector, regionPath: organisations.regionPath })
    .from(organisations)
    .where(and(eq(organisations.kind, 'department'), inArray(organisations.regionPath, paths)));
  const departmentFor = (sector: string) =>
    departments
      .filter((d) => d.sector === sector)
      .sort((a, b) => paths.indexOf(a.regionPath) - paths.indexOf(b.regionPath))[0]?.id ?? null;
  const source =
    inherited.procedures.length > 0
      ? inherited.procedures.map((p) => ({ ...p, departmentId: p.departmentId }))
      : standardProcedures.map((p, index) => ({
          ...p,
          departmentId: departmentFor(p.departmentSector),
          sortOrder: (index + 1) * 10,
          active: true,
        }));
  await ctx.db.transaction(async (tx) => {
    for (const p of source)
      await tx.insert(approvalProcedures).values({
        regionCode: region.code,
        regionPath: region.path,
        code: p.code,
        name: p.name,
        departmentId: p.departmentId,
        statutoryDays: p.statutoryDays,
        committedDays: p.committedDays,
        dependsOn: [...p.dependsOn],
        requiredBeforeStart: p.requiredBeforeStart,
        routes: [...p.routes],
        domains: [...p.domains],
        deemedApproval: p.deemedApproval,
        sortOrder: p.sortOrder,
        active: p.active,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      });
    await recordAudit(tx, ctx, {
      action: 'approvalProcedure.loadPreset',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      detail: { from: inherited.regionCode ?? 'standard', procedures: source.length },
    });
  });
  return getApprovalCatalogue(ctx.db, ctx.actor, region.code);
}
