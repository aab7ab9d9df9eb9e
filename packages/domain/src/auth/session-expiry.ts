import type { SecurityPolicy } from './security-policy';

/**
 * Whether a session is still alive: used within `sessionIdleMinutes` of its last request and younger
 * than `sessionMaxHours`. Both limits apply; whichever comes first ends it.
 */
export function sessionAlive(
  session: { createdAt: Date; lastSeenAt: Date },
  policy: Pick<SecurityPolicy, 'sessionIdleMinutes' | 'sessionMaxHours'>,
  now: Date,
): boolean {
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  const ageMs = now.getTime() - session.createdAt.getTime();
  return idleMs < policy.sessionIdleMinutes * 60_000 && ageMs < policy.sessionMaxHours * 3_600_000;
}
