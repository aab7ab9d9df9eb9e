import { AppError, systemActor } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../context';
import type { Database } from '../db/database';
import { resolveSession, sessionCookieName, toActor } from '../modules/auth';
import { getSecurityPolicy } from '../modules/security';
import { checkAccess } from './route';
import { checkSameOrigin } from './same-origin';

/** How long a read of the security policy is reused; a change reaches every instance within this. */
const policyCacheMs = 5_000;

/**
 * Before anything else on every request: resolve the session cookie to an actor, then enforce the
 * route's declared access (deny by default) and the same-origin rule for state changes. A session
 * whose password must be changed (new account, reset) reaches only the routes marked
 * `beforePasswordChange` — reading the session, changing the password, logging out — and every other
 * route answers 403 PASSWORD_CHANGE_REQUIRED, whatever client is calling.
 */
export function installSessionHook(
  app: FastifyInstance,
  db: Database,
  clock: Clock,
  allowedOrigins: readonly string[],
) {
  let cached: { at: number; policy: Awaited<ReturnType<typeof getSecurityPolicy>> } | null = null;
  const policy = async () => {
    const now = Date.now();
    if (!cached || now - cached.at > policyCacheMs) cached = { at: now, policy: await getSecurityPolicy(db) };
    return cached.policy;
  };

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('sessionRegionPath', null);
  app.decorateRequest('mustChangePassword', false);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    const token = request.cookies[sessionCookieName];
    if (token && access !== undefined && access !== 'public') {
      const row = await resolveSession(db, token, await policy(), clock.now());
      if (row) {
        request.actor = toActor(row);
        request.sessionTokenHash = row.tokenHash;
        request.sessionRegionPath = row.regionPath;
        request.mustChangePassword = row.mustChangePassword;
      }
    }
    // The 404 handler and the web app's files carry no access of their own.
    if (request.is404 || (!request.url.startsWith('/api/') && access === undefined)) return;
    if (request.mustChangePassword && !request.routeOptions.config?.beforePasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    checkAccess(access, request.actor);
    checkSameOrigin(request, allowedOrigins);
  });
}

/** The actor of a public route's context: holds no role, so every use case refuses it. */
export const anonymousActor = { ...systemActor, userId: '', username: 'anonymous', displayName: '匿名' };
