import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import {
  resetUserPassword,
  resetUserTwoFactor,
  setUserActive,
  setUserRoles,
  unlockUser,
  updateUser,
} from './change-user';
import { createUser } from './create-user';
import { presentUser } from './users.presenter';
import { findUsers, getUser } from './users.queries';

export function registerUserRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.findUsers, 'user.read', async ({ ctx, query }) => {
    const { rows, total } = await findUsers(ctx.db, ctx.actor, query);
    return { data: rows.map(presentUser), page: { total, page: query.page, pageSize: query.pageSize } };
  });
  defineRoute(app, deps, endpoints.getUser, 'user.read', async ({ ctx, params }) =>
    presentUser(await getUser(ctx.db, ctx.actor, params.id)),
  );
  // Account changes are checked in the use cases (user.manage, or user.grantAdminRole for admin accounts).
  defineRoute(app, deps, endpoints.createUser, 'user.read', async ({ ctx, body }) =>
    presentUser(await createUser(ctx, body)),
  );
  defineRoute(app, deps, endpoints.updateUser, 'user.read', async ({ ctx, params, body }) =>
    presentUser(await updateUser(ctx, params.id, body)),
  );
  defineRoute(app, deps, endpoints.setUserRoles, 'user.read', async ({ ctx, params, body }) =>
    presentUser(await setUserRoles(ctx, params.id, body)),
  );
  defineRoute(app, deps, endpoints.setUserActive, 'user.read', async ({ ctx, params, body }) =>
    presentUser(await setUserActive(ctx, params.id, body)),
  );
  defineRoute(app, deps, endpoints.resetUserPassword, 'user.read', async ({ ctx, params, body }) => {
    await resetUserPassword(ctx, params.id, body);
    return { ok: true as const };
  });
  defineRoute(app, deps, endpoints.resetUserTwoFactor, 'user.resetTwoFactor', async ({ ctx, params }) => {
    await resetUserTwoFactor(ctx, params.id);
    return { ok: true as const };
  });
  defineRoute(app, deps, endpoints.unlockUser, 'user.read', async ({ ctx, params }) => {
    await unlockUser(ctx, params.id);
    return { ok: true as const };
  });
}
