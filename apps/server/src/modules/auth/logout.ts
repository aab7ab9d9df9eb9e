import type { Ctx } from '../../context';
import { announceChange } from '../../lib/process-cache';
import { recordAudit } from '../audit';
import { revokeSession } from './sessions';

/** Ends the current session; the cookie stops working on the next request (every process forgets it). */
export async function logout(ctx: Ctx, input: { tokenHash: string; regionPath: string }) {
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, input.tokenHash, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.actor.userId,
      regionPath: input.regionPath,
    });
  });
  await announceChange(ctx.db, { topic: 'sessions', tokenHash: input.tokenHash });
}
