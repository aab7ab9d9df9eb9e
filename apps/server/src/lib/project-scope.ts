import { type Actor, AppError, isSystemActor } from '@tuijin/domain';
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { projectFiles, projects } from '../db/schema';
import { inRegionSubtree } from './scope';

/**
 * The SQL form of `projectVisible`: the union over the actor's roles. Lists, totals, exports and
 * counts all filter with it, so a total always equals the sum over rows the caller may open.
 */
export function projectScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  const subtree = inRegionSubtree(projects.regionPath, actor.regionPath);
  const clauses: SQL[] = [];
  for (const role of new Set(actor.roles)) {
    if (role === 'office_staff' || role === 'supervisor') clauses.push(subtree);
    if (role === 'department_staff') {
      const mine = actor.sector
        ? or(eq(projects.responsibleDepartmentId, actor.organisationId), eq(projects.sector, actor.sector))!
        : eq(projects.responsibleDepartmentId, actor.organisationId);
      clauses.push(and(subtree, mine)!);
    }
    if (role === 'owner') clauses.push(eq(projects.ownerOrganisationId, actor.organisationId));
    if (role === 'leader') clauses.push(eq(projects.leaderUserId, actor.userId));
    if (role === 'service_officer') clauses.push(eq(projects.serviceOfficerUserId, actor.userId));
  }
  if (clauses.length === 0) return sql`false`;
  return or(...clauses)!;
}

/** The project facts the satellite modules (approvals, milestones) read, scoped in SQL. */
export interface ScopedProject {
  id: string;
  name: string;
  regionCode: string;
  regionPath: string;
  domain: string;
  ownerOrganisationId: string;
  stage: string;
}

export const scopedProjectColumns = {
  id: projects.id,
  name: projects.name,
  regionCode: projects.regionCode,
  regionPath: projects.regionPath,
  domain: projects.domain,
  ownerOrganisationId: projects.ownerOrganisationId,
  stage: projects.stage,
};

/** A project the actor may open; anything else is NOT_FOUND (existence never leaks). */
export async function scopedProject(db: Queryable, actor: Actor, id: string): Promise<ScopedProject> {
  const [project] = await db
    .select(scopedProjectColumns)
    .from(projects)
    .where(and(eq(projects.id, id), projectScope(actor)));
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  return project;
}

/** Whether the actor is a key-project office over a region (runs the checklists and plans there). */
export const isOfficeOver = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) ||
  (actor.roles.includes('office_staff') &&
    (regionPath === actor.regionPath ||
      regionPath.startsWith(`${actor.regionPath}.`) ||
      actor.regionPath === ''));

/**
 * A file given as evidence must be a live file of the same project; anything else is
 * VALIDATION_FAILED on `fileId`, `what` naming it in the message (所附文件, 佐证材料).
 */
export async function assertProjectFile(db: Queryable, fileId: string, projectId: string, what: string) {
  const [file] = await db
    .select({ id: projectFiles.id })
    .from(projectFiles)
    .where(
      and(eq(projectFiles.id, fileId), eq(projectFiles.projectId, projectId), isNull(projectFiles.deletedAt)),
    );
  if (!file)
    throw new AppError('VALIDATION_FAILED', `${what}不是本项目的文件`, [
      { path: 'fileId', message: '不是本项目的文件' },
    ]);
}
