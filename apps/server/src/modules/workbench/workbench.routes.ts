import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getWorkbench } from './get-workbench';

/** 工作台: the signed-in person's to-do sections (each section checks its own module's permission). */
export function registerWorkbenchRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getWorkbench, 'authenticated', async ({ ctx }) => getWorkbench(ctx));
}
