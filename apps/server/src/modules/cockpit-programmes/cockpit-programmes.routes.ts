import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getCockpitProgrammes } from './cockpit-programmes';

/** The cockpit's 专项工作 panel: read with the cockpit; each part needs its module's read permission too. */
export function registerCockpitProgrammesRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getCockpitProgrammes, 'cockpit.read', async ({ ctx, query }) =>
    getCockpitProgrammes(ctx, query),
  );
}
