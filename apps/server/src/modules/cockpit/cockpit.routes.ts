import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getCockpitRollup, getCockpitSeries, listCockpitProjects } from './cockpit.queries';
import { getCockpitApprovals } from './cockpit-approvals';

export function registerCockpitRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getCockpitRollup, 'cockpit.read', async ({ ctx, query }) =>
    getCockpitRollup(ctx, query),
  );
  defineRoute(app, deps, endpoints.listCockpitProjects, 'cockpit.read', async ({ ctx, query }) =>
    listCockpitProjects(ctx, query),
  );
  defineRoute(app, deps, endpoints.getCockpitApprovals, 'cockpit.read', async ({ ctx, query }) =>
    getCockpitApprovals(ctx, query),
  );
  defineRoute(app, deps, endpoints.getCockpitSeries, 'cockpit.read', async ({ ctx, query }) =>
    getCockpitSeries(ctx, query),
  );
}
