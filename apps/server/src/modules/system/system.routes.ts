import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/database';
import { defineRoute, type RouteDeps } from '../../http/route';

const pingTimeoutMs = 2_000;

/** Readiness: 200 when the database answers and accepts writes, 503 while it is down or read-only. */
export function registerSystemRoutes(app: FastifyInstance, deps: RouteDeps, database: DatabaseHandle) {
  defineRoute(app, deps, endpoints.health, 'public', async ({ reply }) => {
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('database ping timed out')), pingTimeoutMs).unref(),
        ),
      ]);
      return { status: 'ok' as const, database: database.kind };
    } catch (error) {
      app.log.warn({ err: error }, 'health check failed');
      reply.status(503);
      return { status: 'unavailable' as const, database: database.kind };
    }
  });
}
