import { endpoints, fileRoutes, TileParams } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import {
  getBasemap,
  presentBasemapSetting,
  presentMapBasemap,
  readTile,
  type TileFetcher,
  updateBasemap,
} from './basemap';

/**
 * The basemap: its setting (system admin), what the map page needs, and the tile route every
 * tile goes through — authenticated, so an offline package or a keyed service is never public.
 */
export function registerBasemapRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  options: { tilesDir: string | null; fetchTile: TileFetcher },
) {
  defineRoute(app, deps, endpoints.getMapBasemap, 'project.read', async ({ ctx }) =>
    presentMapBasemap(await getBasemap(ctx.db)),
  );
  defineRoute(app, deps, endpoints.getBasemapSetting, 'settings.manage', async ({ ctx }) =>
    presentBasemapSetting(await getBasemap(ctx.db)),
  );
  defineRoute(app, deps, endpoints.updateBasemapSetting, 'settings.manage', async ({ ctx, body }) =>
    updateBasemap(ctx, body),
  );
  app.get(
    fileRoutes.mapTile,
    { config: { access: 'project.read' }, schema: { hide: true, params: TileParams } },
    async (request, reply) => {
      const ctx = deps.makeCtx(request);
      const tile = await readTile(await getBasemap(ctx.db), TileParams.parse(request.params), options);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, max-age=86400');
      reply.type(tile.contentType);
      return reply.send(tile.body);
    },
  );
}
