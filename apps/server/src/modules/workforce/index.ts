/** The workforce module's public face: what other modules (and the CLI, jobs, demo) may import. */
export { createContractor } from './contractors';
export { purgeHealthRecords, saveHealthCheck } from './health-checks';
export { healthPurgeJob } from './health-purge.job';
export { createHealthWatch, endHealthWatch } from './health-watches';
export { importWorkers, resolveImportTarget, WorkerImportRefusedError } from './import-workers';
export { getProjectWorkforce } from './project-workforce';
export { type IdNumbersReencrypted, reencryptIdNumbers } from './reencrypt-id-numbers';
export { createWorker, departWorker } from './workers';
export { registerWorkforceRoutes } from './workforce.routes';
export {
  rosterOnSiteOf,
  type WorkforceDayRow,
  workersOnSiteByProject,
  workforceDayFigures,
} from './workforce-figures';
