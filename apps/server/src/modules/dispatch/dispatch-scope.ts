import { type Actor, can, isSystemActor, pathInSubtree } from '@tuijin/domain';
import { eq, or, type SQL, sql } from 'drizzle-orm';
import { dispatchTasks, fieldVisits, meetings } from '../../db/schema';
import { isOfficeOver } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';

/**
 * Meetings an actor sees: those of its jurisdiction (offices, departments, leaders, service officers,
 * supervisors of the region or above). A project owner sees no meetings, only the tasks given to it.
 */
export function meetingScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  if (!can(actor, 'meeting.read')) return sql`false`;
  return inRegionSubtree(meetings.regionPath, actor.regionPath);
}

/** Field visits an actor sees: those of its jurisdiction, like meetings (not for project owners). */
export function visitScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  if (!can(actor, 'meeting.read')) return sql`false`;
  return inRegionSubtree(fieldVisits.regionPath, actor.regionPath);
}

/** The row-level twin of {@link meetingScope}: whether the actor sees the meetings of a region. */
export const seesMeetingsOf = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) || (can(actor, 'meeting.read') && pathInSubtree(regionPath, actor.regionPath));

/**
 * Tasks an actor sees: every task of its jurisdiction for offices, leaders, service officers and
 * supervisors; a department or an owner unit sees the tasks given to it.
 */
export function taskScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return sql`true`;
  const clauses: SQL[] = [];
  for (const role of new Set(actor.roles)) {
    if (role === 'office_staff' || role === 'supervisor' || role === 'leader' || role === 'service_officer')
      clauses.push(inRegionSubtree(dispatchTasks.regionPath, actor.regionPath));
    if (role === 'department_staff' || role === 'owner')
      clauses.push(eq(dispatchTasks.organisationId, actor.organisationId));
  }
  return clauses.length === 0 ? sql`false` : or(...clauses)!;
}

/** Whether the actor runs the meetings of a region: its key-project office (or the system). */
export const mayManageMeetingsIn = (actor: Actor, regionPath: string) =>
  isSystemActor(actor) || (can(actor, 'dispatch.manage') && isOfficeOver(actor, regionPath));
