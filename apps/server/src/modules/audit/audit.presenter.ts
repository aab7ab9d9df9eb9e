import type { AuditEvent } from '@tuijin/contracts';
import type { AuditRow } from './audit.queries';

/** Audit row → wire shape; hashes stay inside. */
export function presentAuditEvent(row: AuditRow & { actorDisplayName?: string | null }): AuditEvent {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorDisplayName: row.actorDisplayName ?? (row.actorName === 'system' ? '系统' : null),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    regionCode: row.regionPath?.split('.').at(-1) ?? null,
    ip: row.ip,
    changes: (row.changes as AuditEvent['changes']) ?? null,
    detail: (row.detail as AuditEvent['detail']) ?? null,
  };
}
