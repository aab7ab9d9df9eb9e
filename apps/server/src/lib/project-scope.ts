import type { Actor } from '@tuijin/domain';
import { isSystemActor } from '@tuijin/domain';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { projects } from '../db/schema';
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
