/** The funds module's public face: what other modules may import. */
export { createFundAllocation, createFundPayment } from './fund-allocations';
export { createFundApplication, moveFundApplication } from './fund-applications';
export { fundOverview } from './fund-overview';
export { registerFundRoutes } from './funds.routes';
export { fundsPaidByProject } from './funds-paid';
export { FundImportRefusedError, type ImportFundsInput, importFunds } from './import-funds';
