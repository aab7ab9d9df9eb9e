import { approvalDocumentsEndpoints } from './approval-documents.contract';
import { approvalsEndpoints } from './approvals.contract';
import { auditEndpoints } from './audit.contract';
import { authEndpoints } from './auth.contract';
import { bankMatchmakingEndpoints } from './bank-matchmaking.contract';
import { batchesEndpoints } from './batches.contract';
import { bulletinEndpoints } from './bulletins.contract';
import { calendarEndpoints } from './calendar.contract';
import { campaignsEndpoints } from './campaigns.contract';
import { cockpitEndpoints } from './cockpit.contract';
import { dictionariesEndpoints } from './dictionaries.contract';
import { dispatchEndpoints } from './dispatch.contract';
import { evaluationEndpoints } from './evaluation.contract';
import { factorsEndpoints } from './factors.contract';
import { fundsEndpoints } from './funds.contract';
import { inspectionsEndpoints } from './inspections.contract';
import { jobsEndpoints } from './jobs.contract';
import { mapEndpoints } from './map.contract';
import { milestonesEndpoints } from './milestones.contract';
import { notificationsEndpoints } from './notifications.contract';
import { organisationsEndpoints } from './organisations.contract';
import { plansEndpoints } from './plans.contract';
import { problemsEndpoints } from './problems.contract';
import { projectLettersEndpoints } from './project-letters.contract';
import { projectPageEndpoints } from './project-page.contract';
import { projectsEndpoints } from './projects.contract';
import { promotionEndpoints } from './promotion.contract';
import { reconciliationEndpoints } from './reconciliation.contract';
import { regionsEndpoints } from './regions.contract';
import { reportsEndpoints } from './reports.contract';
import { resumptionEndpoints } from './resumption.contract';
import { screenEndpoints } from './screen.contract';
import { securityEndpoints } from './security.contract';
import { servicePlansEndpoints } from './service-plans.contract';
import { sitePhotosEndpoints } from './site-photos.contract';
import { systemEndpoints } from './system.contract';
import { usersEndpoints } from './users.contract';
import { warningsEndpoints } from './warnings.contract';
import { workbenchEndpoints } from './workbench.contract';
import { workforceEndpoints } from './workforce.contract';

export type { Endpoint, HttpMethod } from './endpoint';

/** Every JSON endpoint: the union of each module's own table (one module, one contract file). */
export const endpoints = {
  ...systemEndpoints,
  ...authEndpoints,
  ...workbenchEndpoints,
  ...regionsEndpoints,
  ...organisationsEndpoints,
  ...usersEndpoints,
  ...securityEndpoints,
  ...auditEndpoints,
  ...projectsEndpoints,
  ...approvalsEndpoints,
  ...approvalDocumentsEndpoints,
  ...milestonesEndpoints,
  ...dispatchEndpoints,
  ...bulletinEndpoints,
  ...dictionariesEndpoints,
  ...batchesEndpoints,
  ...calendarEndpoints,
  ...reportsEndpoints,
  ...plansEndpoints,
  ...notificationsEndpoints,
  ...screenEndpoints,
  ...cockpitEndpoints,
  ...problemsEndpoints,
  ...projectLettersEndpoints,
  ...resumptionEndpoints,
  ...fundsEndpoints,
  ...factorsEndpoints,
  ...reconciliationEndpoints,
  ...servicePlansEndpoints,
  ...inspectionsEndpoints,
  ...sitePhotosEndpoints,
  ...campaignsEndpoints,
  ...bankMatchmakingEndpoints,
  ...promotionEndpoints,
  ...workforceEndpoints,
  ...projectPageEndpoints,
  ...mapEndpoints,
  ...warningsEndpoints,
  ...evaluationEndpoints,
  ...jobsEndpoints,
} as const;

/**
 * Endpoints that are not JSON-in/JSON-out (multipart uploads, file and spreadsheet downloads). They
 * share the endpoint table's paths so the web app and the CLI build URLs the same way.
 */
export const fileRoutes = {
  uploadProjectFiles: '/api/projects/:id/files',
  downloadProjectFile: '/api/projects/:id/files/:fileId/content',
  projectFileThumbnail: '/api/projects/:id/files/:fileId/thumbnail',
  exportProjects: '/api/projects/export.xlsx',
  previewLedger: '/api/ledger/preview',
  importLedger: '/api/ledger/import',
  importLedgerReports: '/api/ledger/reports',
  ledgerTemplate: '/api/ledger/template.xlsx',
  uploadReportPhotos: '/api/monthly-reports/:id/photos',
  exportAnnualPlans: '/api/annual-plans/export.xlsx',
  monthlyLedger: '/api/ledger/monthly.xlsx',
  exportMilestonePortfolio: '/api/milestones/portfolio.xlsx',
  exportFundLedger: '/api/funds/ledger.xlsx',
  previewFundImport: '/api/funds/import/preview',
  importFunds: '/api/funds/import',
  fundImportTemplate: '/api/funds/import/template.xlsx',
  exportFactorLedger: '/api/factors/ledger.xlsx',
  exportReconciliation: '/api/reconciliation/export.xlsx',
  previewStatisticsImport: '/api/reconciliation/statistics/preview',
  importStatistics: '/api/reconciliation/statistics',
  statisticsTemplate: '/api/reconciliation/statistics/template.xlsx',
  exportServicePlans: '/api/service-plans/export.xlsx',
  exportPromotionLeads: '/api/promotion/leads.xlsx',
  exportCampaignEvent: '/api/campaign-events/:id/projects.xlsx',
  exportBankPushList: '/api/bank-matchmaking/push-list.xlsx',
  downloadProblemLetter: '/api/problems/:id/letters/:letterId/document.docx',
  downloadProjectLetter: '/api/project-letters/:id/document.docx',
  uploadProblemAttachments: '/api/problems/:id/attachments',
  downloadProblemAttachment: '/api/problems/:id/attachments/:attachmentId/content',
  mapTile: '/api/map/tiles/:z/:x/:y',
  downloadDeemedNotice: '/api/approval-items/:id/deemed-notice.docx',
  downloadDispatchSheet: '/api/dispatch-sheets/:id/document.docx',
  downloadBulletinFile: '/api/bulletins/:id/files/:format',
  previewApprovalImport: '/api/approvals/import/preview',
  importApprovals: '/api/approvals/import',
  resumptionLedger: '/api/resumption/ledger.xlsx',
  whitelistLedger: '/api/whitelist/ledger.xlsx',
  approvalImportTemplate: '/api/approvals/import/template',
  uploadApprovalItemDocuments: '/api/approval-items/:id/documents',
  uploadInspectionFindingPhotos: '/api/inspection-findings/:id/photos',
  replyInspectionFinding: '/api/inspection-findings/:id/reply',
  downloadApprovalItemDocument: '/api/approval-items/:id/documents/:documentId/content',
  workerImportTemplate: '/api/workforce/import-template.xlsx',
  previewWorkerImport: '/api/projects/:id/workers/import/preview',
  importWorkers: '/api/projects/:id/workers/import',
  exportWorkers: '/api/projects/:id/workers/export.xlsx',
  exportAuditEvents: '/api/audit-events/export.jsonl',
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
