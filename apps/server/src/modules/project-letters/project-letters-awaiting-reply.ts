import { and, asc, count, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { projectLetters, projects } from '../../db/schema';
import { projectScope } from '../../lib/project-scope';

/**
 * 待回复函件 on projects: letters sent (送达) to the actor's unit and not yet replied to, on projects
 * it may see — the letters `mayReplyProjectLetter` lets it answer. Earliest reply date first; the
 * count is over all of them.
 */
export async function findProjectLettersAwaitingReply(ctx: Pick<Ctx, 'db' | 'actor'>, limit: number) {
  const where = and(
    eq(projectLetters.status, 'sent'),
    eq(projectLetters.recipientOrganisationId, ctx.actor.organisationId),
    projectScope(ctx.actor),
  );
  const [total] = await ctx.db
    .select({ n: count() })
    .from(projectLetters)
    .innerJoin(projects, eq(projects.id, projectLetters.projectId))
    .where(where);
  const rows = await ctx.db
    .select({
      id: projectLetters.id,
      projectId: projectLetters.projectId,
      kind: projectLetters.kind,
      serial: projectLetters.serial,
      replyDueOn: projectLetters.replyDueOn,
      projectName: projects.name,
    })
    .from(projectLetters)
    .innerJoin(projects, eq(projects.id, projectLetters.projectId))
    .where(where)
    .orderBy(asc(projectLetters.replyDueOn), asc(projectLetters.issuedAt))
    .limit(limit);
  return { rows, total: total?.n ?? 0 };
}
