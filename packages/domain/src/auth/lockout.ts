import type { SecurityPolicy } from './security-policy';

const minute = 60_000;

/**
 * Lockout for one account + client address. Given the failed attempts since the last success
 * (oldest first), the pair is locked when `lockoutMaxFailures` of them fall within
 * `lockoutWindowMinutes` ending at the latest failure, until `lockoutDurationMinutes` after it.
 * Keyed on account and address so one county's shared NAT address cannot lock everyone out.
 */
export function lockoutUntil(
  failures: readonly Date[],
  policy: Pick<SecurityPolicy, 'lockoutMaxFailures' | 'lockoutWindowMinutes' | 'lockoutDurationMinutes'>,
  now: Date,
): Date | null {
  const last = failures.at(-1);
  if (!last) return null;
  const windowStart = last.getTime() - policy.lockoutWindowMinutes * minute;
  const recent = failures.filter((at) => at.getTime() > windowStart);
  if (recent.length < policy.lockoutMaxFailures) return null;
  const until = new Date(last.getTime() + policy.lockoutDurationMinutes * minute);
  return until.getTime() > now.getTime() ? until : null;
}
