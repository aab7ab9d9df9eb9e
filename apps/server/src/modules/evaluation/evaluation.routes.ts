import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { computeEvaluation, publishEvaluation } from './compute-evaluation';
import { getEvaluationHistory, getEvaluationResults, getEvaluationWhatItTakes } from './evaluation.queries';
import {
  addEvaluationAdjustment,
  deleteEvaluationAdjustment,
  listEvaluationAdjustments,
} from './evaluation-adjustments';
import {
  createEvaluationScheme,
  getEvaluationScheme,
  listEvaluationSchemes,
  updateEvaluationScheme,
} from './evaluation-schemes';

/** 考评/赛马: schemes, bonuses/penalties/exemptions, compute, publish, results, what-it-takes, history. */
export function registerEvaluationRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listEvaluationSchemes, 'evaluation.read', async ({ ctx }) =>
    listEvaluationSchemes(ctx),
  );
  defineRoute(app, deps, endpoints.createEvaluationScheme, 'evaluation.manage', async ({ ctx, body }) =>
    getEvaluationScheme(ctx, await createEvaluationScheme(ctx, body)),
  );
  defineRoute(app, deps, endpoints.getEvaluationScheme, 'evaluation.read', async ({ ctx, params }) =>
    getEvaluationScheme(ctx, params.id),
  );
  defineRoute(
    app,
    deps,
    endpoints.updateEvaluationScheme,
    'evaluation.manage',
    async ({ ctx, params, body }) => {
      await updateEvaluationScheme(ctx, params.id, body);
      return getEvaluationScheme(ctx, params.id);
    },
  );
  defineRoute(
    app,
    deps,
    endpoints.listEvaluationAdjustments,
    'evaluation.read',
    async ({ ctx, params, query }) => listEvaluationAdjustments(ctx, params.id, query.quarter),
  );
  defineRoute(
    app,
    deps,
    endpoints.addEvaluationAdjustment,
    'evaluation.manage',
    async ({ ctx, params, body }) => addEvaluationAdjustment(ctx, params.id, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.deleteEvaluationAdjustment,
    'evaluation.manage',
    async ({ ctx, params }) => {
      await deleteEvaluationAdjustment(ctx, params.id);
      return { ok: true as const };
    },
  );
  defineRoute(app, deps, endpoints.computeEvaluation, 'evaluation.manage', async ({ ctx, params, body }) =>
    computeEvaluation(ctx, params.id, body.quarter),
  );
  defineRoute(app, deps, endpoints.publishEvaluation, 'evaluation.manage', async ({ ctx, params, body }) =>
    publishEvaluation(ctx, params.id, body.quarter),
  );
  defineRoute(app, deps, endpoints.getEvaluationResults, 'evaluation.read', async ({ ctx, params, query }) =>
    getEvaluationResults(ctx, params.id, query.quarter),
  );
  defineRoute(
    app,
    deps,
    endpoints.getEvaluationWhatItTakes,
    'evaluation.read',
    async ({ ctx, params, query }) => getEvaluationWhatItTakes(ctx, params.id, query),
  );
  defineRoute(app, deps, endpoints.getEvaluationHistory, 'evaluation.read', async ({ ctx, params, query }) =>
    getEvaluationHistory(ctx, params.id, query.year),
  );
}
