import { endpoints } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../../context';
import { users } from '../../db/schema';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getSecurityPolicy } from '../security';
import { actorSource } from './actor.queries';
import { presentMe } from './auth.presenter';
import { changePassword } from './change-password';
import { login } from './login';
import { issueCaptcha } from './login-captcha';
import { loginRateKey } from './login-throttle';
import { logout } from './logout';
import { resolvePendingSession, resolveSession, sessionCookieName } from './sessions';
import {
  confirmTotpEnrolment,
  startTotpEnrolment,
  type TwoFactorSubject,
  twoFactorStatus,
  verifySecondFactor,
} from './two-factor';

/**
 * The person behind the request's cookie for a second-factor step: a half-logged-in session, or —
 * for enrolment (`signedIn`) — a full one too. Otherwise 401.
 */
async function twoFactorSubject(
  ctx: Ctx,
  request: FastifyRequest,
  options: { signedIn: boolean },
): Promise<TwoFactorSubject> {
  const token = request.cookies[sessionCookieName];
  const now = ctx.clock.now();
  const userAgent = request.headers['user-agent'] ?? null;
  if (token) {
    const pending = await resolvePendingSession(ctx.db, token, now);
    if (pending)
      return {
        actorRow: pending.actorRow,
        tokenHash: pending.tokenHash,
        pending: { step: pending.pendingStep, failedCodes: pending.failedCodes },
        userAgent,
      };
    const full = options.signedIn
      ? await resolveSession(ctx.db, token, await getSecurityPolicy(ctx.db), now)
      : null;
    if (full) return { actorRow: full, tokenHash: full.tokenHash, pending: null, userAgent };
  }
  throw new AppError('UNAUTHENTICATED', '登录已过期，请重新输入用户名和密码');
}

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  options: { secure: boolean; loginRatePerMinute: number; captchaText?: () => string },
) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.secure };
  const rateLimit = { max: options.loginRatePerMinute, timeWindow: '1 minute' };

  defineRoute(
    app,
    deps,
    endpoints.login,
    'public',
    async ({ body, ctx, request, reply }) => {
      const { captchaId, captchaAnswer, ...credentials } = body;
      const { token, actorRow, pendingStep } = await login(ctx, {
        ...credentials,
        captcha: captchaId && captchaAnswer ? { id: captchaId, answer: captchaAnswer } : undefined,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(sessionCookieName, token, cookieOptions);
      return { ...presentMe(actorRow), secondFactor: pendingStep };
    },
    {
      // Per address and typed username, after the body is read (see loginRateKey).
      rateLimit: {
        max: options.loginRatePerMinute,
        timeWindow: '1 minute',
        hook: 'preHandler',
        keyGenerator: loginRateKey,
      },
    },
  );

  defineRoute(
    app,
    deps,
    endpoints.loginCaptcha,
    'public',
    async ({ ctx }) => {
      const captcha = await issueCaptcha(ctx, options.captchaText?.());
      return {
        id: captcha.id,
        image: `data:image/svg+xml;base64,${Buffer.from(captcha.svg).toString('base64')}`,
        expiresAt: captcha.expiresAt.toISOString(),
      };
    },
    { rateLimit: { max: options.loginRatePerMinute, timeWindow: '1 minute' } },
  );

  // The second-factor routes are public: a half-logged-in session is no actor anywhere, so each
  // reads its own cookie here (`twoFactorSubject`) and answers 401 without one.
  defineRoute(
    app,
    deps,
    endpoints.verifySecondFactor,
    'public',
    async ({ body, ctx, request, reply }) => {
      const subject = await twoFactorSubject(ctx, request, { signedIn: false });
      const { token } = await verifySecondFactor(ctx, subject, body.code);
      reply.setCookie(sessionCookieName, token, cookieOptions);
      return presentMe(subject.actorRow);
    },
    { rateLimit },
  );

  defineRoute(
    app,
    deps,
    endpoints.startTotpEnrolment,
    'public',
    async ({ ctx, request }) =>
      startTotpEnrolment(ctx, await twoFactorSubject(ctx, request, { signedIn: true })),
    { rateLimit },
  );

  defineRoute(
    app,
    deps,
    endpoints.confirmTotpEnrolment,
    'public',
    async ({ body, ctx, request, reply }) => {
      const subject = await twoFactorSubject(ctx, request, { signedIn: true });
      const { recoveryCodes, token } = await confirmTotpEnrolment(ctx, subject, body.code);
      if (token) reply.setCookie(sessionCookieName, token, cookieOptions);
      return { recoveryCodes, me: presentMe(subject.actorRow) };
    },
    { rateLimit },
  );

  defineRoute(app, deps, endpoints.twoFactorStatus, 'authenticated', async ({ ctx }) => {
    const [row] = await actorSource(ctx.db).where(eq(users.id, ctx.actor.userId));
    if (!row) throw new AppError('UNAUTHENTICATED');
    return twoFactorStatus(ctx.db, row);
  });

  defineRoute(
    app,
    deps,
    endpoints.logout,
    'authenticated',
    async ({ ctx, request, reply }) => {
      await logout(ctx, {
        tokenHash: request.sessionTokenHash!,
        regionPath: request.sessionRegionPath ?? '',
      });
      reply.clearCookie(sessionCookieName, cookieOptions);
      return { ok: true as const };
    },
    { beforePasswordChange: true },
  );

  defineRoute(
    app,
    deps,
    endpoints.me,
    'authenticated',
    async ({ ctx }) => {
      const [row] = await actorSource(ctx.db).where(eq(users.id, ctx.actor.userId));
      if (!row) throw new AppError('UNAUTHENTICATED');
      return presentMe(row);
    },
    { beforePasswordChange: true },
  );

  defineRoute(
    app,
    deps,
    endpoints.changePassword,
    'authenticated',
    async ({ ctx, body, request }) => {
      await changePassword(ctx, { ...body, tokenHash: request.sessionTokenHash! });
      return { ok: true as const };
    },
    { beforePasswordChange: true },
  );
}
