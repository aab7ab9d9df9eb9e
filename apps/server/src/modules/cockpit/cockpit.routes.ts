import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getCockpitRollup, getCockpitSeries, listCockpitProjects } from './cockpit.queries';
import { getCockpitApprovals } from './cockpit-approvals';
import { getCockpitProgrammes } from './cockpit-programmes';

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
  // 专项工作: each part also needs its module's read permission (left out otherwise, never refused).
  defineRoute(app, deps, endpoints.getCockpitProgrammes, 'cockpit.read', async ({ ctx, query }) =>
    getCockpitProgrammes(ctx, query),
  );
}
