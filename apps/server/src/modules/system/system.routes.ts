import { endpoints, type Readiness } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/database';
import { migrationsCurrent } from '../../db/migrate';
import { defineRoute, type RouteDeps } from '../../http/route';

const pingTimeoutMs = 2_000;
/** What a load balancer waits before asking a 503 readiness again. */
const retryAfterSeconds = 5;

/** What the server's stop tells the readiness check: this instance is shutting down. */
export interface Lifecycle {
  draining: boolean;
}

const withinPing = <T>(work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('database ping timed out')), pingTimeoutMs).unref(),
    ),
  ]);

/**
 * Liveness (`/api/health`: the process serves requests; the database is not asked, so a database
 * outage does not get the instance restarted) and readiness (`/api/ready`: the database answers and
 * accepts writes, every shipped migration is applied, the instance is not draining; 503 with
 * `Retry-After` otherwise, each check named).
 */
export function registerSystemRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  database: DatabaseHandle,
  lifecycle: Lifecycle,
) {
  defineRoute(app, deps, endpoints.health, 'public', async () => ({
    status: 'ok' as const,
    database: database.kind,
  }));
  defineRoute(app, deps, endpoints.ready, 'public', async ({ reply }) => {
    const checks: Readiness['checks'] = {
      database: 'ok',
      migrations: 'unknown',
      draining: lifecycle.draining,
    };
    try {
      await withinPing(database.ping());
      checks.migrations = (await withinPing(migrationsCurrent(database.db))) ? 'current' : 'behind';
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      checks.database = String((error as Error).message).includes('read-only') ? 'readOnly' : 'down';
    }
    const ready = checks.database === 'ok' && checks.migrations === 'current' && !checks.draining;
    if (!ready) reply.status(503).header('retry-after', String(retryAfterSeconds));
    return { status: ready ? ('ready' as const) : ('unavailable' as const), database: database.kind, checks };
  });
}
