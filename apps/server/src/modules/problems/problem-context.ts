import {
  type Actor,
  AppError,
  authorize,
  type EscalationLadder,
  type EscalationLevel,
  isProblemHandlerCandidate,
  isSystemActor,
  type ProblemAction,
  type ProblemScoped,
  type ProblemStatus,
  problemHandlerKinds,
  problemVisible,
  transitionProblem,
} from '@tuijin/domain';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  escalationLadders,
  escalationLevels,
  organisations,
  problemEvents,
  problems,
  projects,
  users,
} from '../../db/schema';
import { ancestorPaths, inRegionSubtree } from '../../lib/scope';
import { updateVersioned } from '../audit';

export type ProblemRow = typeof problems.$inferSelect;

/** The message of a problem someone else moved first (a stale version). */
export const staleProblem = '问题已被他人处理，请刷新后重试';

/** A problem with the project facts that decide who sees and handles it. */
export interface LoadedProblem {
  problem: ProblemRow;
  project: {
    id: string;
    name: string;
    regionCode: string;
    regionPath: string;
    ownerOrganisationId: string;
    responsibleDepartmentId: string | null;
    sector: string | null;
    leaderUserId: string | null;
    serviceOfficerUserId: string | null;
  };
  scoped: ProblemScoped;
}

/** The project columns a problem needs, selected together with it. */
export const problemProjectColumns = {
  id: projects.id,
  name: projects.name,
  regionCode: projects.regionCode,
  regionPath: projects.regionPath,
  ownerOrganisationId: projects.ownerOrganisationId,
  responsibleDepartmentId: projects.responsibleDepartmentId,
  sector: projects.sector,
  leaderUserId: projects.leaderUserId,
  serviceOfficerUserId: projects.serviceOfficerUserId,
};

/** The scope facts of a problem; with its ladder, who handles its current level. */
export function scopedOf(
  problem: ProblemRow,
  project: LoadedProblem['project'],
  ladder: LoadedLadder | null = null,
): ProblemScoped {
  return {
    project,
    raisedBy: problem.raisedBy,
    raisedByOrganisationId: problem.raisedByOrganisationId,
    handlerOrganisationId: problem.handlerOrganisationId,
    levelHandlerKind: ladder?.levels.find((l) => l.level === problem.level)?.handlerKind ?? null,
  };
}

/** Loads a problem the actor may see (problem.read and {@link problemVisible}); else NOT_FOUND. */
export async function loadProblem(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<LoadedProblem> {
  const [row] = await ctx.db
    .select({ problem: problems, project: problemProjectColumns })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(eq(problems.id, id));
  if (!row) throw new AppError('NOT_FOUND', '问题不存在或无权查看');
  const scoped = scopedOf(row.problem, row.project, await ladderFor(ctx.db, row.project.regionPath));
  if (!problemVisible(ctx.actor, scoped)) throw new AppError('NOT_FOUND', '问题不存在或无权查看');
  authorize(ctx.actor, 'problem.read');
  return { problem: row.problem, project: row.project, scoped };
}

/** A ladder as the domain rule reads it, plus its row facts. */
export interface LoadedLadder extends EscalationLadder {
  id: string;
  regionCode: string;
  name: string;
  preset: string | null;
  version: number;
  levels: (EscalationLevel & { handlerOrganisationId: string | null })[];
}

/** The ladder that applies at a region path: its own, else the nearest ancestor's; null when none. */
export async function ladderFor(db: Queryable, regionPath: string): Promise<LoadedLadder | null> {
  const [ladder] = await db
    .select()
    .from(escalationLadders)
    .where(inArray(escalationLadders.regionPath, [...ancestorPaths(regionPath), regionPath]))
    .orderBy(desc(sql`length(${escalationLadders.regionPath})`))
    .limit(1);
  if (!ladder) return null;
  const levels = await db
    .select()
    .from(escalationLevels)
    .where(eq(escalationLevels.ladderId, ladder.id))
    .orderBy(escalationLevels.level);
  return {
    id: ladder.id,
    regionCode: ladder.regionCode,
    name: ladder.name,
    preset: ladder.preset,
    version: ladder.version,
    levels: levels.map((l) => ({
      level: l.level,
      name: l.name,
      handlerKind: l.handlerKind,
      handlerOrganisationId: l.handlerOrganisationId,
      limitWorkingDays: l.limitWorkingDays,
    })),
  };
}

/** What a move writes besides the status: changed columns, the event note, audit detail. */
export interface ProblemMove {
  /** A lifecycle move, or `recomputeDue` (the system recounting a provisional due date; keeps the status). */
  action: ProblemAction | 'recomputeDue';
  set?: Partial<typeof problems.$inferInsert>;
  note?: string | null;
  /** Overrides the transition table's result (never needed by the table's own actions). */
  toStatus?: ProblemStatus;
}

/**
 * Applies one lifecycle move in the caller's transaction: checks the transition table and the
 * version, updates the row (version + 1), appends the timeline event and the audit event
 * (`problem.<action>`, entity = the project so it shows in 一项一档). Answers the updated row.
 */
export async function applyProblemMove(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'ip' | 'auditKey'>,
  loaded: LoadedProblem,
  version: number,
  move: ProblemMove,
): Promise<ProblemRow> {
  const { problem, project } = loaded;
  const status =
    move.toStatus ??
    (move.action === 'recomputeDue' ? problem.status : transitionProblem(problem.status, move.action));
  if (problem.version !== version) throw new AppError('CONFLICT', staleProblem);
  const now = ctx.clock.now();
  const updated = await updateVersioned(tx, ctx, {
    table: problems,
    where: eq(problems.id, problem.id),
    version: problem.version,
    set: { ...move.set, status, updatedAt: now },
    audit: (saved) => {
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const key of ['status', 'level', 'handlerOrganisationId', 'dueOn'] as const)
        if (problem[key] !== saved[key]) changes[key] = { before: problem[key], after: saved[key] };
      return {
        action: `problem.${move.action}`,
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes,
        detail: {
          problemId: problem.id,
          referenceNumber: problem.referenceNumber,
          ...(move.note ? { note: move.note } : {}),
        },
      };
    },
    conflict: staleProblem,
  });
  await tx.insert(problemEvents).values({
    problemId: problem.id,
    action: move.action,
    fromStatus: problem.status,
    toStatus: status,
    fromLevel: problem.level,
    toLevel: updated.level,
    handlerOrganisationId: updated.handlerOrganisationId,
    note: move.note ?? null,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    at: now,
  });
  return updated;
}

/**
 * Appends a step that moves nothing (a letter issued, sent, replied) to the problem's timeline: status,
 * level and handler stay as they are. The problems module owns the timeline; others write it here.
 */
export async function appendProblemStep(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock'>,
  loaded: LoadedProblem,
  action: 'issueLetter' | 'sendLetter' | 'replyLetter',
  note: string,
) {
  const { problem } = loaded;
  await tx.insert(problemEvents).values({
    problemId: problem.id,
    action,
    fromStatus: problem.status,
    toStatus: problem.status,
    fromLevel: problem.level,
    toLevel: problem.level,
    handlerOrganisationId: problem.handlerOrganisationId,
    note,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    at: ctx.clock.now(),
  });
}

/** People who act for a handler organisation (its active staff), plus a named leader or officer. */
export async function handlerRecipients(
  db: Queryable,
  handlerOrganisationId: string | null,
  extraUserIds: (string | null)[] = [],
): Promise<string[]> {
  const ids = new Set(extraUserIds.filter((id): id is string => id !== null));
  if (handlerOrganisationId) {
    const staff = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organisationId, handlerOrganisationId), eq(users.isActive, true)));
    for (const person of staff) ids.add(person.id);
  }
  return [...ids];
}

/** The person to record as handler: the actor, or nobody for the system (CLI, jobs). */
export const handlerUserOf = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId);

/** Where a problem notification leads. */
export const problemLink = (id: string) => `/problems/${id}`;

/**
 * The organisation a problem (or a routing rule, or a ladder level) is handed to: an active line
 * department or office whose region is `regionPath`'s own, above it or below it
 * (`isProblemHandlerCandidate`) — never an owner company or a sibling region's unit. Else a 400
 * naming `handlerOrganisationId`.
 */
export async function assertHandlerOrganisation(db: Queryable, id: string, regionPath: string) {
  const [org] = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      isActive: organisations.isActive,
      regionPath: organisations.regionPath,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!org || !isProblemHandlerCandidate(org, regionPath))
    throw new AppError(
      'VALIDATION_FAILED',
      org?.kind === 'owner'
        ? '问题不能交办给业主单位，请选择本辖区的行业部门或重点办'
        : '承办单位应为本辖区（本级、上级或下级）在用的行业部门或重点办',
      [{ path: 'handlerOrganisationId', message: '请选择本辖区的行业部门或重点办' }],
    );
  return org;
}

/**
 * 交办 choices for a problem on a project in `regionPath`: every organisation that
 * `assertHandlerOrganisation` accepts — departments first, then offices, the nearest level first.
 */
export async function listHandlerCandidates(db: Queryable, regionPath: string) {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      sector: organisations.sector,
      regionCode: organisations.regionCode,
      regionPath: organisations.regionPath,
      isActive: organisations.isActive,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.isActive, true),
        inArray(organisations.kind, [...problemHandlerKinds]),
        or(
          inArray(organisations.regionPath, [...ancestorPaths(regionPath), regionPath]),
          inRegionSubtree(organisations.regionPath, regionPath),
        ),
      ),
    )
    .orderBy(organisations.kind, desc(sql`length(${organisations.regionPath})`), organisations.name);
  return rows
    .filter((row) => isProblemHandlerCandidate(row, regionPath))
    .map(({ id, name, kind, sector, regionCode }) => ({
      id,
      name,
      kind: kind as (typeof problemHandlerKinds)[number],
      sector,
      regionCode,
    }));
}
