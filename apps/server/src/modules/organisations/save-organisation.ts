import type { CreateOrganisation, UpdateOrganisation } from '@tuijin/contracts';
import { AppError, authorize, pathInSubtree } from '@tuijin/domain';
import { and, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { organisations } from '../../db/schema';
import { announceChange } from '../../lib/process-cache';
import { type AuditInput, diffChanges, recordAudit, updateVersioned } from '../audit';
import { loadRegion } from '../regions';
import { getOrganisation } from './organisations.queries';

async function regionInScope(ctx: Ctx, code: string) {
  const region = await loadRegion(ctx.db, code);
  if (!region || !pathInSubtree(region.path, ctx.actor.regionPath)) {
    throw new AppError('VALIDATION_FAILED', '所属区划不存在或不在本辖区', [
      { path: 'regionCode', message: '所属区划不存在或不在本辖区' },
    ]);
  }
  return region;
}

function checkSector(input: { kind: string; sector: string | null }) {
  if (input.kind === 'department' && !input.sector) {
    throw new AppError('VALIDATION_FAILED', '行业部门须选择行业', [
      { path: 'sector', message: '行业部门须选择行业' },
    ]);
  }
}

async function assertNameFree(db: Queryable, regionCode: string, name: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.regionCode, regionCode),
        eq(organisations.name, name),
        exceptId ? ne(organisations.id, exceptId) : undefined,
      ),
    );
  if (clash)
    throw new AppError('CONFLICT', `本区划已有名为“${name}”的单位`, [
      { path: 'name', message: '同一区划内单位名称不能重复' },
    ]);
}

/** Registers an organisation (office, department, owner unit) in a region of the actor's jurisdiction. */
export async function createOrganisation(ctx: Ctx, input: CreateOrganisation) {
  const region = await regionInScope(ctx, input.regionCode);
  authorize(ctx.actor, 'organisation.manage', { regionPath: region.path });
  checkSector(input);
  await assertNameFree(ctx.db, region.code, input.name);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const values = { ...input, sector: input.kind === 'department' ? input.sector : null };
    const [row] = await tx
      .insert(organisations)
      .values({ ...values, regionPath: region.path, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: row!.id,
      regionPath: region.path,
      changes: diffChanges(null, values),
    });
    return row!.id;
  });
  return getOrganisation(ctx.db, ctx.actor, id);
}

/** Edits an organisation; optimistic version check; moving it is allowed only within scope. */
export async function updateOrganisation(ctx: Ctx, id: string, input: UpdateOrganisation) {
  const current = await getOrganisation(ctx.db, ctx.actor, id);
  authorize(ctx.actor, 'organisation.manage', { regionPath: current.regionPath, organisationId: current.id });
  const region = await regionInScope(ctx, input.regionCode);
  checkSector(input);
  await assertNameFree(ctx.db, region.code, input.name, id);
  const { version, ...fields } = input;
  const values = { ...fields, sector: fields.kind === 'department' ? fields.sector : null };
  const { id: _id, regionName: _rn, regionPath: _rp, version: _v, ...before } = current;
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: organisations,
      where: eq(organisations.id, id),
      version,
      set: { ...values, regionPath: region.path, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        regionPath: region.path,
        changes: diffChanges(before, values),
      }),
    }),
  );
  // Its people's kept sessions hold its name, kind, region and whether it is active.
  await announceChange(ctx.db, { topic: 'sessions', organisationId: id });
  return getOrganisation(ctx.db, ctx.actor, id);
}

/**
 * Registers an owner unit an import names but the library lacks, in the project's region, inside the
 * importer's transaction. Answers its id and its `organisation.create` audit event, which the importer
 * records in its own order (before the projects that point at the unit).
 */
export async function insertOwnerUnit(
  tx: Queryable,
  now: Date,
  name: string,
  region: { code: string; path: string },
  source: string,
): Promise<{ id: string; audit: AuditInput }> {
  const values = { name, kind: 'owner' as const, regionCode: region.code };
  const [row] = await tx
    .insert(organisations)
    .values({ ...values, regionPath: region.path, createdAt: now, updatedAt: now })
    .returning({ id: organisations.id });
  return {
    id: row!.id,
    audit: {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: row!.id,
      regionPath: region.path,
      changes: diffChanges(null, values),
      detail: { source },
    },
  };
}
