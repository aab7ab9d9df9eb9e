/** The reports module's public face for other modules. */

export { correctReport } from './correct-report';
export { enterApprovedReport } from './enter-report';
export { keptFiguresOf, rebuildKeptFigures, verifyKeptFigures } from './kept-figures';
export { rebuildKeptRegionSums, verifyKeptRegionSums } from './kept-region-sums';
export { reportPhotosOfProject } from './photo-evidence';
export { type RecentReportJson, recentReportsJsonSql } from './recent-reports';
export {
  type ReportingDeadlineResolver,
  reportingDeadlineResolver,
  reportingRuleResolver,
} from './reporting-calendars';
export { getCurrentReportingPeriod, resolveReportingPeriod } from './reporting-period';
export { findReviewQueue } from './reports.queries';
export { registerReportRoutes } from './reports.routes';
export { approveReport, returnReport } from './review-report';
export { saveReportDraft } from './save-report-draft';
export { getReportStatusBoard } from './status-board';
export { submitReport } from './submit-report';
export { approvedYearToDateByProject } from './year-to-date';
