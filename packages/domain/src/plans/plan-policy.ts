import type { Actor } from '../policies/actor';
import { isSystemActor } from '../policies/actor';
import { can } from '../policies/authorize';
import { pathInSubtree } from '../policies/jurisdiction';
import type { ProjectScoped } from '../projects/project-scope';

/**
 * Whether the actor may edit a project's draft plan (`plan.edit`): a key-project office in its
 * region's subtree, or the owner unit for its own projects. Seeing a project (a department, a
 * leader) is not enough.
 */
export function canEditPlan(actor: Actor, project: ProjectScoped): boolean {
  if (isSystemActor(actor)) return true;
  if (!can(actor, 'plan.edit')) return false;
  return (
    (actor.roles.includes('office_staff') && pathInSubtree(project.regionPath, actor.regionPath)) ||
    (actor.roles.includes('owner') && project.ownerOrganisationId === actor.organisationId)
  );
}

/**
 * Whether the actor may freeze or adjust a project's plan (`plan.approve`): only a key-project
 * office, and only in its region's subtree.
 */
export function canApprovePlan(actor: Actor, project: ProjectScoped): boolean {
  if (isSystemActor(actor)) return true;
  return (
    can(actor, 'plan.approve') &&
    actor.roles.includes('office_staff') &&
    pathInSubtree(project.regionPath, actor.regionPath)
  );
}
