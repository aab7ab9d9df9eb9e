import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { createRegion } from './create-region';
import { presentRegion } from './regions.presenter';
import { listRegions } from './regions.queries';
import { updateRegion } from './update-region';

export function registerRegionRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listRegions, 'region.read', async ({ ctx }) => ({
    data: (await listRegions(ctx.db, ctx.actor)).map(presentRegion),
  }));
  defineRoute(app, deps, endpoints.createRegion, 'region.manage', async ({ ctx, body }) =>
    presentRegion(await createRegion(ctx, body)),
  );
  defineRoute(app, deps, endpoints.updateRegion, 'region.manage', async ({ ctx, params, body }) =>
    presentRegion(await updateRegion(ctx, params.code, body)),
  );
}
