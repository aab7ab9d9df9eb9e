import type { Actor } from '../policies/actor';
import { can } from '../policies/authorize';
import { type ApprovalStatus, approvalTransitions } from './approval-status';

/** How the reader stands to one checklist item (worked out by the server from the records). */
export interface ApprovalRelation {
  /** The project is in the actor's jurisdiction as an office (the key-project office of its region or above). */
  isOffice: boolean;
  /** The actor works for the item's approving department. */
  isApprovingDepartment: boolean;
  /** The actor is the item's 帮办代办 agent. */
  isAgent: boolean;
  /** The actor works for the project's owner unit. */
  isOwner: boolean;
}

/** Fields of an item and who may change them with PATCH. */
export const approvalItemFields = [
  'departmentId',
  'committedDays',
  'requiredBeforeStart',
  'dependsOn',
  'agentUserId',
  'handlerName',
  'materialsReadyOn',
  'submittedOn',
  'approvalNumber',
  'note',
] as const;
export type ApprovalItemField = (typeof approvalItemFields)[number];

export interface ApprovalAbilities {
  moves: ApprovalStatus[];
  fields: ApprovalItemField[];
  canSupply: boolean;
}

/** The moves only the approving department (or the office) makes: it is the department's decision. */
const departmentMoves: readonly ApprovalStatus[] = ['accepted', 'accepted_with_gaps', 'approved', 'returned'];

/**
 * What a reader may do with an item. The office runs the checklist (every move and field, the agent,
 * the limits); the approving department accepts, accepts with gaps, approves or returns, and records
 * its handler and 文号; the agent and the owner prepare (准备中, materials ready, submitted) and
 * supply missing materials. 不需办理 and reopening an approval are the office's alone.
 */
export function approvalAbilities(
  actor: Actor,
  status: ApprovalStatus,
  relation: ApprovalRelation,
): ApprovalAbilities {
  const legal = approvalTransitions[status];
  if (relation.isOffice && can(actor, 'approval.manage'))
    return { moves: [...legal], fields: [...approvalItemFields], canSupply: true };
  if (!can(actor, 'approval.process')) return { moves: [], fields: [], canSupply: false };
  const moves = new Set<ApprovalStatus>();
  const fields = new Set<ApprovalItemField>();
  let canSupply = false;
  if (relation.isApprovingDepartment) {
    for (const to of legal)
      if (departmentMoves.includes(to) && !(status === 'approved' && to === 'accepted')) moves.add(to);
    for (const field of ['handlerName', 'approvalNumber', 'note'] as const) fields.add(field);
  }
  if (relation.isAgent || relation.isOwner) {
    for (const to of legal)
      if (to === 'preparing' || (to === 'not_started' && status === 'preparing')) moves.add(to);
    for (const field of ['materialsReadyOn', 'submittedOn', 'note'] as const) fields.add(field);
    canSupply = true;
  }
  return { moves: [...moves], fields: [...fields], canSupply };
}
