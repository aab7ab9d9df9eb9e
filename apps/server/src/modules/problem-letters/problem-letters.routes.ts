import { endpoints, fileRoutes, ProblemLetterParams } from '@tuijin/contracts';
import { problemLetterKindNames } from '@tuijin/domain';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import { attachmentDisposition } from '../../lib/excel';
import { docxContentType } from '../../lib/official-docx';
import { issueProblemLetter } from './issue-problem-letter';
import { renderLetterDocx } from './letter-docx';
import { markProblemLetterSent, replyProblemLetter } from './mark-problem-letter-sent';
import { listProblemLetters, loadProblemLetter, presentLetter } from './problem-letters.queries';

/** 提醒函 / 督办单: issue, list, mark sent, reply, and the .docx rendered from the stored record. */
export function registerProblemLetterRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listProblemLetters, 'problem.read', async ({ ctx, params }) =>
    listProblemLetters(ctx, params.id),
  );
  const present = async (
    ctx: Parameters<typeof listProblemLetters>[0],
    problemId: string,
    letterId: string,
  ) => {
    const { loaded, letter } = await loadProblemLetter(ctx, problemId, letterId);
    return presentLetter(ctx.actor, loaded, letter);
  };
  defineRoute(app, deps, endpoints.issueProblemLetter, 'problem.escalate', async ({ ctx, params, body }) => {
    const letter = await issueProblemLetter(ctx, params.id, body);
    return present(ctx, params.id, letter.id);
  });
  defineRoute(
    app,
    deps,
    endpoints.markProblemLetterSent,
    'problem.escalate',
    async ({ ctx, params, body }) => {
      await markProblemLetterSent(ctx, params.id, params.letterId, body);
      return present(ctx, params.id, params.letterId);
    },
  );
  defineRoute(app, deps, endpoints.replyProblemLetter, 'problem.handle', async ({ ctx, params, body }) => {
    await replyProblemLetter(ctx, params.id, params.letterId, body);
    return present(ctx, params.id, params.letterId);
  });

  app.get(
    fileRoutes.downloadProblemLetter,
    { config: { access: 'problem.read' }, schema: { hide: true } },
    async (request, reply) => {
      const params = ProblemLetterParams.parse(request.params);
      const ctx = deps.makeCtx(request);
      const { loaded, letter } = await loadProblemLetter(ctx, params.id, params.letterId);
      const bytes = await renderLetterDocx(letter, {
        referenceNumber: loaded.problem.referenceNumber,
        category: loaded.problem.category,
        description: loaded.problem.description,
        request: loaded.problem.request,
        projectName: loaded.project.name,
      });
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
