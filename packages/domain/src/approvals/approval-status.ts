import { AppError } from '../errors';

/**
 * The state of one procedure on a project's approval checklist (前期手续): 未启动 → 准备中 → 已受理 or
 * 容缺受理 (accepted with documents missing against dated promises) → 已批复; 退回 sends it back for
 * more materials; 不需办理 takes it off the list with a reason.
 */
export const approvalStatuses = [
  'not_started',
  'preparing',
  'accepted',
  'accepted_with_gaps',
  'approved',
  'not_needed',
  'returned',
] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export const approvalStatusNames: Record<ApprovalStatus, string> = {
  not_started: '未启动',
  preparing: '准备中',
  accepted: '已受理',
  accepted_with_gaps: '容缺受理',
  approved: '已批复',
  not_needed: '不需办理',
  returned: '退回',
};

/** Statuses whose item is still to be done: everything but 已批复 and 不需办理. */
export const isOpenApprovalStatus = (status: ApprovalStatus) =>
  status !== 'approved' && status !== 'not_needed';

/** Statuses in which the approving department's clock runs (from the acceptance date). */
export const isAcceptedApprovalStatus = (status: ApprovalStatus) =>
  status === 'accepted' || status === 'accepted_with_gaps';

/**
 * The moves. 容缺受理 → 已受理 happens by itself when the last missing material is supplied and is
 * not offered as a move; 已批复 from 容缺受理 is refused (the gaps close first, then the formal
 * approval). An approval recorded by mistake is reopened to 已受理 by the office, with a reason.
 */
export const approvalTransitions: Record<ApprovalStatus, readonly ApprovalStatus[]> = {
  not_started: ['preparing', 'accepted', 'accepted_with_gaps', 'not_needed'],
  preparing: ['accepted', 'accepted_with_gaps', 'not_started', 'not_needed'],
  accepted: ['approved', 'returned'],
  accepted_with_gaps: ['returned'],
  returned: ['preparing', 'accepted', 'accepted_with_gaps', 'not_needed'],
  approved: ['accepted'],
  not_needed: ['not_started'],
};

/** The date a move stamps on the item (the day the move happened, given by whoever records it). */
export const approvalMoveDateField: Partial<
  Record<ApprovalStatus, 'acceptedOn' | 'approvedOn' | 'returnedOn'>
> = {
  accepted: 'acceptedOn',
  accepted_with_gaps: 'acceptedOn',
  approved: 'approvedOn',
  returned: 'returnedOn',
};

/** Throws INVALID_TRANSITION naming both statuses and the allowed moves, unless the move is legal. */
export function assertApprovalTransition(from: ApprovalStatus, to: ApprovalStatus): void {
  if (approvalTransitions[from].includes(to)) return;
  const allowed = approvalTransitions[from].map((s) => approvalStatusNames[s]).join('、') || '无';
  const hint = from === 'accepted_with_gaps' && to === 'approved' ? '；容缺材料补齐后才能正式批复' : '';
  throw new AppError(
    'INVALID_TRANSITION',
    `手续不能从“${approvalStatusNames[from]}”转为“${approvalStatusNames[to]}”（可转为：${allowed}）${hint}`,
    [{ path: 'to', message: `可转为：${allowed}` }],
  );
}

/**
 * Governance routes of 立项 (how a project is approved by the development-reform side): 审批 for
 * government-invested projects, 核准 for enterprise projects on the catalogue, 备案 for the rest.
 */
export const approvalRoutes = ['approval', 'ratification', 'filing'] as const;
export type ApprovalRoute = (typeof approvalRoutes)[number];
export const approvalRouteNames: Record<ApprovalRoute, string> = {
  approval: '审批',
  ratification: '核准',
  filing: '备案',
};
