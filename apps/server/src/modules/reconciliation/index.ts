/** The reconciliation module's public face (三数比对: 自报, 入统, 资金). */
export {
  type ImportStatisticsInput,
  importStatistics,
  StatisticsImportRefusedError,
} from './import-statistics';
export { latestStatisticsFigures } from './latest-statistics';
export { getReconciliation } from './reconciliation.queries';
export { registerReconciliationRoutes } from './reconciliation.routes';
export { effectiveReconciliationSettings } from './reconciliation-settings';
