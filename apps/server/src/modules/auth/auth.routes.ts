import { endpoints } from '@tuijin/contracts';
import { AppError } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { users } from '../../db/schema';
import { defineRoute, type RouteDeps } from '../../http/route';
import { actorSource } from './actor.queries';
import { presentMe } from './auth.presenter';
import { changePassword } from './change-password';
import { login } from './login';
import { issueCaptcha } from './login-captcha';
import { loginRateKey } from './login-throttle';
import { logout } from './logout';
import { sessionCookieName } from './sessions';

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  options: { secure: boolean; loginRatePerMinute: number; captchaText?: () => string },
) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.secure };

  defineRoute(
    app,
    deps,
    endpoints.login,
    'public',
    async ({ body, ctx, request, reply }) => {
      const { captchaId, captchaAnswer, ...credentials } = body;
      const { token, actorRow } = await login(ctx, {
        ...credentials,
        captcha: captchaId && captchaAnswer ? { id: captchaId, answer: captchaAnswer } : undefined,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(sessionCookieName, token, cookieOptions);
      return presentMe(actorRow);
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
