/** The audit module's public face: what other modules may import. */

export { findAuditEvents, verifyAuditChain } from './audit.queries';
export { registerAuditRoutes } from './audit.routes';
export { type ChainedRow, canonicalJson, chainVerifier } from './audit-chain';
export { entityHistory } from './entity-history';
export { type AuditInput, type Changes, diffChanges, recordAudit, recordAudits } from './record-audit';
export { updateVersioned } from './versioned-update';
