import type { LetterEntry, LetterLedger, LetterQuery, LetterSummary } from '@tuijin/contracts';
import { chinaDate, summariseLetters } from '@tuijin/domain';
import { and, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { problemLetters, problems, projectLetters, projects } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { beijingDate } from '../../lib/official-docx';
import { projectScope } from '../../lib/project-scope';
import { problemScope } from '../problems';

/** 00:00 Beijing time of a China date, as an instant. */
const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`));
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The most rows the ledger lists at once (newest first); the summary counts them all. */
const ledgerLimit = 500;

/** Filters over a letters table's issue time, kind and recipient, shared by both kinds of letter. */
function letterFilters(
  table: typeof problemLetters | typeof projectLetters,
  query: Omit<LetterQuery, 'subject'>,
): (SQL | undefined)[] {
  return [
    query.from ? gte(table.issuedAt, chinaDayStart(query.from)) : undefined,
    query.to ? lt(table.issuedAt, chinaDayStart(nextDay(query.to))) : undefined,
    query.kind ? eq(table.kind, query.kind) : undefined,
    query.recipient ? ilike(table.recipientOrganisationName, `%${escapeLike(query.recipient)}%`) : undefined,
  ];
}

/** Both kinds of letter of the actor's jurisdiction matching the query, newest first. */
async function findLetters(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  query: LetterQuery,
  limit: number,
): Promise<LetterEntry[]> {
  const today = chinaDate(ctx.clock.now());
  const overdue = (status: string, replyDueOn: string) => status !== 'replied' && replyDueOn < today;
  const out: LetterEntry[] = [];
  if (query.subject !== 'project') {
    const rows = await ctx.db
      .select({
        letter: problemLetters,
        projectId: projects.id,
        projectName: projects.name,
        ref: problems.referenceNumber,
      })
      .from(problemLetters)
      .innerJoin(problems, eq(problems.id, problemLetters.problemId))
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(and(problemScope(ctx.actor), ...letterFilters(problemLetters, query)))
      .orderBy(desc(problemLetters.issuedAt))
      .limit(limit);
    for (const { letter, projectId, projectName, ref } of rows)
      out.push({
        id: letter.id,
        subject: 'problem',
        link: `/problems/${letter.problemId}`,
        projectId,
        projectName,
        problemReferenceNumber: ref,
        kind: letter.kind,
        serial: letter.serial,
        reason: null,
        issuerOrganisationName: letter.issuerOrganisationName,
        recipientOrganisationName: letter.recipientOrganisationName,
        issuedOn: beijingDate(letter.issuedAt),
        replyDueOn: letter.replyDueOn,
        status: letter.status,
        isReplyOverdue: overdue(letter.status, letter.replyDueOn),
      });
  }
  if (query.subject !== 'problem') {
    const rows = await ctx.db
      .select({ letter: projectLetters, projectName: projects.name })
      .from(projectLetters)
      .innerJoin(projects, eq(projects.id, projectLetters.projectId))
      .where(and(projectScope(ctx.actor), ...letterFilters(projectLetters, query)))
      .orderBy(desc(projectLetters.issuedAt))
      .limit(limit);
    for (const { letter, projectName } of rows)
      out.push({
        id: letter.id,
        subject: 'project',
        link: `/projects/${letter.projectId}?tab=letters`,
        projectId: letter.projectId,
        projectName,
        problemReferenceNumber: null,
        kind: letter.kind,
        serial: letter.serial,
        reason: letter.reason,
        issuerOrganisationName: letter.issuerOrganisationName,
        recipientOrganisationName: letter.recipientOrganisationName,
        issuedOn: beijingDate(letter.issuedAt),
        replyDueOn: letter.replyDueOn,
        status: letter.status,
        isReplyOverdue: overdue(letter.status, letter.replyDueOn),
      });
  }
  return out.sort((a, b) =>
    a.issuedOn === b.issuedOn ? b.serial.localeCompare(a.serial) : a.issuedOn < b.issuedOn ? 1 : -1,
  );
}

/** 函件台账: letters on problems and on projects of my jurisdiction (scoped), filtered, newest first. */
export async function listLetters(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  query: LetterQuery,
): Promise<LetterLedger> {
  return { data: (await findLetters(ctx, query, ledgerLimit)).slice(0, ledgerLimit) };
}

/** 函件统计: a year's letters of my jurisdiction by kind, subject, month, quarter and recipient. */
export async function letterSummary(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  yearAsked: number | undefined,
): Promise<LetterSummary> {
  const today = chinaDate(ctx.clock.now());
  const year = yearAsked ?? Number(today.slice(0, 4));
  const letters = await findLetters(ctx, { from: `${year}-01-01`, to: `${year}-12-31` }, 1_000_000);
  const bySubject = { problem: 0, project: 0 };
  for (const letter of letters) bySubject[letter.subject] += 1;
  return { year, ...summariseLetters(letters, year, today), bySubject };
}
