import { endpoints } from '@tuijin/contracts';
import type { DictionaryKind, ProjectStage } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { createDictionaryEntry, listDictionaries, updateDictionaryEntry } from '../dictionaries';
import { changeProjectStage, listStageChanges } from './change-project-stage';
import { createProjectComment, listProjectComments } from './project-comments';
import { getProjectHistory } from './project-history';
import { amount, presentProject, presentProjectListItem } from './projects.presenter';
import { findProjects, getProject } from './projects.queries';
import { createProject, updateProject } from './save-project';

export function registerProjectRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.findProjects, 'project.read', async ({ ctx, query }) => {
    const result = await findProjects(ctx.db, ctx.actor, query, ctx.clock.now());
    return {
      data: result.rows.map(presentProjectListItem),
      page: { total: result.count, page: query.page, pageSize: query.pageSize },
      totals: { count: result.count, totalInvestmentWanYuan: amount(result.totalInvestmentWanYuan) },
    };
  });
  defineRoute(app, deps, endpoints.getProject, 'project.read', async ({ ctx, params }) =>
    presentProject(await getProject(ctx.db, ctx.actor, params.id, ctx.clock.now()), ctx.actor),
  );
  defineRoute(app, deps, endpoints.createProject, 'project.create', async ({ ctx, body }) =>
    presentProject(await createProject(ctx, body), ctx.actor),
  );
  defineRoute(app, deps, endpoints.updateProject, 'project.read', async ({ ctx, params, body }) =>
    presentProject(await updateProject(ctx, params.id, body), ctx.actor),
  );
  defineRoute(app, deps, endpoints.changeProjectStage, 'project.changeStage', async ({ ctx, params, body }) =>
    presentProject(await changeProjectStage(ctx, params.id, body), ctx.actor),
  );
  defineRoute(app, deps, endpoints.listStageChanges, 'project.read', async ({ ctx, params }) => ({
    data: (await listStageChanges(ctx.db, ctx, params.id)).map((row) => ({
      id: String(row.id),
      fromStage: (row.fromStage as ProjectStage | null) ?? null,
      toStage: row.toStage as ProjectStage,
      changedOn: row.changedOn,
      reason: row.reason,
      actorName: row.actorName,
      at: row.at.toISOString(),
    })),
  }));
  defineRoute(app, deps, endpoints.getProjectHistory, 'project.read', async ({ ctx, params }) => ({
    data: await getProjectHistory(ctx, params.id),
  }));
  defineRoute(app, deps, endpoints.listProjectComments, 'project.read', async ({ ctx, params }) => ({
    data: (await listProjectComments(ctx, params.id)).map(presentComment),
  }));
  defineRoute(app, deps, endpoints.createProjectComment, 'project.comment', async ({ ctx, params, body }) =>
    presentComment(await createProjectComment(ctx, params.id, body.body)),
  );

  defineRoute(app, deps, endpoints.listDictionaries, 'authenticated', async ({ ctx }) => ({
    data: (await listDictionaries(ctx.db)).map(presentDictionaryEntry),
  }));
  defineRoute(app, deps, endpoints.createDictionaryEntry, 'dictionary.manage', async ({ ctx, body }) =>
    presentDictionaryEntry(await createDictionaryEntry(ctx, body)),
  );
  defineRoute(
    app,
    deps,
    endpoints.updateDictionaryEntry,
    'dictionary.manage',
    async ({ ctx, params, body }) =>
      presentDictionaryEntry(await updateDictionaryEntry(ctx, params.id, body)),
  );
}

function presentComment(row: {
  id: string;
  body: string;
  authorName: string;
  organisationName: string;
  at: Date;
}) {
  return {
    id: row.id,
    body: row.body,
    authorName: row.authorName,
    organisationName: row.organisationName,
    at: row.at.toISOString(),
  };
}

function presentDictionaryEntry(row: {
  id: string;
  kind: DictionaryKind;
  name: string;
  sortOrder: number;
  isActive: boolean;
}) {
  return { id: row.id, kind: row.kind, name: row.name, sortOrder: row.sortOrder, isActive: row.isActive };
}
