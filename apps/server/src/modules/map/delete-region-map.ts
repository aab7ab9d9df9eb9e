import { AppError, authorize, pathInSubtree } from '@tuijin/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { regionMaps, regions } from '../../db/schema';
import { recordAudit } from '../audit';

/**
 * 删除边界图: the region's map goes back to the schematic grid (or to an ancestor's map). Every
 * version stays in the table, marked deleted, and the deletion is audited in the same transaction.
 * A region outside the jurisdiction, or one without a map, is NOT_FOUND.
 */
export async function deleteRegionMap(ctx: Ctx, code: string) {
  authorize(ctx.actor, 'regionMap.manage');
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, code));
  if (!region || !pathInSubtree(region.path, ctx.actor.regionPath)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .update(regionMaps)
      .set({ deletedAt: ctx.clock.now(), deletedBy: ctx.actor.userId })
      .where(and(eq(regionMaps.regionCode, code), isNull(regionMaps.deletedAt)))
      .returning({ id: regionMaps.id, version: regionMaps.version });
    if (removed.length === 0) throw new AppError('NOT_FOUND', '该区划没有边界图');
    await recordAudit(tx, ctx, {
      action: 'regionMap.delete',
      entityType: 'regionMap',
      entityId: removed[0]!.id,
      regionPath: region.path,
      detail: { regionCode: code, versions: removed.map((r) => r.version) },
    });
  });
  return { ok: true as const };
}
