import { endpoints, fileRoutes, ProjectLetterParams } from '@tuijin/contracts';
import { problemLetterKindNames } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../context';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import { docxContentType } from '../../lib/official-docx';
import { issueProjectLetter } from './issue-project-letter';
import { letterSummary, listLetters } from './letters-ledger';
import { markProjectLetterSent, replyProjectLetter } from './move-project-letter';
import { renderProjectLetterDocx } from './project-letter-docx';
import { listProjectLetters, loadProjectLetter, presentProjectLetter } from './project-letters.queries';

/** 提醒函 / 督办单 on lagging projects (issue, list, mark sent, reply, the .docx) and the letters view. */
export function registerProjectLetterRoutes(app: FastifyInstance, deps: RouteDeps) {
  const present = async (ctx: Ctx, letterId: string) => {
    const { project, letter } = await loadProjectLetter(ctx, letterId);
    return presentProjectLetter(ctx.actor, project, letter);
  };
  defineRoute(app, deps, endpoints.listProjectLetters, 'project.read', async ({ ctx, params }) =>
    listProjectLetters(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.issueProjectLetter, 'problem.escalate', async ({ ctx, params, body }) => {
    const letter = await issueProjectLetter(ctx, params.id, body);
    return present(ctx, letter.id);
  });
  defineRoute(
    app,
    deps,
    endpoints.markProjectLetterSent,
    'problem.escalate',
    async ({ ctx, params, body }) => {
      await markProjectLetterSent(ctx, params.id, body);
      return present(ctx, params.id);
    },
  );
  // The recipient is an owner unit or a department: who answers is decided by the letter, not a role.
  defineRoute(app, deps, endpoints.replyProjectLetter, 'project.read', async ({ ctx, params, body }) => {
    await replyProjectLetter(ctx, params.id, body);
    return present(ctx, params.id);
  });
  defineRoute(app, deps, endpoints.listLetters, 'problem.read', async ({ ctx, query }) =>
    listLetters(ctx, query),
  );
  defineRoute(app, deps, endpoints.letterSummary, 'problem.read', async ({ ctx, query }) =>
    letterSummary(ctx, query.year),
  );

  app.get(
    fileRoutes.downloadProjectLetter,
    { config: { access: 'project.read' }, schema: { hide: true } },
    async (request, reply) => {
      const params = ProjectLetterParams.parse(request.params);
      const ctx = deps.makeCtx(request);
      const { project, letter } = await loadProjectLetter(ctx, params.id);
      const bytes = await renderProjectLetterDocx(letter, project.name);
      reply.header(
        'content-disposition',
        attachmentDisposition(`${problemLetterKindNames[letter.kind]}-${letter.serial}.docx`),
      );
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      reply.type(docxContentType);
      return reply.send(bytes);
    },
  );
}
