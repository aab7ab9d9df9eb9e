import { AppError } from '@tuijin/domain';
import { and, eq, getTableColumns, is, SQL } from 'drizzle-orm';
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
 * A save that sets every column to the value it already holds (bookkeeping like `updatedAt` aside)
 * is no change: the row is answered as it is, its version unbumped and no audit event written.
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
  const [current] = (await tx
    .select()
    .from(table as PgTable)
    .where(and(change.where, eq(table.version, change.version)))) as T['$inferSelect'][];
  if (!current) throw new AppError('CONFLICT', change.conflict);
  // Saving what is already there changes nothing: no new version, no empty audit event.
  if (!changesRow(table, current as Record<string, unknown>, change.set as Record<string, unknown>))
    return current;
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

/** Columns every save stamps, which alone make no change. */
const bookkeeping = new Set(['updatedAt', 'updatedBy', 'updatedById', 'updatedByUserId', 'updatedByName']);

/** Whether `set` would change `row`: a value unlike the stored one (an SQL expression always counts). */
function changesRow(table: PgTable, row: Record<string, unknown>, set: Record<string, unknown>): boolean {
  const columns = getTableColumns(table);
  return Object.entries(set).some(([key, value]) => {
    if (value === undefined || bookkeeping.has(key)) return false;
    if (is(value, SQL)) return true;
    const numeric = columns[key]?.columnType === 'PgNumeric';
    return !sameValue(row[key], value, numeric);
  });
}

function sameValue(stored: unknown, next: unknown, numeric: boolean): boolean {
  if (stored === next) return true;
  if (stored === null || next === null || stored === undefined) return false;
  if (stored instanceof Date || next instanceof Date)
    return new Date(stored as Date).getTime() === new Date(next as Date).getTime();
  if (numeric) return decimalText(stored) === decimalText(next);
  if (typeof stored === 'object' || typeof next === 'object') return canonical(stored) === canonical(next);
  return false;
}

/** An exact decimal's text without insignificant zeros (`12.50` and `12.5` are one value). */
function decimalText(value: unknown): string {
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [whole = '', fraction = ''] = text.split('.');
  const digits = whole.replace(/^(-?)0+(?=\d)/, '$1');
  const kept = fraction.replace(/0+$/, '');
  return kept ? `${digits}.${kept}` : digits === '-0' ? '0' : digits;
}

/** JSON with object keys sorted, so two equal documents compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
