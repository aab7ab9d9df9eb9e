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
