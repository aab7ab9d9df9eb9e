import type { ProblemBoard, ProblemDetail, ProblemPage, ProblemQuery } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  authorize,
  chinaDate,
  openProblemStatuses,
  type ProblemStatus,
  unresolvedProblemStatuses,
} from '@tuijin/domain';
import { and, asc, count, desc, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { isOverdueProblemSql } from '../../db/rules';
import {
  organisations,
  problemClassMembers,
  problemEvents,
  problems,
  projects,
  regions,
} from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { approvalItemSummaries } from '../approvals';
import { type LoadedLadder, ladderFor, loadProblem, problemProjectColumns } from './problem-context';
import { problemScope } from './problem-scope';
import { presentProblem } from './problems.presenter';

/** The path of a region the filter names; an unknown code is a 400 naming the field. */
export async function regionPathOf(db: Queryable, code: string, path = 'regionCode'): Promise<string> {
  const [region] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, code));
  if (!region)
    throw new AppError('VALIDATION_FAILED', `区划“${code}”不存在`, [{ path, message: '区划不存在' }]);
  return region.path;
}

/** Each region's ladder, looked up once per region. */
function ladderCache(db: Queryable) {
  const cache = new Map<string, Promise<LoadedLadder | null>>();
  return (regionPath: string) => {
    if (!cache.has(regionPath)) cache.set(regionPath, ladderFor(db, regionPath));
    return cache.get(regionPath)!;
  };
}

/** One problem the actor may see, with its timeline (oldest first). */
export async function getProblem(ctx: Ctx, id: string): Promise<ProblemDetail> {
  const loaded = await loadProblem(ctx, id);
  const [handler] = loaded.problem.handlerOrganisationId
    ? await ctx.db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, loaded.problem.handlerOrganisationId))
    : [];
  const [member] = await ctx.db
    .select({ classId: problemClassMembers.classId })
    .from(problemClassMembers)
    .where(eq(problemClassMembers.problemId, id));
  const events = await ctx.db
    .select({ event: problemEvents, handlerName: organisations.name })
    .from(problemEvents)
    .leftJoin(organisations, eq(organisations.id, problemEvents.handlerOrganisationId))
    .where(eq(problemEvents.problemId, id))
    .orderBy(asc(problemEvents.id));
  const ladder = await ladderFor(ctx.db, loaded.project.regionPath);
  const itemId = loaded.problem.approvalItemId;
  const items = await approvalItemSummaries(ctx.db, itemId ? [itemId] : [], ctx.clock.now());
  return {
    approvalItem: itemId ? (items.get(itemId) ?? null) : null,
    ...presentProblem(
      ctx.actor,
      loaded,
      { handlerOrganisationName: handler?.name ?? null, ladder, classId: member?.classId ?? null },
      chinaDate(ctx.clock.now()),
    ),
    events: events.map(({ event, handlerName }) => ({
      action: event.action,
      fromStatus: event.fromStatus as ProblemDetail['status'] | null,
      toStatus: event.toStatus as ProblemDetail['status'],
      fromLevel: event.fromLevel,
      toLevel: event.toLevel,
      handlerOrganisationName: handlerName,
      note: event.note,
      actorName: event.actorName,
      at: event.at.toISOString(),
    })),
  };
}

/** A list query; `classId` (members of one class) and `statuses` (any of them) are for the server's own callers. */
export type ProblemListQuery = Partial<ProblemQuery> &
  Pick<ProblemQuery, 'page' | 'pageSize'> & { classId?: string; statuses?: readonly ProblemStatus[] };

/** The filter of a problem list: scope, the view (handling / raised / leading) and the query's fields. */
async function listFilter(db: Queryable, actor: Actor, query: ProblemListQuery, today: string) {
  const clauses: (SQL | undefined)[] = [problemScope(actor)];
  if (query.view === 'handling')
    clauses.push(
      or(eq(problems.handlerOrganisationId, actor.organisationId), eq(problems.handlerUserId, actor.userId)),
    );
  if (query.view === 'raised')
    clauses.push(
      or(eq(problems.raisedBy, actor.userId), eq(problems.raisedByOrganisationId, actor.organisationId)),
    );
  if (query.view === 'leading') clauses.push(eq(projects.leaderUserId, actor.userId));
  if (query.status) clauses.push(eq(problems.status, query.status));
  if (query.statuses) clauses.push(inArray(problems.status, [...query.statuses]));
  if (query.level) clauses.push(eq(problems.level, query.level));
  if (query.category) clauses.push(eq(problems.category, query.category));
  if (query.projectId) clauses.push(eq(problems.projectId, query.projectId));
  if (query.approvalItemId) clauses.push(eq(problems.approvalItemId, query.approvalItemId));
  if (query.approvalLinked) clauses.push(isNotNull(problems.approvalItemId));
  if (query.open) clauses.push(inArray(problems.status, [...unresolvedProblemStatuses]));
  if (query.regionCode)
    clauses.push(inRegionSubtree(problems.regionPath, await regionPathOf(db, query.regionCode)));
  if (query.overdue) clauses.push(overdueClause(today));
  if (query.referenceNumber) {
    const number = query.referenceNumber.trim().toUpperCase();
    clauses.push(or(eq(problems.referenceNumber, number), eq(problems.legacyReferenceNumber, number)));
  }
  if (query.classId) clauses.push(eq(problemClassMembers.classId, query.classId));
  return and(...clauses);
}

/** Open (raised, accepted, in progress) past its due date: the one rule in `db/rules`. */
export const overdueClause = (today: string) => isOverdueProblemSql(today);

/**
 * Problems the actor may see, filtered in SQL: my problems as handler, raiser or linked leader, the
 * overdue list, a project's problems; most pressing first (open before closed, earliest due first).
 */
export async function findProblems(ctx: Ctx, query: ProblemListQuery): Promise<ProblemPage> {
  authorize(ctx.actor, 'problem.read');
  const today = chinaDate(ctx.clock.now());
  const where = await listFilter(ctx.db, ctx.actor, query, today);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(problemClassMembers, eq(problemClassMembers.problemId, problems.id))
    .where(where);
  const rows = await ctx.db
    .select({
      problem: problems,
      project: problemProjectColumns,
      handlerName: organisations.name,
      classId: problemClassMembers.classId,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(organisations, eq(organisations.id, problems.handlerOrganisationId))
    .leftJoin(problemClassMembers, eq(problemClassMembers.problemId, problems.id))
    .where(where)
    .orderBy(asc(problems.dueOn), desc(problems.raisedAt), asc(problems.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const ladderOf = ladderCache(ctx.db);
  const data = [];
  for (const row of rows)
    data.push(
      presentProblem(
        ctx.actor,
        row,
        {
          handlerOrganisationName: row.handlerName,
          ladder: await ladderOf(row.project.regionPath),
          classId: row.classId,
        },
        today,
      ),
    );
  return { data, page: { total: total?.n ?? 0, page: query.page, pageSize: query.pageSize } };
}

/** 问题看板: how many problems the actor may see, by status and level, and how many are overdue. */
export async function getProblemBoard(ctx: Ctx): Promise<ProblemBoard> {
  authorize(ctx.actor, 'problem.read');
  const today = chinaDate(ctx.clock.now());
  const scope = problemScope(ctx.actor);
  const cells = await ctx.db
    .select({ status: problems.status, level: problems.level, count: count() })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(scope)
    .groupBy(problems.status, problems.level)
    .orderBy(problems.status, problems.level);
  const [overdue] = await ctx.db
    .select({ n: count() })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(and(scope, overdueClause(today)));
  return { cells, overdue: overdue?.n ?? 0 };
}

/**
 * The open problems now at ladder level `level` in a region's subtree, oldest at the level first — what
 * a meeting bound to that rung takes up (议程). Not scoped to an actor: the caller checks the meeting.
 */
export async function openProblemsAtLevel(db: Queryable, regionPath: string, level: number) {
  return db
    .select({
      id: problems.id,
      referenceNumber: problems.referenceNumber,
      description: problems.description,
      category: problems.category,
      projectId: problems.projectId,
      projectName: projects.name,
      levelStartedOn: problems.levelStartedOn,
      dueOn: problems.dueOn,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(
      and(
        inRegionSubtree(problems.regionPath, regionPath),
        eq(problems.level, level),
        inArray(problems.status, [...openProblemStatuses]),
      ),
    )
    .orderBy(asc(problems.levelStartedOn), asc(problems.referenceNumber));
}
