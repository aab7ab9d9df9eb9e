import { AppError } from '../errors';

/** 月报状态: draft (owner edits) → submitted → approved (locked) or returned (owner edits, resubmits). */
export const reportStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** What happens to a monthly report; also the `monthly_report_events.action` vocabulary. */
export const reportActions = ['save', 'submit', 'return', 'approve', 'correct'] as const;
export type ReportAction = (typeof reportActions)[number];

/** The events a transition leaves in `monthly_report_events` (saving a draft leaves none). */
export const reportEventActions = ['submitted', 'returned', 'approved', 'corrected'] as const;
export type ReportEventAction = (typeof reportEventActions)[number];

/**
 * The review state machine as a table: for each action, the statuses it may start from and the
 * status it leaves. The owner saves a draft or a returned report (a returned report stays returned
 * until resubmitted); the reviewer returns or approves a submitted one; the office corrects an
 * approved one, which stays approved.
 */
export const reportTransitions: Record<
  ReportAction,
  { from: readonly ReportStatus[]; to: ReportStatus | null }
> = {
  save: { from: ['draft', 'returned'], to: null },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  correct: { from: ['approved'], to: 'approved' },
};

/** Whether `action` may be taken on a report in `status`. */
export function canTransitionReport(status: ReportStatus, action: ReportAction): boolean {
  return reportTransitions[action].from.includes(status);
}

const statusNames: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已报送待审核',
  returned: '已退回',
  approved: '已审核通过',
};

const actionNames: Record<ReportAction, string> = {
  save: '保存',
  submit: '报送',
  return: '退回',
  approve: '审核通过',
  correct: '更正',
};

/**
 * The status a report is left in by `action` (the same status for save and correct); an illegal
 * move is INVALID_TRANSITION naming the status and the action.
 */
export function transitionReport(status: ReportStatus, action: ReportAction): ReportStatus {
  if (!canTransitionReport(status, action))
    throw new AppError(
      'INVALID_TRANSITION',
      `月报当前状态为“${statusNames[status]}”，不能${actionNames[action]}`,
    );
  return reportTransitions[action].to ?? status;
}
