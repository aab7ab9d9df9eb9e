/** The reports module's public face for other modules. */
export { type ReportingDeadlineResolver, reportingDeadlineResolver } from './reporting-calendars';
export { getCurrentReportingPeriod, resolveReportingPeriod } from './reporting-period';
export { findReviewQueue } from './reports.queries';
export { approveReport } from './review-report';
export { getReportStatusBoard } from './status-board';
