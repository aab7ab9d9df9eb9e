/** The audit module's public face: what other modules may import. */

export { findAuditEvents, verifyAuditChain } from './audit.queries';
export { registerAuditRoutes } from './audit.routes';
export { installAccessAudit } from './audit-access';
export { type ChainedRow, canonicalJson, chainVerifier } from './audit-chain';
export { checkpointHeads } from './audit-checkpoints';
export { checkAuditArchive, exportAuditLog } from './audit-export';
export { AuditKeyRefusedError, resolveAuditKey } from './audit-key-check';
export { auditLogDailyJob } from './audit-log.job';
export { getAuditRetention, purgeAuditLog, updateAuditRetention } from './audit-retention';
export { type AuditLogReport, describeAuditReport, verifyAuditLog } from './audit-verify';
export { entityHistory } from './entity-history';
export {
  type AuditInput,
  type Changes,
  diffChanges,
  recordAudit,
  recordAuditNow,
  recordAudits,
} from './record-audit';
export { updateVersioned } from './versioned-update';
