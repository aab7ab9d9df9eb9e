import type { Actor } from '@tuijin/domain';
import { AppError, authorize, pathInSubtree } from '@tuijin/domain';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { regions } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';

export type RegionRow = typeof regions.$inferSelect;

/** A region by code, whatever the actor; for internal lookups. */
export async function loadRegion(db: Queryable, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** A region in the actor's jurisdiction, else NOT_FOUND. */
export async function getRegion(db: Queryable, actor: Actor, code: string): Promise<RegionRow> {
  authorize(actor, 'region.read');
  const row = await loadRegion(db, code);
  if (!row || !pathInSubtree(row.path, actor.regionPath)) throw new AppError('NOT_FOUND');
  return row;
}

/** The regions of the actor's jurisdiction: its own region and everything below it. */
export async function listRegions(db: Queryable, actor: Actor): Promise<RegionRow[]> {
  authorize(actor, 'region.read');
  return db
    .select()
    .from(regions)
    .where(inRegionSubtree(regions.path, actor.regionPath))
    .orderBy(asc(regions.path), asc(regions.sortOrder));
}
