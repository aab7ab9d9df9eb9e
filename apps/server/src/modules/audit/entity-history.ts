import type { AuditEvent } from '@tuijin/contracts';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { auditEvents, users } from '../../db/schema';
import { presentAuditEvent } from './audit.presenter';

/**
 * The audit trail of one record, newest first, in wire shape (at most 500 events). The caller has
 * already decided the actor may see the record: this reads no scope of its own.
 */
export async function entityHistory(
  db: Queryable,
  entityType: string,
  entityId: string,
): Promise<AuditEvent[]> {
  const rows = await db
    .select({ ...getTableColumns(auditEvents), actorDisplayName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.id))
    .limit(500);
  return rows.map((row) => presentAuditEvent(row));
}
