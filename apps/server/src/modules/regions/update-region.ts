import type { UpdateRegion } from '@tuijin/contracts';
import { AppError, authorize } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { regions } from '../../db/schema';
import { diffChanges, recordAudit } from '../audit';
import { getRegion } from './regions.queries';

/** Renames a region; a stale version is a CONFLICT. Codes and places in the tree never change. */
export async function updateRegion(ctx: Ctx, code: string, input: UpdateRegion) {
  const current = await getRegion(ctx.db, ctx.actor, code);
  authorize(ctx.actor, 'region.manage', { regionPath: current.path });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(regions)
      .set({ name: input.name, version: input.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(regions.code, code), eq(regions.version, input.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, ctx, {
      action: 'region.update',
      entityType: 'region',
      entityId: code,
      regionPath: row.path,
      changes: diffChanges({ name: current.name }, { name: row.name }),
    });
    return row;
  });
}
