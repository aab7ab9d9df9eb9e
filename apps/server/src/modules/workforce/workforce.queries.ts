import {
  type Actor,
  AppError,
  can,
  type HealthWatchRule,
  isSystemActor,
  isWatchActive,
  pathInSubtree,
} from '@tuijin/domain';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { contractors, healthWatches, projects, regions, workers } from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';
import { ancestorPaths } from '../../lib/scope';

export type WorkerRow = typeof workers.$inferSelect;
export type ContractorRow = typeof contractors.$inferSelect;
export type WatchRow = typeof healthWatches.$inferSelect;

/** The project facts the workforce rules read. */
export interface WorkforceProject {
  id: string;
  name: string;
  regionCode: string;
  regionPath: string;
  ownerOrganisationId: string;
}

export const workforceProjectColumns = {
  id: projects.id,
  name: projects.name,
  regionCode: projects.regionCode,
  regionPath: projects.regionPath,
  ownerOrganisationId: projects.ownerOrganisationId,
};

/** A project the actor may open (the one project-scope rule), else NOT_FOUND. */
export async function loadWorkforceProject(
  db: Queryable,
  actor: Actor,
  id: string,
): Promise<WorkforceProject> {
  const [project] = await db
    .select(workforceProjectColumns)
    .from(projects)
    .where(and(eq(projects.id, id), projectScope(actor)));
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  return project;
}

/**
 * Who keeps a project's roster (and records health checks): `workforce.manage` and either the
 * project's owner unit or the key-project office over its region.
 */
export const mayManageWorkforce = (actor: Actor, project: WorkforceProject) =>
  isSystemActor(actor) ||
  (can(actor, 'workforce.manage') &&
    (isOfficeOver(actor, project.regionPath) ||
      (actor.roles.includes('owner') && actor.organisationId === project.ownerOrganisationId)));

export function assertManageWorkforce(actor: Actor, project: WorkforceProject) {
  if (!mayManageWorkforce(actor, project))
    throw new AppError('FORBIDDEN', '只有项目业主单位或项目所在地的重点办可以维护实名制花名册');
}

/** A live worker the actor may see, with its project; else NOT_FOUND. */
export async function loadWorker(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ worker: workers, project: workforceProjectColumns })
    .from(workers)
    .innerJoin(projects, eq(projects.id, workers.projectId))
    .where(and(eq(workers.id, id), isNull(workers.deletedAt), projectScope(actor)));
  if (!row) throw new AppError('NOT_FOUND', '工人不存在或无权查看');
  return row;
}

/** A live contractor the actor may see, with its project; else NOT_FOUND. */
export async function loadContractor(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ contractor: contractors, project: workforceProjectColumns })
    .from(contractors)
    .innerJoin(projects, eq(projects.id, contractors.projectId))
    .where(and(eq(contractors.id, id), isNull(contractors.deletedAt), projectScope(actor)));
  if (!row) throw new AppError('NOT_FOUND', '施工单位不存在或无权查看');
  return row;
}

/** The live contractors of a project. */
export const liveContractors = (db: Queryable, projectId: string) =>
  db
    .select()
    .from(contractors)
    .where(and(eq(contractors.projectId, projectId), isNull(contractors.deletedAt)))
    .orderBy(contractors.role, contractors.name);

/** The rule a watch row carries. */
export const watchRule = (row: WatchRow): HealthWatchRule => ({
  fromOn: row.fromOn,
  toOn: row.toOn,
  originKind: row.originKind,
  originProvinces: row.originProvinces,
  observationDays: row.observationDays,
  retentionDays: row.retentionDays,
});

/** Every watch of a region and the regions above it (they cover it), newest first. */
export function watchesCovering(db: Queryable, regionPath: string) {
  const paths = [...ancestorPaths(regionPath), regionPath];
  return db
    .select()
    .from(healthWatches)
    .where(inArray(healthWatches.regionPath, paths))
    .orderBy(desc(healthWatches.fromOn), desc(healthWatches.createdAt));
}

/**
 * The watch on for a region on a date among `watches`: the nearest region's (its own before the
 * city's), then the latest begun.
 */
export function activeWatchOf(
  watches: readonly WatchRow[],
  regionPath: string,
  onDate: string,
): WatchRow | null {
  const on = watches
    .filter((w) => pathInSubtree(regionPath, w.regionPath) && isWatchActive(w, onDate))
    .sort((a, b) => b.regionPath.length - a.regionPath.length || b.fromOn.localeCompare(a.fromOn));
  return on[0] ?? null;
}

/** Region names by code (for watches and figures). */
export async function regionNames(db: Queryable, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export const workerConflict = '工人信息已被他人修改，请刷新后重试';

/** The transaction-free ctx pieces a read needs. */
export type ReadCtx = Pick<Ctx, 'db' | 'actor' | 'clock' | 'auditKey'>;

/** Counts live workers of contractors on a date (for the contractor list). */
export async function onSiteByContractor(db: Queryable, projectId: string, onDate: string) {
  const rows = await db
    .select({ contractorId: workers.contractorId, n: sql<number>`count(*)::int` })
    .from(workers)
    .where(
      and(
        eq(workers.projectId, projectId),
        isNull(workers.deletedAt),
        sql`${workers.arrivedOn} <= ${onDate}`,
        sql`(${workers.departedOn} is null or ${workers.departedOn} > ${onDate})`,
      ),
    )
    .groupBy(workers.contractorId);
  return new Map(rows.map((r) => [r.contractorId, Number(r.n)]));
}
