import type { UpdateSecurityPolicy } from '@tuijin/contracts';
import { AppError, authorize, SecurityPolicy } from '@tuijin/domain';
import type { Ctx } from '../../context';
import { writeSetting } from '../../lib/settings-store';
import { diffChanges, recordAudit } from '../audit';
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
    await writeSetting(tx, {
      key: securityPolicyKey,
      value: next,
      version,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'securityPolicy.update',
      entityType: 'setting',
      entityId: securityPolicyKey,
      changes: diffChanges(before, next),
    });
    return { ...next, version: version + 1 };
  });
}
