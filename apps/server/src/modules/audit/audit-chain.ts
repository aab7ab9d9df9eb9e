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

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
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
