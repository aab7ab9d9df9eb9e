import { AppError } from '../errors';
import type { Actor } from './actor';
import { isSystemActor } from './actor';
import { inJurisdiction, type Scoped } from './jurisdiction';
import { type Permission, permissionsOf } from './permissions';

/** Whether the actor's roles grant the permission (the system actor holds every permission). */
export function can(actor: Actor, permission: Permission): boolean {
  return isSystemActor(actor) || permissionsOf(actor.roles).has(permission);
}

/**
 * Throws unless the actor may do `permission` on `target`. Out of jurisdiction is NOT_FOUND (the
 * same answer as a missing id, so existence never leaks); in jurisdiction without the permission
 * is FORBIDDEN.
 */
export function authorize(actor: Actor, permission: Permission, target?: Scoped): void {
  if (target && !isSystemActor(actor) && !inJurisdiction(actor, target)) throw new AppError('NOT_FOUND');
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

/** The permissions the actor holds, sent to the web app so it never re-derives roles. */
export function abilities(actor: Actor): Permission[] {
  return [...permissionsOf(actor.roles)].sort();
}
