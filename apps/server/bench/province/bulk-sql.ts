/**
 * Multi-row INSERTs in big batches for the province loader: one parameter per column (an array of
 * every row's values, spread again by `unnest`), so a batch of 5,000 rows is one statement whatever
 * its width; and an audit-log writer that links each event to the one before it with the product's
 * own `chainHash`, so `tuijin audit verify` accepts what the loader wrote.
 */
import type pg from 'pg';
import { type ChainedFields, chainHash, genesisHash } from '../../src/modules/audit/audit-chain';

/** A column to fill: its name and PostgreSQL type (`jsonb` and `text[]` are sent as text and cast). */
export type Column = readonly [name: string, type: string];

/** Inserts `rows` (arrays in `columns` order) into `table`, `batch` rows per statement. */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  batch = 5_000,
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const cast = (type: string) => type === 'jsonb' || type.endsWith('[]');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${cast(type) ? 'text' : type}[]`).join(', ');
  const picks = columns.map(([, type], i) => (cast(type) ? `c${i}::${type}` : `c${i}`)).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const text = `insert into ${table} (${names}) select ${picks} from unnest(${arrays}) as u(${aliases})`;
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const params = columns.map((_, i) => slice.map((row) => row[i] ?? null));
    await client.query(text, params);
  }
}

/** One audit event to append, as `recordAudit` would write it for `actor` at `at`. */
export interface AuditRow extends ChainedFields {}

const auditColumns: Column[] = [
  ['at', 'timestamptz'],
  ['actor_id', 'uuid'],
  ['actor_name', 'text'],
  ['action', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['region_path', 'text'],
  ['ip', 'text'],
  ['changes', 'jsonb'],
  ['detail', 'jsonb'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
];

/**
 * Appends audit events in order, chained to the last event of chain 0. The loader is the only
 * writer of its database while it runs (the server starts after it), so no lock is taken.
 */
export async function appendAudits(client: pg.ClientBase, auditKey: Buffer, events: readonly AuditRow[]) {
  if (events.length === 0) return;
  // Chain 0 of the parallel audit chains (its `chain` column defaults to 0).
  const last = await client.query<{ hash: string }>(
    'select hash from audit_events where chain = 0 order by id desc limit 1',
  );
  let prevHash = last.rows[0]?.hash ?? genesisHash;
  const rows = events.map((event) => {
    const hash = chainHash(auditKey, prevHash, event);
    const row = [
      event.at.toISOString(),
      event.actorId,
      event.actorName,
      event.action,
      event.entityType,
      event.entityId,
      event.regionPath,
      event.ip,
      event.changes === null || event.changes === undefined ? null : JSON.stringify(event.changes),
      event.detail === null || event.detail === undefined ? null : JSON.stringify(event.detail),
      prevHash,
      hash,
    ];
    prevHash = hash;
    return row;
  });
  await insertRows(client, 'audit_events', auditColumns, rows);
}
