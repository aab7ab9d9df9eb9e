import type {
  CreateInspectionChecklist,
  InspectionChecklist,
  InspectionChecklistView,
  UpdateInspectionChecklist,
} from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  authorize,
  can,
  checkChecklist,
  type InspectionCategory,
  inspectionChecklistPresets,
  isSystemActor,
} from '@tuijin/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { inspectionChecklists, regions } from '../../db/schema';
import { regionByCode, seesRegionSettings } from '../../lib/region-lookup';
import { ancestorPaths } from '../../lib/scope';
import { diffChanges, recordAudit, updateVersioned } from '../audit';

type ChecklistRow = typeof inspectionChecklists.$inferSelect;

/** The checklists that apply in a region: its own, else those of the nearest region above with some. */
export async function effectiveChecklists(db: Queryable, regionPath: string) {
  const paths = [regionPath, ...ancestorPaths(regionPath).reverse()];
  const rows = await db
    .select()
    .from(inspectionChecklists)
    .where(inArray(inspectionChecklists.regionPath, paths))
    .orderBy(asc(inspectionChecklists.sortOrder), asc(inspectionChecklists.createdAt));
  for (const path of paths) {
    const own = rows.filter((r) => r.regionPath === path);
    if (own.length > 0) return { regionPath: path, regionCode: own[0]!.regionCode, rows: own };
  }
  return { regionPath: null, regionCode: null, rows: [] as ChecklistRow[] };
}

const presentRow = (row: ChecklistRow): InspectionChecklist => ({
  id: row.id,
  presetKey: null,
  regionCode: row.regionCode,
  name: row.name,
  items: row.items.map((i) => ({ ...i, category: i.category as InspectionCategory })),
  active: row.active,
  version: row.version,
});

const presetLists = (): InspectionChecklist[] =>
  inspectionChecklistPresets.map((p) => ({
    id: null,
    presetKey: p.key,
    regionCode: null,
    name: p.name,
    items: p.items.map((i) => ({ ...i })),
    active: true,
    version: 0,
  }));

/** The office of a region keeps that region's checklists (`inspection.checklists`). */
const mayManageIn = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) || (can(actor, 'inspection.checklists') && actor.regionPath === regionPath);

/** 督查清单 as seen from a region of the actor's jurisdiction (or above it): own, inherited or presets. */
export async function getInspectionChecklists(
  db: Queryable,
  actor: Actor,
  regionCode: string | undefined,
): Promise<InspectionChecklistView> {
  authorize(actor, 'inspection.read');
  const region = await regionByCode(db, regionCode ?? actor.regionCode);
  if (!seesRegionSettings(actor, region.path)) throw new AppError('NOT_FOUND', '区域不存在');
  const effective = await effectiveChecklists(db, region.path);
  const [source] = effective.regionCode
    ? await db.select({ name: regions.name }).from(regions).where(eq(regions.code, effective.regionCode))
    : [];
  const manages = mayManageIn(actor, region.path);
  return {
    regionCode: region.code,
    sourceRegionCode: effective.regionCode,
    sourceRegionName: source?.name ?? null,
    canManage: manages && effective.regionPath === region.path,
    canStartOwn: manages && effective.regionPath !== region.path,
    data: effective.regionPath === null ? presetLists() : effective.rows.map(presentRow),
  };
}

async function manageableRegion(db: Queryable, actor: Actor, code: string) {
  authorize(actor, 'inspection.checklists');
  const region = await regionByCode(db, code);
  if (!seesRegionSettings(actor, region.path)) throw new AppError('NOT_FOUND', '区域不存在');
  if (!mayManageIn(actor, region.path)) throw new AppError('FORBIDDEN', '只能维护本级辖区的督查清单');
  return region;
}

/**
 * 建立本辖区清单: copies the checklists that apply in the region (from above, or the presets) as its
 * own, which it may then edit. Refused when it has its own already. Audited `inspection.checklist.copy`.
 */
export async function copyInspectionChecklists(ctx: Ctx, regionCode: string) {
  const region = await manageableRegion(ctx.db, ctx.actor, regionCode);
  const effective = await effectiveChecklists(ctx.db, region.path);
  if (effective.regionPath === region.path) throw new AppError('CONFLICT', '本辖区已有督查清单，请直接修改');
  const source =
    effective.regionPath === null
      ? inspectionChecklistPresets.map((p) => ({
          name: p.name,
          items: p.items.map((i) => ({ ...i })),
          active: true,
        }))
      : effective.rows.map((r) => ({ name: r.name, items: r.items, active: r.active }));
  await ctx.db.transaction(async (tx) => {
    await tx.insert(inspectionChecklists).values(
      source.map((s, index) => ({
        regionCode: region.code,
        regionPath: region.path,
        name: s.name,
        items: s.items,
        active: s.active,
        sortOrder: (index + 1) * 10,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'inspection.checklist.copy',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      detail: { from: effective.regionCode ?? 'preset', checklists: source.map((s) => s.name) },
    });
  });
  return getInspectionChecklists(ctx.db, ctx.actor, region.code);
}

/** 新增清单 of the region's own (starting its own set when it has none). Audited `inspection.checklist.create`. */
export async function createInspectionChecklist(ctx: Ctx, input: CreateInspectionChecklist) {
  const region = await manageableRegion(ctx.db, ctx.actor, input.regionCode);
  checkChecklist(input);
  const effective = await effectiveChecklists(ctx.db, region.path);
  if (effective.regionPath !== region.path)
    throw new AppError('CONFLICT', '本辖区沿用上级或预置清单，请先“建立本辖区清单”再新增', [
      { path: 'regionCode', message: '尚未建立本辖区清单' },
    ]);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionChecklists)
      .values({
        regionCode: region.code,
        regionPath: region.path,
        name: input.name,
        items: input.items,
        sortOrder: (effective.rows.length + 1) * 10,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'inspection.checklist.create',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      changes: diffChanges(null, { name: input.name, items: input.items }),
      detail: { checklistId: row!.id },
    });
  });
  return getInspectionChecklists(ctx.db, ctx.actor, region.code);
}

/**
 * 修改清单: its name, items and whether it is in use, with the version (a stale edit is CONFLICT).
 * Inspections already recorded keep the items as they were. Audited `inspection.checklist.update`.
 */
export async function updateInspectionChecklist(ctx: Ctx, id: string, input: UpdateInspectionChecklist) {
  const [row] = await ctx.db.select().from(inspectionChecklists).where(eq(inspectionChecklists.id, id));
  if (!row || !seesRegionSettings(ctx.actor, row.regionPath))
    throw new AppError('NOT_FOUND', '督查清单不存在');
  await manageableRegion(ctx.db, ctx.actor, row.regionCode);
  checkChecklist(input);
  const set = { name: input.name, items: input.items, active: input.active };
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: inspectionChecklists,
      where: eq(inspectionChecklists.id, id),
      version: input.version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'inspection.checklist.update',
        entityType: 'region',
        entityId: row.regionCode,
        regionPath: row.regionPath,
        changes: diffChanges({ name: row.name, items: row.items, active: row.active }, set),
        detail: { checklistId: id },
      }),
      conflict: '督查清单已被他人修改，请刷新后重试',
    }),
  );
  return getInspectionChecklists(ctx.db, ctx.actor, row.regionCode);
}

/** The checklist an inspection uses, as its items are now: one that applies in the project's region, or a preset. */
export async function checklistForInspection(
  db: Queryable,
  projectRegionPath: string,
  ref: { checklistId: string | null; presetKey: string | null },
) {
  const effective = await effectiveChecklists(db, projectRegionPath);
  if (ref.checklistId) {
    const row = effective.rows.find((r) => r.id === ref.checklistId && r.active);
    if (!row)
      throw new AppError('VALIDATION_FAILED', '所选督查清单不适用于该项目所在辖区或已停用', [
        { path: 'checklistId', message: '清单不适用' },
      ]);
    return { id: row.id as string | null, name: row.name, items: row.items };
  }
  const preset = inspectionChecklistPresets.find((p) => p.key === ref.presetKey);
  if (!preset || effective.regionPath !== null)
    throw new AppError('VALIDATION_FAILED', '请选择本辖区适用的督查清单', [
      { path: 'checklistId', message: '请选择督查清单' },
    ]);
  return { id: null, name: preset.name, items: preset.items.map((i) => ({ ...i })) };
}
