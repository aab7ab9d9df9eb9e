import type { ProjectLetter, ProjectLetterFacts, ProjectLetterList } from '@tuijin/contracts';
import { type Actor, AppError, can, chinaDate, defaultLetterKind, isSystemActor } from '@tuijin/domain';
import { and, asc, count, eq, gte, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { organisations, projectLetters, projects } from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';

export type ProjectLetterRow = typeof projectLetters.$inferSelect;

/** A project a letter is about, loaded within the actor's scope. */
export interface LetterProject {
  id: string;
  name: string;
  regionPath: string;
  ownerOrganisationId: string;
  responsibleDepartmentId: string | null;
  startYear: number;
  startMonth: number | null;
  actualStartOn: string | null;
}

/** The project if the actor may see it (the one project-scope rule), else NOT_FOUND. */
export async function loadLetterProject(
  db: Queryable,
  actor: Actor,
  projectId: string,
): Promise<LetterProject> {
  const [project] = await db
    .select({
      id: projects.id,
      name: projects.name,
      regionPath: projects.regionPath,
      ownerOrganisationId: projects.ownerOrganisationId,
      responsibleDepartmentId: projects.responsibleDepartmentId,
      startYear: projects.startYear,
      startMonth: projects.startMonth,
      actualStartOn: projects.actualStartOn,
    })
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(actor)));
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  return project;
}

/** Whether the actor issues letters on the project: an office over its region with problem.escalate. */
export const mayIssueProjectLetter = (actor: Actor, project: Pick<LetterProject, 'regionPath'>) =>
  isOfficeOver(actor, project.regionPath) && can(actor, 'problem.escalate');

/** Whether the actor answers the letter: a member of the recipient unit. */
export const mayReplyProjectLetter = (
  actor: Actor,
  letter: Pick<ProjectLetterRow, 'recipientOrganisationId'>,
) => isSystemActor(actor) || actor.organisationId === letter.recipientOrganisationId;

/** Row → wire shape, an explicit field list, plus what the caller may do with it now. */
export function presentProjectLetter(
  actor: Actor,
  project: LetterProject,
  row: ProjectLetterRow,
): ProjectLetter {
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: project.name,
    kind: row.kind,
    serial: row.serial,
    issuerOrganisationName: row.issuerOrganisationName,
    recipientOrganisationId: row.recipientOrganisationId,
    recipientOrganisationName: row.recipientOrganisationName,
    reason: row.reason,
    facts: row.facts as ProjectLetterFacts,
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
    canMarkSent: row.status === 'issued' && mayIssueProjectLetter(actor, project),
    canReply: row.status === 'sent' && mayReplyProjectLetter(actor, row),
  };
}

/** The project's letters issued since `since` (an instant): the count the default kind reads. */
export async function projectLettersSince(db: Queryable, projectId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(projectLetters)
    .where(and(eq(projectLetters.projectId, projectId), gte(projectLetters.issuedAt, since)));
  return row?.n ?? 0;
}

/** The start of a China year as an instant (00:00 Beijing time on 1 January). */
export const chinaYearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);

/** The units a letter on the project may go to: the owner unit first, then the responsible department. */
export async function letterRecipients(db: Queryable, project: LetterProject) {
  const ids = [project.ownerOrganisationId, project.responsibleDepartmentId].filter(
    (id): id is string => !!id,
  );
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
}

/** The letters of a project the actor may see, oldest first, with whether another may be issued. */
export async function listProjectLetters(ctx: Ctx, projectId: string): Promise<ProjectLetterList> {
  const project = await loadLetterProject(ctx.db, ctx.actor, projectId);
  const rows = await ctx.db
    .select()
    .from(projectLetters)
    .where(eq(projectLetters.projectId, projectId))
    .orderBy(asc(projectLetters.issuedAt), asc(projectLetters.serial));
  const canIssue = mayIssueProjectLetter(ctx.actor, project);
  const year = Number(chinaDate(ctx.clock.now()).slice(0, 4));
  return {
    data: rows.map((row) => presentProjectLetter(ctx.actor, project, row)),
    canIssue,
    nextKind: defaultLetterKind(await projectLettersSince(ctx.db, projectId, chinaYearStart(year))),
    recipients: canIssue ? await letterRecipients(ctx.db, project) : [],
  };
}

/** One project letter the actor may see (its project's scope decides), else NOT_FOUND. */
export async function loadProjectLetter(ctx: Pick<Ctx, 'db' | 'actor'>, letterId: string) {
  const [letter] = await ctx.db
    .select({ letter: projectLetters })
    .from(projectLetters)
    .innerJoin(projects, eq(projects.id, projectLetters.projectId))
    .where(and(eq(projectLetters.id, letterId), projectScope(ctx.actor)));
  if (!letter) throw new AppError('NOT_FOUND', '函件不存在或无权查看');
  const project = await loadLetterProject(ctx.db, ctx.actor, letter.letter.projectId);
  return { project, letter: letter.letter };
}
