import { type Actor, isSystemActor } from '@tuijin/domain';
import type { SQL } from 'drizzle-orm';
import { projectScope } from '../../lib/project-scope';

/**
 * The projects whose reports the actor may review (report.review): an office's jurisdiction, a
 * department's projects (by responsibility or sector) inside its jurisdiction — the project scope
 * of just those two roles, so a leader's or owner's visibility never makes them a reviewer.
 */
export function reviewScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return projectScope(actor);
  return projectScope({
    ...actor,
    roles: actor.roles.filter((role) => role === 'office_staff' || role === 'department_staff'),
  });
}

/** The projects whose approved reports the actor may correct (report.correct): an office's jurisdiction. */
export function correctionScope(actor: Actor): SQL {
  if (isSystemActor(actor)) return projectScope(actor);
  return projectScope({ ...actor, roles: actor.roles.filter((role) => role === 'office_staff') });
}
