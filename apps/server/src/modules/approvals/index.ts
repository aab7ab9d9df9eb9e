/** The approvals module's public face (前期手续): what other modules and the app may use. */

export { approvalFiguresBy, type FigureRegion } from './approval-figures';
export { moveApprovalItem, supplyApprovalMaterial, updateApprovalItem } from './approval-items';
export { getApprovalStatistics } from './approval-statistics';
export {
  type ApprovalProject,
  approvalEarliestStart,
  itemForActor,
  overdueApprovalCounts,
  relationOf,
  startBlockersOf,
  troubledApprovalItems,
} from './approvals.queries';
export { registerApprovalRoutes } from './approvals.routes';
export { loadApprovalPreset, updateApprovalProcedure } from './catalogue';
export { generateProjectApprovals } from './checklist';
export { type IssuedDeemedNotice, issueDeemedNotices } from './deemed-notices';
export { ApprovalImportRefusedError, importApprovals } from './import-approvals';
export { type OverdueApprovalItem, overdueApprovalItemsIn } from './overdue-approval-items';
export { approvalItemSummaries, lockApprovalItemOfProject } from './problem-links';
