import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../http/route';
import { type JobsSetup, listJobs } from './jobs.queries';

export function registerJobRoutes(app: FastifyInstance, deps: RouteDeps, setup: JobsSetup) {
  defineRoute(app, deps, endpoints.listJobs, 'settings.manage', async ({ ctx, query }) =>
    listJobs(ctx, query, setup),
  );
}
