/** The bank-matchmaking module's public face: what other modules may import. */
export { createBankEvent } from './bank-events';
export { updateBankFollowUp } from './bank-follow-ups';
export { registerBankMatchmakingRoutes } from './bank-matchmaking.routes';
export { bankMatchmakingOverview } from './bank-overview';
export { createBank } from './banks';
