import type { Actor } from '../policies/actor';
import { isSystemActor } from '../policies/actor';
import { pathInSubtree } from '../policies/jurisdiction';

/** What decides who sees a project. */
export interface ProjectScoped {
  regionPath: string;
  ownerOrganisationId: string;
  responsibleDepartmentId: string | null;
  sector: string | null;
  leaderUserId: string | null;
  serviceOfficerUserId: string | null;
}

/**
 * Whether the actor sees a project; the union over the actor's roles. Offices and supervisors see
 * their region's subtree; a department sees, within its subtree, the projects it is responsible
 * for or of its sector; an owner sees its own projects; a linked leader or service officer sees the
 * projects assigned to them. The SQL filter `projectScope` applies the same rule.
 */
export function projectVisible(actor: Actor, project: ProjectScoped): boolean {
  if (isSystemActor(actor)) return true;
  const inSubtree = pathInSubtree(project.regionPath, actor.regionPath);
  return actor.roles.some((role) => {
    switch (role) {
      case 'office_staff':
      case 'supervisor':
        return inSubtree;
      case 'department_staff':
        return (
          inSubtree &&
          (project.responsibleDepartmentId === actor.organisationId ||
            (actor.sector !== null && project.sector === actor.sector))
        );
      case 'owner':
        return project.ownerOrganisationId === actor.organisationId;
      case 'leader':
        return project.leaderUserId === actor.userId;
      case 'service_officer':
        return project.serviceOfficerUserId === actor.userId;
      default:
        return false;
    }
  });
}

/** Whether the actor's only say over projects is as their owner (field-restricted edits). */
export const editsAsOwnerOnly = (actor: Actor) =>
  !isSystemActor(actor) && !actor.roles.includes('office_staff');
