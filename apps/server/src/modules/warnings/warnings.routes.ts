import { endpoints } from '@tuijin/contracts';
import { authorize, parseMonthKey } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { defaultWarningMonth, recomputeWarnings } from './recompute-warnings';
import {
  createWarningDraft,
  listWarningRuleSets,
  presentRuleSet,
  publishWarningDraft,
  updateWarningDraft,
} from './rule-sets';
import { createWarningGrace, listGraces, revokeWarningGrace } from './warning-graces';
import { getProjectWarnings, listSnails, listWarnings, previewWarningDraft } from './warnings.queries';

/** Three-colour warnings: colours, snails, rule versions (draft → preview → publish), 正当理由. */
export function registerWarningRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listWarnings, 'warning.read', async ({ ctx, query }) =>
    listWarnings(ctx, query),
  );
  defineRoute(app, deps, endpoints.listSnails, 'warning.read', async ({ ctx, query }) =>
    listSnails(ctx, query),
  );
  defineRoute(app, deps, endpoints.recomputeWarnings, 'warningRule.manage', async ({ ctx, body }) => {
    authorize(ctx.actor, 'warningRule.manage');
    return recomputeWarnings(ctx, { period: parseMonthKey(body.month)!, regionPath: ctx.actor.regionPath });
  });
  defineRoute(app, deps, endpoints.getProjectWarnings, 'warning.read', async ({ ctx, params }) =>
    getProjectWarnings(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.listWarningRuleSets, 'warning.read', async ({ ctx, query }) =>
    listWarningRuleSets(ctx, query.regionCode),
  );
  defineRoute(app, deps, endpoints.createWarningDraft, 'warningRule.manage', async ({ ctx, body }) =>
    createWarningDraft(ctx, body),
  );
  defineRoute(app, deps, endpoints.updateWarningDraft, 'warningRule.manage', async ({ ctx, params, body }) =>
    updateWarningDraft(ctx, params.id, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.previewWarningDraft,
    'warningRule.manage',
    async ({ ctx, params, query }) => previewWarningDraft(ctx, params.id, query.month),
  );
  defineRoute(
    app,
    deps,
    endpoints.publishWarningDraft,
    'warningRule.manage',
    async ({ ctx, params, body }) => {
      const published = await publishWarningDraft(ctx, params.id, body.version);
      // The colours of last month follow the new version at once; earlier months keep theirs.
      await recomputeWarnings(ctx, {
        period: defaultWarningMonth(ctx.clock.now()),
        regionPath: published.regionPath,
      });
      return presentRuleSet(published);
    },
  );
  defineRoute(app, deps, endpoints.listWarningGraces, 'warning.read', async ({ ctx, query }) =>
    listGraces(ctx, query),
  );
  defineRoute(app, deps, endpoints.createWarningGrace, 'warning.excuse', async ({ ctx, body }) =>
    createWarningGrace(ctx, body),
  );
  defineRoute(app, deps, endpoints.revokeWarningGrace, 'warning.excuse', async ({ ctx, params }) =>
    revokeWarningGrace(ctx, params.id),
  );
}
