import { type Actor, AppError, isSystemActor, pathInSubtree } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { regions } from '../db/schema';
import { ancestorPaths } from './scope';

/** A region by its code; an unknown code is VALIDATION_FAILED on the field `path`. */
export async function regionByCode(db: Queryable, code: string, path = 'regionCode') {
  const [region] = await db.select().from(regions).where(eq(regions.code, code));
  if (!region)
    throw new AppError('VALIDATION_FAILED', `区域“${code}”不存在`, [{ path, message: '区域不存在' }]);
  return region;
}

/**
 * Whether the actor sees a region's settings (catalogues, templates): a region in its jurisdiction or
 * one above it, whose settings apply there too.
 */
export const seesRegionSettings = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) ||
  pathInSubtree(regionPath, actor.regionPath) ||
  ancestorPaths(actor.regionPath).includes(regionPath);
