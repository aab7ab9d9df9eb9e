import type { Actor } from '../policies/actor';
import { can } from '../policies/authorize';
import type { ApprovalRelation } from './approval-policy';

/**
 * Who files documents on an approval item (申请表, 批复文件, 补正材料…): whoever may move it — the
 * office running the checklist, the approving department, the 帮办代办 agent and the owner unit.
 */
export function mayFileApprovalDocuments(actor: Actor, relation: ApprovalRelation): boolean {
  if (relation.isOffice && can(actor, 'approval.manage')) return true;
  return (
    can(actor, 'approval.process') && (relation.isApprovingDepartment || relation.isAgent || relation.isOwner)
  );
}

/**
 * Who removes a filed document: the office any of them; the others only what their own organisation
 * filed, while they may still file on the item.
 */
export function mayRemoveApprovalDocument(
  actor: Actor,
  relation: ApprovalRelation,
  filedByOrganisationId: string | null,
): boolean {
  if (relation.isOffice && can(actor, 'approval.manage')) return true;
  return mayFileApprovalDocuments(actor, relation) && filedByOrganisationId === actor.organisationId;
}
