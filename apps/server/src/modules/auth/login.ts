import { AppError, lockoutUntil, type SecurityPolicy, systemActor, twoFactorRequired } from '@tuijin/domain';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { loginAttempts, users } from '../../db/schema';
import { recordAudit } from '../audit';
import { getSecurityPolicy } from '../security';
import { type ActorRow, actorSource, toActor } from './actor.queries';
import { guardLoginAttempt, noteLoginFailure } from './login-throttle';
import { expirePasswordIfDue } from './password-policy';
import { hashPassword, passwordHashNeedsUpgrade, verifyPassword } from './passwords';
import { createSession, type PendingStep } from './sessions';
import { hasConfirmedTotp } from './two-factor-store';

export interface LoginInput {
  username: string;
  password: string;
  userAgent: string | null;
  /** The solved image CAPTCHA, demanded after repeated failures (login-throttle.ts). */
  captcha?: { id: string; answer: string };
}

/** One message for a wrong password, an unknown user and a disabled account: no enumeration. */
export const loginFailedMessage = '用户名或密码错误';

type LoginCtx = Pick<Ctx, 'db' | 'clock' | 'ip' | 'auditKey'>;

async function failuresSinceLastSuccess(db: Queryable, username: string, ip: string, since: Date) {
  const attempts = await db
    .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), eq(loginAttempts.ip, ip), gt(loginAttempts.at, since)))
    .orderBy(asc(loginAttempts.at), asc(loginAttempts.id));
  const lastSuccess = attempts.findLastIndex((a) => a.succeeded);
  return attempts.slice(lastSuccess + 1).map((a) => a.at);
}

/**
 * The end of a lockout on the typed username and client address, or null: counted over the failures
 * (wrong passwords and wrong second-factor codes alike) since the last success.
 */
export async function lockedUntilFor(
  db: Queryable,
  username: string,
  ip: string,
  policy: Pick<SecurityPolicy, 'lockoutMaxFailures' | 'lockoutWindowMinutes' | 'lockoutDurationMinutes'>,
  now: Date,
): Promise<Date | null> {
  const horizon = new Date(
    now.getTime() - (policy.lockoutWindowMinutes + policy.lockoutDurationMinutes) * 60_000,
  );
  return lockoutUntil(await failuresSinceLastSuccess(db, username, ip, horizon), policy, now);
}

/**
 * Checks a username and password and opens a session. Every attempt is audited; lockout is keyed
 * on the typed username and the client address (unknown usernames lock too, so locking reveals
 * nothing), and a locked pair is refused without checking the password.
 */
export async function login(
  ctx: LoginCtx,
  input: LoginInput,
): Promise<{ token: string; actorRow: ActorRow; pendingStep: PendingStep | null }> {
  const now = ctx.clock.now();
  const ip = ctx.ip ?? 'local';
  const username = input.username.trim().toLowerCase();
  const policy = await getSecurityPolicy(ctx.db);
  const auditAs = { ...ctx, actor: { ...systemActor, userId: null as unknown as string, username } };

  const lockedUntil = await lockedUntilFor(ctx.db, username, ip, policy, now);
  if (lockedUntil) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditAs, { action: 'auth.login.refused', detail: { reason: 'locked', lockedUntil } }),
    );
    throw lockedError(lockedUntil, now);
  }
  await guardLoginAttempt(ctx.db, auditAs, { username, ip, now, policy, captcha: input.captcha });

  const [row] = await actorSource(ctx.db).where(eq(users.username, username)).limit(1);
  const [secret] = row
    ? await ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, row.userId))
    : [];
  const passwordOk = await verifyPassword(secret?.hash ?? null, input.password);
  const usable = row?.isActive && row.organisationActive;

  if (!row || !passwordOk || !usable) {
    const reason = !row ? 'unknownUser' : !passwordOk ? 'wrongPassword' : 'disabled';
    const lockedNow = await ctx.db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ username, ip, succeeded: false, at: now });
      await recordAudit(tx, auditAs, {
        action: 'auth.login.failed',
        entityType: row ? 'user' : undefined,
        entityId: row?.userId,
        regionPath: row?.regionPath ?? null,
        detail: { reason },
      });
      const until = await lockedUntilFor(tx, username, ip, policy, now);
      if (until) {
        await recordAudit(tx, auditAs, {
          action: 'auth.lockout',
          entityType: row ? 'user' : undefined,
          entityId: row?.userId,
          regionPath: row?.regionPath ?? null,
          detail: { lockedUntil: until, failures: policy.lockoutMaxFailures },
        });
      }
      const plainError = new AppError('UNAUTHENTICATED', loginFailedMessage);
      const throttled = await noteLoginFailure(tx, auditAs, {
        username,
        ip,
        now,
        policy,
        user: row,
        plainError,
      });
      return { until, error: throttled ?? plainError };
    });
    if (lockedNow.until) throw lockedError(lockedNow.until, now);
    throw lockedNow.error;
  }

  // A hash made by another algorithm than the policy's (argon2id ↔ PBKDF2-HMAC-SM3) is re-made now,
  // while the password is at hand; the login's audit event says so.
  const rehashTo =
    secret?.hash && passwordHashNeedsUpgrade(secret.hash, policy.passwordHashAlgorithm)
      ? policy.passwordHashAlgorithm
      : null;
  const newHash = rehashTo ? await hashPassword(input.password, rehashTo) : null;
  // With an authenticator enrolled a code is owed; without one where the policy requires it, enrolment.
  const pendingStep: PendingStep | null = (await hasConfirmedTotp(ctx.db, row.userId))
    ? 'totp'
    : twoFactorRequired(toActor(row).roles, policy)
      ? 'enrol'
      : null;
  let expired = false;
  const token = await ctx.db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ username, ip, succeeded: true, at: now });
    if (newHash || !pendingStep) {
      await tx
        .update(users)
        .set({ ...(pendingStep ? {} : { lastLoginAt: now }), ...(newHash ? { passwordHash: newHash } : {}) })
        .where(eq(users.id, row.userId));
    }
    const actor = toActor(row);
    expired = await expirePasswordIfDue(tx, { ...ctx, actor }, { userId: row.userId, now, policy });
    await recordAudit(
      tx,
      { ...ctx, actor: toActor(row) },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: row.userId,
        regionPath: row.regionPath,
        ...(rehashTo || pendingStep
          ? {
              detail: {
                ...(rehashTo ? { passwordRehashedTo: rehashTo } : {}),
                ...(pendingStep ? { step: 'password', secondFactor: pendingStep } : {}),
              },
            }
          : {}),
      },
    );
    return createSession(tx, {
      userId: row.userId,
      ip: ctx.ip,
      userAgent: input.userAgent,
      now,
      pendingStep,
    });
  });
  return { token, actorRow: expired ? { ...row, mustChangePassword: true } : row, pendingStep };
}

export function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('RATE_LIMITED', `登录失败次数过多，账号已临时锁定，请 ${minutes} 分钟后再试`);
}
