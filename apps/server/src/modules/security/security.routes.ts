import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getSecurityPolicy } from './security-policy.queries';
import { updateSecurityPolicy } from './update-security-policy';

export function registerSecurityRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getSecurityPolicy, 'securityPolicy.read', async ({ ctx }) =>
    getSecurityPolicy(ctx.db),
  );
  defineRoute(app, deps, endpoints.updateSecurityPolicy, 'securityPolicy.update', async ({ ctx, body }) =>
    updateSecurityPolicy(ctx, body),
  );
}
