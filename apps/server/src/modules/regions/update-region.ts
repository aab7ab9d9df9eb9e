import type { UpdateRegion } from '@tuijin/contracts';
import { authorize } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { regions } from '../../db/schema';
import { announceChange } from '../../lib/process-cache';
import { diffChanges, updateVersioned } from '../audit';
import { getRegion } from './regions.queries';

/** Renames a region; a stale version is a CONFLICT. Codes and places in the tree never change. */
export async function updateRegion(ctx: Ctx, code: string, input: UpdateRegion) {
  const current = await getRegion(ctx.db, ctx.actor, code);
  authorize(ctx.actor, 'region.manage', { regionPath: current.path });
  const updated = await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: regions,
      where: eq(regions.code, code),
      version: input.version,
      set: { name: input.name, updatedAt: ctx.clock.now() },
      audit: (row) => ({
        action: 'region.update',
        entityType: 'region',
        entityId: code,
        regionPath: row.path,
        changes: diffChanges({ name: current.name }, { name: row.name }),
      }),
    }),
  );
  // Kept sessions carry their region's name.
  await announceChange(ctx.db, { topic: 'sessions' });
  return updated;
}
