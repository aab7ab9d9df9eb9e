import { lockoutUntil } from '@tuijin/domain';
import { asc, gt } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { loginAttempts } from '../../db/schema';
import { getSecurityPolicy } from '../security';

/** An account locked out from at least one client address now, and until when (the latest lock). */
export interface LockedAccount {
  username: string;
  lockedUntil: Date;
  addresses: number;
}

/**
 * The typed usernames locked out now from at least one address: per (username, address), the
 * failed attempts since the last success, judged by the same `lockoutUntil` rule and security
 * policy as the login (only attempts inside the lockout horizon are read). Ordered by username;
 * callers keep the ones they may see.
 */
export async function findLockedAccounts(db: Queryable, now: Date): Promise<LockedAccount[]> {
  const policy = await getSecurityPolicy(db);
  const horizon = new Date(
    now.getTime() - (policy.lockoutWindowMinutes + policy.lockoutDurationMinutes) * 60_000,
  );
  const attempts = await db
    .select({
      username: loginAttempts.username,
      ip: loginAttempts.ip,
      at: loginAttempts.at,
      succeeded: loginAttempts.succeeded,
    })
    .from(loginAttempts)
    .where(gt(loginAttempts.at, horizon))
    .orderBy(asc(loginAttempts.username), asc(loginAttempts.at), asc(loginAttempts.id));
  const byPair = new Map<string, typeof attempts>();
  for (const attempt of attempts) {
    const key = `${attempt.username}\u0000${attempt.ip}`;
    byPair.set(key, [...(byPair.get(key) ?? []), attempt]);
  }
  const locked = new Map<string, LockedAccount>();
  for (const pair of byPair.values()) {
    const lastSuccess = pair.findLastIndex((a) => a.succeeded);
    const failures = pair.slice(lastSuccess + 1).map((a) => a.at);
    const until = lockoutUntil(failures, policy, now);
    if (!until) continue;
    const username = pair[0]!.username;
    const known = locked.get(username);
    locked.set(username, {
      username,
      lockedUntil: known && known.lockedUntil > until ? known.lockedUntil : until,
      addresses: (known?.addresses ?? 0) + 1,
    });
  }
  return [...locked.values()].sort((a, b) => a.username.localeCompare(b.username));
}
