import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { presentOrganisation } from './organisations.presenter';
import { findOrganisations, getOrganisation } from './organisations.queries';
import { createOrganisation, updateOrganisation } from './save-organisation';

export function registerOrganisationRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.findOrganisations, 'organisation.read', async ({ ctx, query }) => {
    const { rows, total } = await findOrganisations(ctx.db, ctx.actor, query);
    return {
      data: rows.map(presentOrganisation),
      page: { total, page: query.page, pageSize: query.pageSize },
    };
  });
  defineRoute(app, deps, endpoints.getOrganisation, 'organisation.read', async ({ ctx, params }) =>
    presentOrganisation(await getOrganisation(ctx.db, ctx.actor, params.id)),
  );
  defineRoute(app, deps, endpoints.createOrganisation, 'organisation.manage', async ({ ctx, body }) =>
    presentOrganisation(await createOrganisation(ctx, body)),
  );
  defineRoute(app, deps, endpoints.updateOrganisation, 'organisation.manage', async ({ ctx, params, body }) =>
    presentOrganisation(await updateOrganisation(ctx, params.id, body)),
  );
}
