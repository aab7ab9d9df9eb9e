import type { SecurityPolicy } from './security-policy';

const minute = 60_000;

/** The longest progressive delay between two attempts on one account, in seconds. */
export const maxLoginDelaySeconds = 60;

/** What the next login attempt on one account (from any address) must wait for or bring. */
export interface AccountThrottle {
  /** The account is locked (from every address) until then; the password is not checked. */
  lockedUntil: Date | null;
  /** Progressive delay: no attempt before this time (null when none is due). */
  notBefore: Date | null;
  /** The attempt must carry a solved image CAPTCHA. */
  captchaRequired: boolean;
  /** Failures counted inside the window. */
  failures: number;
}

type ThrottlePolicy = Pick<
  SecurityPolicy,
  'accountMaxFailures' | 'lockoutWindowMinutes' | 'accountLockoutMinutes' | 'captchaAfterFailures'
>;

/**
 * The delay after the `failures`-th failure: none before the CAPTCHA threshold, then 1 s doubling
 * with each further failure (1, 2, 4, 8 …), at most {@link maxLoginDelaySeconds}.
 */
export function loginDelaySeconds(failures: number, captchaAfterFailures: number): number {
  if (failures < captchaAfterFailures) return 0;
  return Math.min(2 ** (failures - captchaAfterFailures), maxLoginDelaySeconds);
}

/**
 * The account-wide throttle (issue 20 item 6), across every client address: given the account's
 * failed attempts since its last success (oldest first), only those within `lockoutWindowMinutes`
 * of now count. `accountMaxFailures` of them lock the account for `accountLockoutMinutes` after the
 * latest; from `captchaAfterFailures` on, each attempt needs a CAPTCHA and waits a delay that
 * doubles with every further failure. A distributed guess (80 tries from 20 addresses) is stopped
 * here, while the per-address rules stay loose enough for a county behind one NAT address.
 */
export function accountThrottle(
  failures: readonly Date[],
  policy: ThrottlePolicy,
  now: Date,
): AccountThrottle {
  const last = failures.at(-1);
  if (!last) return { lockedUntil: null, notBefore: null, captchaRequired: false, failures: 0 };
  // A lock runs from the failure that set it, even when the failures have left the window since.
  const lockWindowStart = last.getTime() - policy.lockoutWindowMinutes * minute;
  const atLock = failures.filter((at) => at.getTime() > lockWindowStart).length;
  if (atLock >= policy.accountMaxFailures) {
    const until = new Date(last.getTime() + policy.accountLockoutMinutes * minute);
    if (until > now) return { lockedUntil: until, notBefore: null, captchaRequired: true, failures: atLock };
  }
  const windowStart = now.getTime() - policy.lockoutWindowMinutes * minute;
  const recent = failures.filter((at) => at.getTime() > windowStart).length;
  const delay = loginDelaySeconds(recent, policy.captchaAfterFailures);
  const notBefore = delay > 0 ? new Date(last.getTime() + delay * 1000) : null;
  return {
    lockedUntil: null,
    notBefore: notBefore && notBefore > now ? notBefore : null,
    captchaRequired: recent >= policy.captchaAfterFailures,
    failures: recent,
  };
}
