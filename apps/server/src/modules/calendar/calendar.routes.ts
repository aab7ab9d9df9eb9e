import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../context';
import { defineRoute, type RouteDeps } from '../../http/route';
import { deleteCalendarOverride, getCalendarYear, setCalendarOverride } from './calendar';

/**
 * The holiday calendar. `afterChange` runs after an admin's entry is saved or removed (the
 * composition root recomputes the provisional deadlines there), before the answer goes back.
 */
export function registerCalendarRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  options: { afterChange?: (ctx: Ctx, date: string) => Promise<unknown> } = {},
) {
  const afterChange = async <T>(ctx: Ctx, date: string, result: T): Promise<T> => {
    await options.afterChange?.(ctx, date);
    return result;
  };
  defineRoute(app, deps, endpoints.getCalendarYear, 'authenticated', async ({ ctx, query }) =>
    getCalendarYear(ctx.db, query.year),
  );
  defineRoute(app, deps, endpoints.setCalendarOverride, 'calendar.manage', async ({ ctx, params, body }) =>
    afterChange(ctx, params.date, await setCalendarOverride(ctx, params.date, body)),
  );
  defineRoute(app, deps, endpoints.deleteCalendarOverride, 'calendar.manage', async ({ ctx, params }) =>
    afterChange(ctx, params.date, await deleteCalendarOverride(ctx, params.date)),
  );
}
