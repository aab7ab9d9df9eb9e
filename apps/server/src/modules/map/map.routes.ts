import { endpoints } from '@tuijin/contracts';
import { regionGeoJsonLimits } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { deleteRegionMap } from './delete-region-map';
import { findMapPoints, getMapRegions } from './map.queries';
import { getRegionMap } from './region-maps.queries';
import { uploadRegionMap } from './upload-region-map';

export function registerMapRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listMapPoints, 'project.read', async ({ ctx, query }) =>
    findMapPoints(ctx, query),
  );
  defineRoute(app, deps, endpoints.getMapRegions, 'project.read', async ({ ctx, query }) =>
    getMapRegions(ctx, query),
  );
  defineRoute(app, deps, endpoints.getRegionMap, 'project.read', async ({ ctx, query }) =>
    getRegionMap(ctx, query),
  );
  defineRoute(
    app,
    deps,
    endpoints.uploadRegionMap,
    'regionMap.manage',
    async ({ ctx, body }) => uploadRegionMap(ctx, body),
    // A JSON string of the file: escaping can grow it, so leave room above the file cap.
    { bodyLimit: regionGeoJsonLimits.maxBytes * 2 },
  );
  defineRoute(app, deps, endpoints.deleteRegionMap, 'regionMap.manage', async ({ ctx, params }) =>
    deleteRegionMap(ctx, params.code),
  );
}
