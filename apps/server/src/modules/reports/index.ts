/** The reports module's public face for other modules. */
export { type ReportingDeadlineResolver, reportingDeadlineResolver } from './reporting-calendars';
export { getCurrentReportingPeriod, resolveReportingPeriod } from './reporting-period';
