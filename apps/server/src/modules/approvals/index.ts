/** The approvals module's public face (前期手续): what other modules and the app may use. */

export { getApprovalStatistics } from './approval-statistics';
export { overdueApprovalCounts, startBlockersOf, troubledApprovalItems } from './approvals.queries';
export { registerApprovalRoutes } from './approvals.routes';
export { type IssuedDeemedNotice, issueDeemedNotices } from './deemed-notices';
export { approvalItemSummaries, lockApprovalItemOfProject } from './problem-links';
