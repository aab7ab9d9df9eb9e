import { type AccountThrottle, AppError, accountThrottle, type SecurityPolicy } from '@tuijin/domain';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/database';
import { loginAttempts } from '../../db/schema';
import { countWindowHit, readWindowHits } from '../../http/rate-limit-store';
import { recordAudit } from '../audit';
import { consumeCaptcha } from './login-captcha';

const hour = 3_600_000;

/** Who a login attempt is audited as: the typed username, no user id. */
type AuditAs = Parameters<typeof recordAudit>[1];

export interface LoginAttempt {
  username: string;
  ip: string;
  now: Date;
  policy: SecurityPolicy;
  captcha?: { id: string; answer: string };
}

/** The path of the error detail that tells the login page to show the CAPTCHA. */
export const captchaDetailPath = 'captcha';

/**
 * The key of the per-address request limit on the login route: the address together with the typed
 * username, so a county behind one NAT address can sign many people in at month-end while one
 * address hammering one account is still slowed. (Counted in `rate_limit_hits`, like every limit.)
 */
export function loginRateKey(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined;
  const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
  return `${request.ip} ${username}`;
}

const addressBucket = (ip: string) => `login failures ${ip}`;
const hourOf = (now: Date) => new Date(Math.floor(now.getTime() / hour) * hour);

/** The account's failed attempts since its last success, from every address, oldest first. */
export async function accountFailures(db: Queryable, username: string, since: Date): Promise<Date[]> {
  const attempts = await db
    .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), gt(loginAttempts.at, since)))
    .orderBy(asc(loginAttempts.at), asc(loginAttempts.id));
  const lastSuccess = attempts.findLastIndex((a) => a.succeeded);
  return attempts.slice(lastSuccess + 1).map((a) => a.at);
}

/** The account-wide throttle now (see `accountThrottle` in the domain). */
export async function accountThrottleNow(
  db: Queryable,
  attempt: Pick<LoginAttempt, 'username' | 'now' | 'policy'>,
): Promise<AccountThrottle> {
  const { policy, now } = attempt;
  const horizon = new Date(
    now.getTime() - (policy.lockoutWindowMinutes + policy.accountLockoutMinutes) * 60_000,
  );
  return accountThrottle(await accountFailures(db, attempt.username, horizon), policy, now);
}

const minutesUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

function accountLockedError(until: Date, now: Date) {
  return new AppError(
    'RATE_LIMITED',
    `该账号登录失败次数过多，已临时锁定（任何地址均不能登录），请 ${minutesUntil(until, now)} 分钟后再试`,
  );
}

function captchaError(message: string, issue: 'captcha.required' | 'captcha.wrong') {
  return new AppError('VALIDATION_FAILED', message, [{ path: captchaDetailPath, message, issue }]);
}

/**
 * Checks, before any password is verified, that an attempt may go on: the address has not failed
 * too often this hour (all accounts together), the account is neither locked nor inside its
 * progressive delay, and a solved CAPTCHA comes with it once the account has failed
 * `captchaAfterFailures` times. Every refusal is audited (`auth.login.refused` with its reason) and
 * thrown with a message that says what to do.
 */
export async function guardLoginAttempt(
  db: Queryable,
  auditAs: AuditAs,
  attempt: LoginAttempt,
): Promise<void> {
  const { now, policy } = attempt;
  const refuse = async (reason: string, error: AppError, detail: Record<string, unknown> = {}) => {
    await db.transaction((tx) =>
      recordAudit(tx, auditAs, { action: 'auth.login.refused', detail: { reason, ...detail } }),
    );
    return error;
  };

  const addressFailures = await readWindowHits(db, addressBucket(attempt.ip), hourOf(now));
  if (addressFailures >= policy.addressMaxFailuresPerHour) {
    const nextHour = new Date(hourOf(now).getTime() + hour);
    throw await refuse(
      'addressLimit',
      new AppError(
        'RATE_LIMITED',
        `本地址本小时登录失败已达 ${policy.addressMaxFailuresPerHour} 次，请 ${minutesUntil(nextHour, now)} 分钟后再试`,
      ),
      { failures: addressFailures },
    );
  }

  const state = await accountThrottleNow(db, attempt);
  if (state.lockedUntil) {
    throw await refuse('accountLocked', accountLockedError(state.lockedUntil, now), {
      lockedUntil: state.lockedUntil,
    });
  }
  if (state.notBefore) {
    const seconds = Math.max(1, Math.ceil((state.notBefore.getTime() - now.getTime()) / 1000));
    throw await refuse(
      'tooSoon',
      new AppError('RATE_LIMITED', `该账号登录失败次数较多，请 ${seconds} 秒后再试`),
      { notBefore: state.notBefore },
    );
  }
  if (!state.captchaRequired) return;
  if (!attempt.captcha) {
    throw await refuse(
      'captchaRequired',
      captchaError('该账号登录失败次数较多，请输入图形验证码后再登录', 'captcha.required'),
      { failures: state.failures },
    );
  }
  const solved = await consumeCaptcha(db, auditAs.auditKey, { ...attempt.captcha, now });
  if (!solved) {
    throw await refuse(
      'captchaWrong',
      captchaError('图形验证码错误或已过期，请按新图片重新输入', 'captcha.wrong'),
    );
  }
}

/**
 * After a failed attempt (inside its transaction, the attempt already stored): counts it against
 * the address, and answers the error the login should throw when the account is now locked
 * (audited `auth.lockout`, scope account) or now needs a CAPTCHA — null for a plain failure.
 */
export async function noteLoginFailure(
  tx: Queryable,
  auditAs: AuditAs,
  attempt: Omit<LoginAttempt, 'captcha'> & {
    user: { userId: string; regionPath: string } | undefined;
    plainError: AppError;
  },
): Promise<AppError | null> {
  await countWindowHit(tx, addressBucket(attempt.ip), hourOf(attempt.now));
  const state = await accountThrottleNow(tx, attempt);
  if (state.lockedUntil) {
    await recordAudit(tx, auditAs, {
      action: 'auth.lockout',
      entityType: attempt.user ? 'user' : undefined,
      entityId: attempt.user?.userId,
      regionPath: attempt.user?.regionPath ?? null,
      detail: { scope: 'account', lockedUntil: state.lockedUntil, failures: state.failures },
    });
    return accountLockedError(state.lockedUntil, attempt.now);
  }
  if (state.captchaRequired) {
    return new AppError('UNAUTHENTICATED', attempt.plainError.message, [
      {
        path: captchaDetailPath,
        message: '该账号登录失败次数较多，下次登录须输入图形验证码',
        issue: 'captcha.next',
      },
    ]);
  }
  return null;
}
