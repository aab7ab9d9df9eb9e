import type { Actor } from '../policies/actor';
import { isSystemActor } from '../policies/actor';
import { can } from '../policies/authorize';
import { pathInSubtree } from '../policies/jurisdiction';
import { type ProjectScoped, projectVisible } from '../projects/project-scope';
import type { EscalationHandlerKind } from './escalation';

/** What decides who sees a problem: its project, who raised it and who handles it. */
export interface ProblemScoped {
  project: ProjectScoped;
  raisedBy: string | null;
  raisedByOrganisationId: string | null;
  handlerOrganisationId: string | null;
  /** Who handles the problem's current ladder level (a leader level, a service officer level…), when known. */
  levelHandlerKind?: EscalationHandlerKind | null;
}

/**
 * Whether the actor sees a problem: whoever sees its project (offices and supervisors their
 * subtree, a department its sector or responsibility within its subtree, an owner its own
 * projects, a leader or service officer the projects assigned to them), plus a department it is
 * routed to and the person who raised it. The SQL filter `problemScope` applies the same rule.
 */
export function problemVisible(actor: Actor, problem: ProblemScoped): boolean {
  if (isSystemActor(actor)) return true;
  if (projectVisible(actor, problem.project)) return true;
  if (problem.raisedBy === actor.userId) return true;
  return actor.roles.includes('department_staff') && problem.handlerOrganisationId === actor.organisationId;
}

/**
 * Whether the actor handles the problem (starts, answers): a member of the handler organisation
 * with problem.handle, or — while the problem sits at a ladder level handled by a linked leader or
 * a service officer — the project's own leader or service officer.
 */
export function handlesProblem(actor: Actor, problem: ProblemScoped): boolean {
  if (isSystemActor(actor)) return true;
  if (!can(actor, 'problem.handle')) return false;
  if (problem.handlerOrganisationId === actor.organisationId) return true;
  if (problem.levelHandlerKind === 'leader') return problem.project.leaderUserId === actor.userId;
  if (problem.levelHandlerKind === 'serviceOfficer')
    return problem.project.serviceOfficerUserId === actor.userId;
  return false;
}

/** Whether the actor manages the problem as its office (route, reject, write off, escalate): an office in the project's subtree. */
export function managesProblem(actor: Actor, problem: ProblemScoped): boolean {
  return (
    isSystemActor(actor) ||
    (actor.roles.includes('office_staff') && pathInSubtree(problem.project.regionPath, actor.regionPath))
  );
}

/** Whether the actor speaks for the raiser (confirms or sends back an answer): the raiser or their organisation. */
export function speaksForRaiser(actor: Actor, problem: ProblemScoped): boolean {
  return (
    isSystemActor(actor) ||
    problem.raisedBy === actor.userId ||
    (problem.raisedByOrganisationId !== null && problem.raisedByOrganisationId === actor.organisationId)
  );
}
