import {
  AppError,
  normaliseRecoveryCode,
  normaliseTotpCode,
  secondFactorMaxFailures,
  twoFactorRequired,
} from '@tuijin/domain';
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { loginAttempts, sessions, users } from '../../db/schema';
import { type AuditInput, recordAudit } from '../audit';
import { getSecurityPolicy } from '../security';
import { type ActorRow, toActor } from './actor.queries';
import { lockedError, lockedUntilFor } from './login';
import { createSession, type PendingStep, revokeSession } from './sessions';
import { newTotpSecret, totpQrDataUrl, totpUri, verifyTotpCode } from './totp';
import {
  hasConfirmedTotp,
  issueRecoveryCodes,
  recoveryCodesLeft,
  spendRecoveryCode,
  storePendingTotp,
  takeTimeStep,
  totpOf,
} from './two-factor-store';

type AuthCtx = Pick<Ctx, 'db' | 'clock' | 'ip' | 'auditKey'>;

/** Who is enrolling or giving a code: a half-logged-in session, or (enrolment only) a signed-in one. */
export interface TwoFactorSubject {
  actorRow: ActorRow;
  tokenHash: string;
  /** The half-logged-in session's step and wrong codes so far; null for a full session. */
  pending: { step: PendingStep; failedCodes: number } | null;
  userAgent: string | null;
}

const wrongCode = '动态口令或恢复码不正确';

const audit = (tx: Queryable, ctx: AuthCtx, row: ActorRow, input: Omit<AuditInput, 'entityType'>) =>
  recordAudit(
    tx,
    { ...ctx, actor: toActor(row) },
    { entityType: 'user', entityId: row.userId, regionPath: row.regionPath, ...input },
  );

/** Whether the user has an authenticator, whether the policy requires one, and recovery codes left. */
export async function twoFactorStatus(db: Queryable, row: ActorRow) {
  const policy = await getSecurityPolicy(db);
  return {
    isEnrolled: await hasConfirmedTotp(db, row.userId),
    isRequired: twoFactorRequired(toActor(row).roles, policy),
    recoveryCodesLeft: await recoveryCodesLeft(db, row.userId),
  };
}

/**
 * 绑定动态口令, step one: a new secret (stored encrypted, not yet in force), its `otpauth://` address
 * and the QR code drawn here. Refused while an authenticator is in force (a reset comes first).
 */
export async function startTotpEnrolment(ctx: AuthCtx, subject: TwoFactorSubject) {
  const { actorRow } = subject;
  if (await hasConfirmedTotp(ctx.db, actorRow.userId))
    throw new AppError('CONFLICT', '已绑定动态口令；如需更换，请联系安全管理员重置');
  const secret = newTotpSecret();
  await ctx.db.transaction(async (tx) => {
    await storePendingTotp(tx, ctx.auditKey, actorRow.userId, secret, ctx.clock.now());
    await audit(tx, ctx, actorRow, { action: 'auth.twoFactor.enrol', detail: { stage: 'started' } });
  });
  const otpauthUri = totpUri(secret, actorRow.username);
  return { secret, otpauthUri, qrDataUrl: await totpQrDataUrl(otpauthUri) };
}

/**
 * 绑定动态口令, step two: a code from the app proves it holds the secret; the secret comes into force
 * and ten recovery codes are issued (shown this once). A half-logged-in session becomes a full one
 * (a new token). A wrong code counts like one at login.
 */
export async function confirmTotpEnrolment(ctx: AuthCtx, subject: TwoFactorSubject, code: string) {
  const { actorRow } = subject;
  const now = ctx.clock.now();
  await refuseWhileLocked(ctx, actorRow);
  const totp = await totpOf(ctx.db, ctx.auditKey, actorRow.userId);
  if (!totp || totp.isConfirmed) throw new AppError('CONFLICT', '请先开始绑定动态口令');
  const step = verifyTotpCode(totp.secret, normaliseTotpCode(code), now, null);
  if (step === null) return failCode(ctx, subject, 'enrol');
  return ctx.db.transaction(async (tx) => {
    if (!(await takeTimeStep(tx, actorRow.userId, step, now))) throw new AppError('CONFLICT');
    const recoveryCodes = await issueRecoveryCodes(tx, ctx.auditKey, actorRow.userId, now);
    await audit(tx, ctx, actorRow, { action: 'auth.twoFactor.enrol', detail: { stage: 'confirmed' } });
    const token = subject.pending ? await completeLogin(tx, ctx, subject, 'enrolled') : null;
    return { recoveryCodes, token };
  });
}

/**
 * 第二步登录: a six-digit code from the authenticator (one step of clock drift either side, never a
 * step already used) or one unused recovery code turns a half-logged-in session into a full one.
 * Wrong codes count with wrong passwords toward the lockout, and end the half session after
 * {@link secondFactorMaxFailures}.
 */
export async function verifySecondFactor(ctx: AuthCtx, subject: TwoFactorSubject, code: string) {
  const { actorRow } = subject;
  if (subject.pending?.step !== 'totp') throw new AppError('CONFLICT', '请先绑定动态口令');
  const now = ctx.clock.now();
  await refuseWhileLocked(ctx, actorRow);
  const typed = normaliseTotpCode(code);
  if (/^\d{6}$/.test(typed)) {
    const totp = await totpOf(ctx.db, ctx.auditKey, actorRow.userId);
    const step = totp?.isConfirmed ? verifyTotpCode(totp.secret, typed, now, null) : null;
    if (step !== null) {
      const token = await ctx.db.transaction(async (tx) => {
        // A code of a step already used (a replay inside its window) is taken at most once.
        if (!(await takeTimeStep(tx, actorRow.userId, step))) return null;
        await audit(tx, ctx, actorRow, { action: 'auth.twoFactor.verify', detail: { method: 'totp' } });
        return completeLogin(tx, ctx, subject, 'totp');
      });
      if (token) return { token };
      return failCode(ctx, subject, 'login', 'reused');
    }
    return failCode(ctx, subject, 'login');
  }
  const token = await ctx.db.transaction(async (tx) => {
    if (!(await spendRecoveryCode(tx, ctx.auditKey, actorRow.userId, normaliseRecoveryCode(code), now)))
      return null;
    await audit(tx, ctx, actorRow, {
      action: 'auth.twoFactor.recoveryCodeUsed',
      detail: { left: await recoveryCodesLeft(tx, actorRow.userId) },
    });
    return completeLogin(tx, ctx, subject, 'recoveryCode');
  });
  if (token) return { token };
  return failCode(ctx, subject, 'login');
}

async function refuseWhileLocked(ctx: AuthCtx, row: ActorRow) {
  const now = ctx.clock.now();
  const until = await lockedUntilFor(
    ctx.db,
    row.username,
    ctx.ip ?? 'local',
    await getSecurityPolicy(ctx.db),
    now,
  );
  if (until) throw lockedError(until, now);
}

/** Ends the half session, opens a full one (a new token) and stamps the login. */
async function completeLogin(tx: Queryable, ctx: AuthCtx, subject: TwoFactorSubject, method: string) {
  const now = ctx.clock.now();
  const { actorRow } = subject;
  await revokeSession(tx, subject.tokenHash, now);
  await tx
    .insert(loginAttempts)
    .values({ username: actorRow.username, ip: ctx.ip ?? 'local', succeeded: true, at: now });
  await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, actorRow.userId));
  await audit(tx, ctx, actorRow, { action: 'auth.login', detail: { step: 'secondFactor', method } });
  return createSession(tx, { userId: actorRow.userId, ip: ctx.ip, userAgent: subject.userAgent, now });
}

/** Records a wrong (or reused) code: audited, counted toward the lockout and on the half session. */
async function failCode(
  ctx: AuthCtx,
  subject: TwoFactorSubject,
  stage: 'enrol' | 'login',
  reason: 'wrongCode' | 'reused' = 'wrongCode',
): Promise<never> {
  const now = ctx.clock.now();
  const { actorRow } = subject;
  const policy = await getSecurityPolicy(ctx.db);
  const outcome = await ctx.db.transaction(async (tx) => {
    const ip = ctx.ip ?? 'local';
    await tx.insert(loginAttempts).values({ username: actorRow.username, ip, succeeded: false, at: now });
    let failures = 0;
    let ended = false;
    if (subject.pending) {
      const [row] = await tx
        .update(sessions)
        .set({ failedCodes: sql`${sessions.failedCodes} + 1` })
        .where(eq(sessions.tokenHash, subject.tokenHash))
        .returning({ failedCodes: sessions.failedCodes });
      failures = row?.failedCodes ?? 0;
      ended = failures >= secondFactorMaxFailures;
      if (ended) await revokeSession(tx, subject.tokenHash, now);
    }
    await audit(tx, ctx, actorRow, { action: 'auth.twoFactor.failed', detail: { stage, reason, failures } });
    const until = await lockedUntilFor(tx, actorRow.username, ip, policy, now);
    if (until)
      await audit(tx, ctx, actorRow, {
        action: 'auth.lockout',
        detail: { lockedUntil: until, failures: policy.lockoutMaxFailures },
      });
    return { until, ended };
  });
  if (outcome.until) throw lockedError(outcome.until, now);
  if (outcome.ended) throw new AppError('UNAUTHENTICATED', '动态口令错误次数过多，请重新登录');
  if (stage === 'enrol') {
    const message = '动态口令不正确，请核对手机时间后输入应用当前显示的 6 位数字';
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'code', message }]);
  }
  throw new AppError('UNAUTHENTICATED', wrongCode);
}
