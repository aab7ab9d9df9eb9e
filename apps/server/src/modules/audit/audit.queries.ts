import type { AuditQuery } from '@tuijin/contracts';
import { type Actor, authorize, failedAuditActions } from '@tuijin/domain';
import {
  and,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  like,
  lte,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Clock } from '../../context';
import type { Queryable } from '../../db/database';
import { auditEvents, users } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { inRegionSubtree } from '../../lib/scope';
import { verifyAuditLog } from './audit-verify';

/**
 * Which audit events the actor may read: the audit admin reads the whole log; a supervisor reads the
 * events of records in their jurisdiction. Nobody else holds `audit.read`.
 */
function auditScope(actor: Actor): SQL {
  if (actor.roles.includes('audit_admin')) return sql`true`;
  return inRegionSubtree(auditEvents.regionPath, actor.regionPath);
}

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * A page of audit events, newest first by time (then by id: demo data is written with past times),
 * filtered by person (username or name, contains), action
 * prefix, record type and id, time range and result (a refused attempt or a success).
 */
export async function findAuditEvents(db: Queryable, actor: Actor, query: AuditQuery) {
  authorize(actor, 'audit.read');
  const filters: (SQL | undefined)[] = [auditScope(actor)];
  if (query.actor) {
    const pattern = `%${escapeLike(query.actor.trim())}%`;
    filters.push(
      or(
        ilike(auditEvents.actorName, pattern),
        inArray(
          auditEvents.actorId,
          db.select({ id: users.id }).from(users).where(ilike(users.displayName, pattern)),
        ),
      ),
    );
  }
  // A whole action code matches exactly (登录成功 is not 登录失败); a value ending in "." is a prefix.
  if (query.action) {
    filters.push(
      query.action.endsWith('.')
        ? like(auditEvents.action, `${escapeLike(query.action)}%`)
        : eq(auditEvents.action, query.action),
    );
  }
  if (query.entityType) filters.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditEvents.entityId, query.entityId));
  if (query.from) filters.push(gte(auditEvents.at, new Date(query.from)));
  if (query.to) filters.push(lte(auditEvents.at, new Date(query.to)));
  if (query.result === 'failure') filters.push(inArray(auditEvents.action, [...failedAuditActions]));
  if (query.result === 'success') filters.push(notInArray(auditEvents.action, [...failedAuditActions]));
  const where = and(...filters);
  const [totalRow] = await db.select({ total: count() }).from(auditEvents).where(where);
  const rows = await db
    .select({ ...getTableColumns(auditEvents), actorDisplayName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows, total: totalRow?.total ?? 0 };
}

/**
 * The audit log's verification for the API (see `verifyAuditLog`): links, checkpoints and pinned
 * heads; when all hold, the heads are pinned in a new checkpoint.
 */
export async function verifyAuditChain(db: Queryable, actor: Actor, key: Buffer, clock: Clock) {
  authorize(actor, 'audit.read');
  return verifyAuditLog(db, key, clock);
}
