/** The factors module's public face: what other modules may import. */
export { factorBoardOf } from './factor-board';
export { createFactorDemand, moveFactorDemand, updateFactorDemand } from './factor-demands';
export { allocateFactorQuota, factorQuotaView, setFactorQuota } from './factor-quotas';
export { registerFactorRoutes } from './factors.routes';
export { raiseFactorProblem } from './raise-factor-problem';
