import type { AuditEvent } from '@tuijin/contracts';
import { auditResult } from '@tuijin/domain';
import type { AuditRow } from './audit.queries';

/** Audit row → wire shape with the record's readable name (from `auditEntityNames`); hashes stay inside. */
export function presentAuditEvent(
  row: AuditRow & { actorDisplayName?: string | null },
  entityNames: ReadonlyMap<string, string> = new Map(),
): AuditEvent {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorDisplayName: row.actorDisplayName ?? (row.actorName === 'system' ? '系统' : null),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityName: entityNames.get(`${row.entityType}:${row.entityId}`) ?? null,
    result: auditResult(row.action),
    regionCode: row.regionPath?.split('.').at(-1) ?? null,
    ip: row.ip,
    changes: (row.changes as AuditEvent['changes']) ?? null,
    detail: (row.detail as AuditEvent['detail']) ?? null,
  };
}
