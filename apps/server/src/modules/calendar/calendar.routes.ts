import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { deleteCalendarOverride, getCalendarYear, setCalendarOverride } from './calendar';

export function registerCalendarRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getCalendarYear, 'authenticated', async ({ ctx, query }) =>
    getCalendarYear(ctx.db, query.year),
  );
  defineRoute(app, deps, endpoints.setCalendarOverride, 'calendar.manage', async ({ ctx, params, body }) =>
    setCalendarOverride(ctx, params.date, body),
  );
  defineRoute(app, deps, endpoints.deleteCalendarOverride, 'calendar.manage', async ({ ctx, params }) =>
    deleteCalendarOverride(ctx, params.date),
  );
}
