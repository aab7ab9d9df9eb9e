import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getPublicScreen, getScreen } from './screen.queries';
import { getScreenPublication, updateScreenPublication } from './screen-publication';

export function registerScreenRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getScreen, 'cockpit.read', async ({ ctx }) => getScreen(ctx));
  defineRoute(app, deps, endpoints.getScreenPublication, 'cockpit.read', async ({ ctx }) =>
    getScreenPublication(ctx),
  );
  defineRoute(app, deps, endpoints.updateScreenPublication, 'screen.publish', async ({ ctx, body }) =>
    updateScreenPublication(ctx, body),
  );
  // Anyone may ask, so a client address gets a bounded number of answers (each runs several aggregates).
  defineRoute(
    app,
    deps,
    endpoints.getPublicScreen,
    'public',
    async ({ ctx, params }) => getPublicScreen(ctx, params.regionCode),
    { rateLimit: { max: 120, timeWindow: '1 minute' } },
  );
}
