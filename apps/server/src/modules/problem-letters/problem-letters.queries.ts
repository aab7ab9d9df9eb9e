import type { ProblemLetter, ProblemLetterList } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  can,
  chinaDate,
  defaultLetterKind,
  handlesProblem,
  isOverdueProblem,
  managesProblem,
} from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { problemLetters } from '../../db/schema';
import { type LoadedProblem, loadProblem } from '../problems';

export type ProblemLetterRow = typeof problemLetters.$inferSelect;

/** Whether the actor issues letters on the problem: its office (in the project's subtree) with problem.escalate. */
export const mayIssueLetter = (actor: Actor, loaded: Pick<LoadedProblem, 'scoped'>) =>
  managesProblem(actor, loaded.scoped) && can(actor, 'problem.escalate');

/** Whether the actor replies to a letter: whoever handles the problem (its handler organisation). */
export const mayReplyLetter = (actor: Actor, loaded: Pick<LoadedProblem, 'scoped'>) =>
  handlesProblem(actor, loaded.scoped);

/** Row → wire shape, an explicit field list, plus what the caller may do with it now. */
export function presentLetter(actor: Actor, loaded: LoadedProblem, row: ProblemLetterRow): ProblemLetter {
  return {
    id: row.id,
    problemId: row.problemId,
    kind: row.kind,
    serial: row.serial,
    issuerOrganisationName: row.issuerOrganisationName,
    recipientOrganisationId: row.recipientOrganisationId,
    recipientOrganisationName: row.recipientOrganisationName,
    originalDueOn: row.originalDueOn,
    daysOverdue: row.daysOverdue,
    demandedAction: row.demandedAction,
    replyDueOn: row.replyDueOn,
    isReplyDueOnProvisional: row.isReplyDueOnProvisional,
    status: row.status,
    issuedByName: row.issuedByName,
    issuedAt: row.issuedAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    replyText: row.replyText,
    repliedAt: row.repliedAt?.toISOString() ?? null,
    repliedByName: row.repliedByName,
    version: row.version,
    canMarkSent: row.status === 'issued' && mayIssueLetter(actor, loaded),
    canReply: row.status === 'sent' && mayReplyLetter(actor, loaded),
  };
}

/** The letters of a problem the actor may see, oldest first, and whether another may be issued now. */
export async function listProblemLetters(ctx: Ctx, problemId: string): Promise<ProblemLetterList> {
  const loaded = await loadProblem(ctx, problemId);
  const rows = await ctx.db
    .select()
    .from(problemLetters)
    .where(eq(problemLetters.problemId, problemId))
    .orderBy(asc(problemLetters.issuedAt), asc(problemLetters.serial));
  const { problem } = loaded;
  const today = chinaDate(ctx.clock.now());
  return {
    data: rows.map((row) => presentLetter(ctx.actor, loaded, row)),
    canIssue:
      mayIssueLetter(ctx.actor, loaded) &&
      isOverdueProblem(problem.status, problem.dueOn, today) &&
      problem.handlerOrganisationId !== null,
    nextKind: defaultLetterKind(rows.length),
  };
}

/** One letter of a problem the actor may see (the problem's scope decides), else NOT_FOUND. */
export async function loadProblemLetter(ctx: Ctx, problemId: string, letterId: string) {
  const loaded = await loadProblem(ctx, problemId);
  const [letter] = await ctx.db
    .select()
    .from(problemLetters)
    .where(and(eq(problemLetters.id, letterId), eq(problemLetters.problemId, problemId)));
  if (!letter) throw new AppError('NOT_FOUND', '函件不存在或无权查看');
  return { loaded, letter };
}
