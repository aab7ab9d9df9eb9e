import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { answerProblem } from './answer-problem';
import { confirmProblem, sendBackProblem } from './confirm-problem';
import { escalateProblem } from './escalate-problem';
import { listEscalationFailures } from './escalation-failures';
import { applyEscalationPreset, getEscalationLadder, setEscalationLadder } from './escalation-ladders';
import { answerProblemClass, createProblemClass, getProblemClass } from './problem-classes';
import { listHandlerCandidates, loadProblem } from './problem-context';
import { getProblemStatistics } from './problem-statistics';
import { findProblems, getProblem, getProblemBoard } from './problems.queries';
import { raiseProblem } from './raise-problem';
import { rejectProblem } from './reject-problem';
import { reopenProblem } from './reopen-problem';
import { routeProblem } from './route-problem';
import { createRoutingRule, deleteRoutingRule, listRoutingRules } from './routing-rules';
import { startProblem } from './start-problem';
import { writeOffProblem } from './write-off-problem';

/** Blocking problems: intake, routing, handling, confirmation, write-off, escalation, classes, config. */
export function registerProblemRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.raiseProblem, 'problem.raise', async ({ ctx, body }) =>
    getProblem(ctx, await raiseProblem(ctx, body)),
  );
  defineRoute(app, deps, endpoints.findProblems, 'problem.read', async ({ ctx, query }) =>
    findProblems(ctx, query),
  );
  defineRoute(app, deps, endpoints.getProblemBoard, 'problem.read', async ({ ctx }) => getProblemBoard(ctx));
  defineRoute(app, deps, endpoints.getProblemStatistics, 'problem.read', async ({ ctx, query }) =>
    getProblemStatistics(ctx, query),
  );
  defineRoute(app, deps, endpoints.getProblem, 'problem.read', async ({ ctx, params }) =>
    getProblem(ctx, params.id),
  );
  const moves = [
    [endpoints.routeProblem, 'problem.route', routeProblem],
    [endpoints.startProblem, 'problem.handle', startProblem],
    [endpoints.answerProblem, 'problem.handle', answerProblem],
    [endpoints.confirmProblem, 'problem.read', confirmProblem],
    [endpoints.rejectAnswer, 'problem.read', sendBackProblem],
    [endpoints.writeOffProblem, 'problem.writeOff', writeOffProblem],
    [endpoints.rejectProblem, 'problem.route', rejectProblem],
    [endpoints.reopenProblem, 'problem.route', reopenProblem],
    [endpoints.escalateProblem, 'problem.escalate', escalateProblem],
  ] as const;
  for (const [endpoint, access, act] of moves)
    defineRoute(app, deps, endpoint, access, async ({ ctx, params, body }) => {
      await (act as (c: typeof ctx, id: string, b: typeof body) => Promise<unknown>)(ctx, params.id, body);
      return getProblem(ctx, params.id);
    });

  defineRoute(app, deps, endpoints.createProblemClass, 'problem.route', async ({ ctx, body }) =>
    getProblemClass(ctx, await createProblemClass(ctx, body)),
  );
  defineRoute(app, deps, endpoints.getProblemClass, 'problem.read', async ({ ctx, params }) =>
    getProblemClass(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.answerProblemClass, 'problem.read', async ({ ctx, params, body }) => {
    await answerProblemClass(ctx, params.id, body.answer);
    return getProblemClass(ctx, params.id);
  });

  defineRoute(app, deps, endpoints.getEscalationLadder, 'problem.read', async ({ ctx, params }) =>
    getEscalationLadder(ctx, params.code),
  );
  defineRoute(
    app,
    deps,
    endpoints.setEscalationLadder,
    'escalationLadder.manage',
    async ({ ctx, params, body }) => setEscalationLadder(ctx, params.code, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.applyEscalationPreset,
    'escalationLadder.manage',
    async ({ ctx, params, body }) => applyEscalationPreset(ctx, params.code, body),
  );
  defineRoute(app, deps, endpoints.listProblemHandlerCandidates, 'problem.route', async ({ ctx, params }) => {
    const loaded = await loadProblem(ctx, params.id);
    return { data: await listHandlerCandidates(ctx.db, loaded.project.regionPath) };
  });
  defineRoute(app, deps, endpoints.listEscalationFailures, 'escalationLadder.manage', async ({ ctx }) =>
    listEscalationFailures(ctx),
  );
  defineRoute(app, deps, endpoints.listRoutingRules, 'problemRouting.manage', async ({ ctx }) =>
    listRoutingRules(ctx),
  );
  defineRoute(app, deps, endpoints.createRoutingRule, 'problemRouting.manage', async ({ ctx, body }) =>
    createRoutingRule(ctx, body),
  );
  defineRoute(app, deps, endpoints.deleteRoutingRule, 'problemRouting.manage', async ({ ctx, params }) =>
    deleteRoutingRule(ctx, params.id),
  );
}
