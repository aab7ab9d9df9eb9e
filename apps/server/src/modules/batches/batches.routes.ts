import { endpoints } from '@tuijin/contracts';
import { batchSchemePresets } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { presentProject } from '../projects';
import { createBatchScheme, listBatchSchemes, setProjectBatches } from './batches';

/** 批次: the batch schemes of a year, their presets, and a project's batches. */
export function registerBatchRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.setProjectBatches, 'batch.manage', async ({ ctx, params, body }) =>
    presentProject(await setProjectBatches(ctx, params.id, body), ctx.actor),
  );
  defineRoute(app, deps, endpoints.listBatchSchemes, 'project.read', async ({ ctx, query }) => ({
    data: await listBatchSchemes(ctx.db, ctx.actor, query.year),
  }));
  defineRoute(app, deps, endpoints.createBatchScheme, 'batch.manage', async ({ ctx, body }) =>
    createBatchScheme(ctx, body),
  );
  defineRoute(app, deps, endpoints.listBatchPresets, 'authenticated', async () => ({
    data: Object.entries(batchSchemePresets).map(([key, preset]) => ({ key, ...preset })),
  }));
}
