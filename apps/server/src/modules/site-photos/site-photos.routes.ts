import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getPhotoTimeline } from './photo-timeline';

/** 形象进度: a project's photo timeline, for whoever reads the project. */
export function registerSitePhotoRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getPhotoTimeline, 'project.read', ({ ctx, params, query }) =>
    getPhotoTimeline(ctx, params.id, query.year),
  );
}
