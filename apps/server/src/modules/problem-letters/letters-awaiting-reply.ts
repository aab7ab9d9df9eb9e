import { and, asc, count, eq, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { problemLetters, problems, projects } from '../../db/schema';
import { problemScope } from '../problems';

/**
 * 待回复函件: letters sent (送达) and not yet replied to, on problems the actor's organisation (or
 * the actor in person, at a leader or service-officer level) handles and may see — the letters
 * `mayReplyLetter` lets them answer. Earliest reply date first; the count is over all of them.
 */
export async function findLettersAwaitingReply(ctx: Pick<Ctx, 'db' | 'actor'>, limit: number) {
  const where = and(
    eq(problemLetters.status, 'sent'),
    problemScope(ctx.actor),
    or(
      eq(problems.handlerOrganisationId, ctx.actor.organisationId),
      eq(problems.handlerUserId, ctx.actor.userId),
    ),
  );
  const [total] = await ctx.db
    .select({ n: count() })
    .from(problemLetters)
    .innerJoin(problems, eq(problems.id, problemLetters.problemId))
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(where);
  const rows = await ctx.db
    .select({
      id: problemLetters.id,
      problemId: problemLetters.problemId,
      kind: problemLetters.kind,
      serial: problemLetters.serial,
      replyDueOn: problemLetters.replyDueOn,
      referenceNumber: problems.referenceNumber,
      projectName: projects.name,
    })
    .from(problemLetters)
    .innerJoin(problems, eq(problems.id, problemLetters.problemId))
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(where)
    .orderBy(asc(problemLetters.replyDueOn), asc(problemLetters.issuedAt))
    .limit(limit);
  return { rows, total: total?.n ?? 0 };
}
