import { ApprovalItemParams, endpoints, fileRoutes } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import { docxContentType } from '../../lib/official-docx';
import { listApprovalAgents } from './agents';
import { registerApprovalImportRoutes } from './approval-import.routes';
import { moveApprovalItem, supplyApprovalMaterial, updateApprovalItem } from './approval-items';
import { getApprovalStatistics } from './approval-statistics';
import { getProjectApprovals, listApprovalItems } from './approvals.queries';
import {
  createApprovalProcedure,
  getApprovalCatalogue,
  loadApprovalPreset,
  updateApprovalProcedure,
} from './catalogue';
import { addProjectApproval, generateProjectApprovals } from './checklist';
import { renderDeemedNoticeDocx } from './deemed-notice-docx';
import { loadDeemedNotice } from './deemed-notices';

/** 前期手续: the catalogue, each project's checklist with its clock, and the items by who carries them. */
export function registerApprovalRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.getApprovalCatalogue, 'approval.read', ({ ctx, query }) =>
    getApprovalCatalogue(ctx.db, ctx.actor, query.regionCode),
  );
  defineRoute(app, deps, endpoints.createApprovalProcedure, 'approvalCatalogue.manage', ({ ctx, body }) =>
    createApprovalProcedure(ctx, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.updateApprovalProcedure,
    'approvalCatalogue.manage',
    ({ ctx, params, body }) => updateApprovalProcedure(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.loadApprovalPreset, 'approvalCatalogue.manage', ({ ctx, body }) =>
    loadApprovalPreset(ctx, body.regionCode),
  );
  defineRoute(app, deps, endpoints.getProjectApprovals, 'approval.read', ({ ctx, params }) =>
    getProjectApprovals(ctx.db, ctx.actor, params.id, ctx.clock.now()),
  );
  defineRoute(app, deps, endpoints.generateProjectApprovals, 'approval.manage', ({ ctx, params, body }) =>
    generateProjectApprovals(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.addProjectApproval, 'approval.manage', ({ ctx, params, body }) =>
    addProjectApproval(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.updateApprovalItem, 'approval.process', ({ ctx, params, body }) =>
    updateApprovalItem(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.moveApprovalItem, 'approval.process', ({ ctx, params, body }) =>
    moveApprovalItem(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.supplyApprovalMaterial, 'approval.process', ({ ctx, params, body }) =>
    supplyApprovalMaterial(ctx, params.id, params.materialId, body),
  );
  defineRoute(app, deps, endpoints.listApprovalItems, 'approval.read', ({ ctx, query }) =>
    listApprovalItems(ctx.db, ctx.actor, query, ctx.clock.now()),
  );
  defineRoute(app, deps, endpoints.getApprovalStatistics, 'approval.read', ({ ctx, query }) =>
    getApprovalStatistics(ctx.db, ctx.actor, query),
  );
  defineRoute(app, deps, endpoints.listApprovalAgents, 'approval.read', ({ ctx }) =>
    listApprovalAgents(ctx.db, ctx.actor),
  );

  app.get(
    fileRoutes.downloadDeemedNotice,
    { config: { access: 'approval.read' }, schema: { hide: true } },
    async (request, reply) => {
      const params = ApprovalItemParams.parse(request.params);
      const ctx = deps.makeCtx(request);
      const facts = await loadDeemedNotice(ctx.db, ctx.actor, params.id);
      const bytes = await renderDeemedNoticeDocx(facts);
      reply.header('content-disposition', attachmentDisposition(`${facts.noticeNumber}告知书.docx`));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(docxContentType);
      return reply.send(bytes);
    },
  );
  registerApprovalImportRoutes(app, deps);
}
