import { createHmac } from 'node:crypto';

/** The fields an audit hash covers, in a fixed order. */
export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  regionPath: string | null;
  ip: string | null;
  changes: unknown;
  detail: unknown;
}

export const genesisHash = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. Written
 * as plain loops: a ledger import hashes tens of thousands of events in one go.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Default sort order is by UTF-16 code units, as `<` compares strings.
  const keys = Object.keys(record).sort();
  let out = '{';
  let isFirst = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${isFirst ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    isFirst = false;
  }
  return `${out}}`;
}

/** HMAC-SHA256 over the previous hash and this event's fields: one link of the chain. */
export function chainHash(key: Buffer, prevHash: string, event: ChainedFields): string {
  const body = canonicalJson([
    prevHash,
    event.at.toISOString(),
    event.actorId,
    event.actorName,
    event.action,
    event.entityType,
    event.entityId,
    event.regionPath,
    event.ip,
    event.changes ?? null,
    event.detail ?? null,
  ]);
  return createHmac('sha256', key).update(body).digest('hex');
}

/** An audit row as the chain check reads it: its fields, its chain and its links. */
export interface ChainedRow extends ChainedFields {
  id: number;
  chain: number;
  prevHash: string;
  hash: string;
}

/**
 * Walks audit rows in id order and checks each link: the row's `prevHash` is its chain's head so far
 * and (with the key) its `hash` is the HMAC over it. Without a key only the links are checked — what
 * a backup can prove on a host that does not hold the audit key. `add` answers false at the first
 * broken row and leaves `heads` at the last good one.
 */
export function chainVerifier(key: Buffer | null) {
  const heads = new Map<number, { id: number; hash: string }>();
  let checked = 0;
  return {
    add(row: ChainedRow): boolean {
      const prevHash = heads.get(row.chain)?.hash ?? genesisHash;
      if (row.prevHash !== prevHash || (key !== null && chainHash(key, prevHash, row) !== row.hash))
        return false;
      heads.set(row.chain, { id: row.id, hash: row.hash });
      checked++;
      return true;
    },
    get checked() {
      return checked;
    },
    heads,
  };
}
