import { AppError } from '@tuijin/domain';
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { type AuditInput, recordAudits } from './record-audit';

/** A table whose rows carry an optimistic-concurrency `version`. */
type VersionedTable = PgTable & { version: PgColumn };

/** The audit events of a saved change: one, several, or none (a change nobody needs to see). */
type AuditOf<Row> = (row: Row) => AuditInput | readonly AuditInput[] | null;

/**
 * 乐观锁更新的唯一写法: updates the row `where` selects only while its version is still `version`
 * (the one the caller read), bumps the version, and records the change's audit events in the same
 * transaction; a row changed (or removed) meanwhile is CONFLICT with `conflict` as its message.
 * Answers the saved row. `where` names the row and any state it must still be in (a draft, an
 * unsent letter); the version condition is added here.
 *
 * Not through here, on purpose: settings saved by upsert at version 0 (reminder settings, screen
 * publication), the ledger's bulk plan writes (their audits go in batches), and background
 * recomputes that skip a row someone changed meanwhile instead of failing, and a password change (the
 * account's own, with no version read: it bumps the version so open edits of the account go stale).
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'ip' | 'auditKey'>,
  change: {
    table: T;
    where: SQL | undefined;
    version: number;
    set: PgUpdateSetSource<T>;
    audit: AuditOf<T['$inferSelect']>;
    conflict?: string;
  },
): Promise<T['$inferSelect']> {
  const { table } = change;
  const values = { ...change.set, version: change.version + 1 } as PgUpdateSetSource<T>;
  const rows = (await tx
    .update(table)
    .set(values)
    .where(and(change.where, eq(table.version, change.version)))
    .returning()) as T['$inferSelect'][];
  const [row] = rows;
  if (!row) throw new AppError('CONFLICT', change.conflict);
  const audit = change.audit(row);
  if (audit) await recordAudits(tx, ctx, Array.isArray(audit) ? audit : [audit as AuditInput]);
  return row;
}
