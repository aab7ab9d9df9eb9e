import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getProjectFirstScreen } from './get-project-first-screen';

export function registerProjectPageRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getProjectFirstScreen, 'project.read', async ({ ctx, params }) =>
    getProjectFirstScreen(ctx, params.id),
  );
}
