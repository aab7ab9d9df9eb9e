import type { Ctx } from '../../context';
import { recordAudit } from '../audit';
import { revokeSession } from './sessions';

/** Ends the current session; the cookie stops working on the next request. */
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
}
