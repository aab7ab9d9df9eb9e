import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { getProjectFishbone } from './fishbone';
import { getMilestonePortfolio, getProjectMilestones } from './milestones.queries';
import {
  adjustMilestoneNode,
  freezeProjectMilestones,
  planProjectMilestones,
  recordMilestoneActual,
} from './plan-milestones';
import { createMilestoneTemplate, listMilestoneTemplates, updateMilestoneTemplate } from './templates';

/** 节点: templates, each project's node plan (倒排, baseline, adjustments, actual dates), the portfolio and the fishbone. */
export function registerMilestoneRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listMilestoneTemplates, 'milestone.read', ({ ctx, query }) =>
    listMilestoneTemplates(ctx.db, ctx.actor, query.regionCode),
  );
  defineRoute(app, deps, endpoints.createMilestoneTemplate, 'milestoneTemplate.manage', ({ ctx, body }) =>
    createMilestoneTemplate(ctx, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.updateMilestoneTemplate,
    'milestoneTemplate.manage',
    ({ ctx, params, body }) => updateMilestoneTemplate(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.getProjectMilestones, 'milestone.read', ({ ctx, params }) =>
    getProjectMilestones(ctx.db, ctx.actor, params.id, ctx.clock.now()),
  );
  defineRoute(app, deps, endpoints.planProjectMilestones, 'milestone.manage', ({ ctx, params, body }) =>
    planProjectMilestones(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.freezeProjectMilestones, 'milestone.manage', ({ ctx, params, body }) =>
    freezeProjectMilestones(ctx, params.id, body.version),
  );
  defineRoute(app, deps, endpoints.adjustMilestoneNode, 'milestone.manage', ({ ctx, params, body }) =>
    adjustMilestoneNode(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.recordMilestoneActual, 'milestone.recordActual', ({ ctx, params, body }) =>
    recordMilestoneActual(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.getMilestonePortfolio, 'milestone.read', ({ ctx, query }) =>
    getMilestonePortfolio(ctx.db, ctx.actor, query, ctx.clock.now()),
  );
  defineRoute(app, deps, endpoints.getProjectFishbone, 'milestone.read', ({ ctx, params }) =>
    getProjectFishbone(ctx, params.id),
  );
}
