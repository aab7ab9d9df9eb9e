import { createHmac } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { Clock } from '../../context';
import type { Queryable } from '../../db/database';
import { queryRows } from '../../db/rows';
import { auditCheckpoints } from '../../db/schema';
import { canonicalJson, genesisHash } from './audit-chain';

/** A chain's head as a checkpoint pins it: its last row, that row's hash, and rows held up to it. */
export interface ChainHead {
  chain: number;
  lastId: number;
  lastHash: string;
  /** Rows the chain has held up to `lastId`, purged ones included. */
  count: number;
}

/** Where a chain starts after purges: its first kept row, the hash that row links to, rows removed. */
export interface ChainBase {
  chain: number;
  firstId: number;
  baseHash: string;
  removed: number;
}

export type CheckpointKind = 'checkpoint' | 'export' | 'purge';
export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

/** Advisory lock key that serialises checkpoint writers (their signatures form one chain). */
const checkpointLock = 7243003;

/** HMAC-SHA256 over the previous checkpoint's signature and this one's fields. */
export function signCheckpoint(
  key: Buffer,
  prevSignature: string,
  row: { at: Date; kind: string; heads: unknown; detail: unknown },
): string {
  const body = canonicalJson([prevSignature, row.at.toISOString(), row.kind, row.heads, row.detail ?? null]);
  return createHmac('sha256', key).update(body).digest('hex');
}

/** Every checkpoint, oldest first. */
export function loadCheckpoints(db: Queryable): Promise<CheckpointRow[]> {
  return db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
}

/** Each chain's base after all purges so far (chains never purged are absent: they start at genesis). */
export function chainBases(checkpoints: readonly CheckpointRow[]): Map<number, ChainBase> {
  const bases = new Map<number, ChainBase>();
  for (const row of checkpoints) {
    if (row.kind !== 'purge') continue;
    for (const base of row.heads as ChainBase[]) bases.set(base.chain, base);
  }
  return bases;
}

/**
 * Appends one signed checkpoint record inside a transaction of its own, after the last one (a lock
 * keeps concurrent writers in one order). `heads` is computed in that transaction when given as a
 * function, so it sees the log as the record is written.
 */
export async function writeCheckpoint(
  db: Queryable,
  key: Buffer,
  clock: Clock,
  kind: CheckpointKind,
  heads: unknown | ((tx: Queryable) => Promise<unknown>),
  detail: Record<string, unknown> | null = null,
): Promise<CheckpointRow> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${checkpointLock})`);
    const [last] = await tx
      .select({ signature: auditCheckpoints.signature })
      .from(auditCheckpoints)
      .orderBy(desc(auditCheckpoints.id))
      .limit(1);
    const prevSignature = last?.signature ?? genesisHash;
    const fields = {
      at: clock.now(),
      kind,
      heads: typeof heads === 'function' ? await heads(tx) : heads,
      detail,
    };
    const [row] = await tx
      .insert(auditCheckpoints)
      .values({ ...fields, prevSignature, signature: signCheckpoint(key, prevSignature, fields) })
      .returning();
    if (!row) throw new Error('audit checkpoint not written');
    return row;
  });
}

/**
 * Each chain's committed head in one statement (one snapshot, so every chain's rows are a committed
 * prefix of it): last id, its hash, and the rows it has held (kept ones plus those purged before).
 */
export async function currentHeads(db: Queryable): Promise<ChainHead[]> {
  const bases = chainBases(await loadCheckpoints(db));
  const rows = await queryRows<{
    chain: number | string;
    last_id: number | string;
    hash: string;
    n: number | string;
  }>(
    db,
    sql`select c.chain, c.last_id, e.hash, c.n
        from (select chain, max(id) as last_id, count(*)::int as n from audit_events group by chain) c
        join audit_events e on e.id = c.last_id
        order by c.chain`,
  );
  return rows.map((row) => {
    const chain = Number(row.chain);
    return {
      chain,
      lastId: Number(row.last_id),
      lastHash: row.hash,
      count: Number(row.n) + (bases.get(chain)?.removed ?? 0),
    };
  });
}

/** Pins every chain's current head in a signed checkpoint (the daily job and every verification). */
export function checkpointHeads(db: Queryable, key: Buffer, clock: Clock): Promise<CheckpointRow> {
  return writeCheckpoint(db, key, clock, 'checkpoint', (tx: Queryable) => currentHeads(tx));
}

/** A checkpoint record whose signature or link to the previous one does not hold. */
export interface BrokenCheckpoint {
  id: string;
  at: string;
}

/**
 * Walks the checkpoint records in order: each must link to the previous one's signature and carry
 * its own, made with this key. The first that does not is answered (edited, forged, removed from the
 * middle, or signed with another key).
 */
export function firstBrokenCheckpoint(
  key: Buffer,
  checkpoints: readonly CheckpointRow[],
): BrokenCheckpoint | null {
  let prev = genesisHash;
  for (const row of checkpoints) {
    if (row.prevSignature !== prev || signCheckpoint(key, prev, row) !== row.signature) {
      return { id: String(row.id), at: row.at.toISOString() };
    }
    prev = row.signature;
  }
  return null;
}
