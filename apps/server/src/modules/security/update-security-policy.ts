import type { UpdateSecurityPolicy } from '@tuijin/contracts';
import { AppError, authorize, SecurityPolicy } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { settings } from '../../db/schema';
import { diffChanges, recordAudit } from '../audit/record-audit';
import { getSecurityPolicy, securityPolicyKey } from './security-policy.queries';

/** Saves a new security policy (security admin only); a stale version is a CONFLICT. */
export async function updateSecurityPolicy(ctx: Ctx, input: UpdateSecurityPolicy) {
  authorize(ctx.actor, 'securityPolicy.update');
  const { version, ...fields } = input;
  const next = SecurityPolicy.parse(fields);
  return ctx.db.transaction(async (tx) => {
    const current = await getSecurityPolicy(tx);
    if (current.version !== version) throw new AppError('CONFLICT');
    const { version: _, ...before } = current;
    if (version === 0) {
      const inserted = await tx
        .insert(settings)
        .values({
          key: securityPolicyKey,
          value: next,
          version: 1,
          updatedBy: ctx.actor.userId,
          updatedAt: ctx.clock.now(),
        })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) throw new AppError('CONFLICT');
    } else {
      const updated = await tx
        .update(settings)
        .set({ value: next, version: version + 1, updatedBy: ctx.actor.userId, updatedAt: ctx.clock.now() })
        .where(and(eq(settings.key, securityPolicyKey), eq(settings.version, version)))
        .returning();
      if (updated.length === 0) throw new AppError('CONFLICT');
    }
    await recordAudit(tx, ctx, {
      action: 'securityPolicy.update',
      entityType: 'setting',
      entityId: securityPolicyKey,
      changes: diffChanges(before, next),
    });
    return { ...next, version: version + 1 };
  });
}
