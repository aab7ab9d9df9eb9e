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
import { logout } from './logout';
import { sessionCookieName } from './sessions';

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  options: { secure: boolean; loginRatePerMinute: number },
) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.secure };

  defineRoute(
    app,
    deps,
    endpoints.login,
    'public',
    async ({ body, ctx, request, reply }) => {
      const { token, actorRow } = await login(ctx, {
        ...body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(sessionCookieName, token, cookieOptions);
      return presentMe(actorRow);
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
