/** The ledger module's public face: what other modules may import. */

export { exportMonthlyLedger } from './export-monthly-ledger';
export { exportProjects } from './export-projects';
export { importLedger, LedgerRefusedError } from './import-ledger';
export { importLedgerReports } from './import-ledger-reports';
export { registerLedgerRoutes } from './ledger.routes';
export { registerLedgerExportRoutes } from './ledger-export.routes';
export { presentDryRun, presentLedgerImport, presentLedgerPreview } from './ledger-preview';
export { parseLedger } from './parse-ledger';
