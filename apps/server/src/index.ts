export { type App, buildApp } from './app';
export { loadAuditKey, readSettings } from './config';
export { type Clock, type Ctx, systemClock } from './context';
export type { DatabaseHandle } from './db/database';
export { databaseFindings, setUpDatabaseRoles } from './db/database-roles';
export { DirectoryLockedError } from './db/directory-lock';
export { migrationsCurrent } from './db/migrate';
export { openDatabase } from './db/open-database';
export { demoPassword, loadDemo } from './demo/load-demo';
export { jobsOverview } from './jobs/jobs.queries';
export { jobRegistry } from './jobs/registry';
export {
  type BackupManifest,
  BackupRefusedError,
  keyFingerprint,
  restoreBackup,
  verifyBackup,
  writeBackup,
} from './lib/backup';
export { databaseFileStore, fileStoreFor, localFileStore } from './lib/file-store';
export { moveFilesIntoDatabase } from './lib/move-files';
export { ApprovalImportRefusedError, getApprovalStatistics, importApprovals } from './modules/approvals';
export {
  AuditKeyRefusedError,
  type AuditLogReport,
  checkAuditArchive,
  describeAuditReport,
  exportAuditLog,
  resolveAuditKey,
  verifyAuditLog,
} from './modules/audit';
export { loadActorByUsername } from './modules/auth';
export { generateBulletinFiles, officeSystemCtx } from './modules/bulletins';
export { computeAllEvaluations } from './modules/evaluation';
export { FundImportRefusedError, importFunds } from './modules/funds';
export { raiseOverdueFindings } from './modules/inspections';
export {
  exportMonthlyLedger,
  exportProjects,
  importLedger,
  importLedgerReports,
  LedgerRefusedError,
  parseLedger,
  presentDryRun,
  presentLedgerImport,
  presentLedgerPreview,
} from './modules/ledger';
export { deleteRegionMap, uploadRegionMap } from './modules/map';
export { notificationText, runReminders } from './modules/notifications';
export { runEscalations } from './modules/problems';
export { listProjects } from './modules/projects';
export { importStatistics, StatisticsImportRefusedError } from './modules/reconciliation';
export {
  rebuildKeptFigures,
  rebuildKeptRegionSums,
  verifyKeptFigures,
  verifyKeptRegionSums,
} from './modules/reports';
export { initialiseInstallation } from './modules/system';
export { addAccount, resetPasswordByUsername, systemCtx, userCtx } from './modules/users';
export { currentWarnings, defaultWarningMonth, recomputeWarnings } from './modules/warnings';
export {
  importWorkers,
  reencryptIdNumbers,
  resolveImportTarget,
  WorkerImportRefusedError,
} from './modules/workforce';
export { startServer } from './server';
