import type { Queryable } from '../../db/database';
import { type CacheChange, databaseKey, generationOf, onCacheChange } from '../../lib/process-cache';
import type { ActorRow } from './actor.queries';

/** A live session as the session join read it. */
export type SessionRow = ActorRow & { createdAt: Date; lastSeenAt: Date };

/**
 * How long a session read is reused without asking the database. Logout, disabling a user,
 * a password reset and role or organisation changes forget it at once (see `announceChange`), so
 * this bounds only what no use case announces.
 */
export const sessionCacheMs = 5_000;
/** At most this many sessions kept; the oldest go first. */
const maxSessions = 20_000;

interface Entry {
  database: object;
  row: SessionRow;
  at: number;
}

/** Token hash → the session read, in the order read (so the first entries are the oldest). */
const entries = new Map<string, Entry>();

function forget(change: CacheChange): void {
  if (change.topic !== 'sessions') return;
  if (!change.tokenHash && !change.userId && !change.organisationId) {
    entries.clear();
    return;
  }
  if (change.tokenHash) entries.delete(change.tokenHash);
  if (!change.userId && !change.organisationId) return;
  for (const [tokenHash, entry] of entries) {
    if (entry.row.userId === change.userId || entry.row.organisationId === change.organisationId) {
      entries.delete(tokenHash);
    }
  }
}
onCacheChange('sessions', forget);

/** The session kept for a token in this database, if read less than {@link sessionCacheMs} ago. */
export function keptSession(db: Queryable, tokenHash: string): SessionRow | null {
  const entry = entries.get(tokenHash);
  if (!entry) return null;
  if (entry.database !== databaseKey(db) || performance.now() - entry.at >= sessionCacheMs) {
    entries.delete(tokenHash);
    return null;
  }
  return entry.row;
}

/**
 * Keeps a session read that started under `generation` (see `generationOf('sessions')`); a read that
 * a logout or a user change overtook is not kept, so it cannot bring back what was just ended.
 */
export function keepSession(db: Queryable, tokenHash: string, row: SessionRow, generation: number): void {
  if (generation !== generationOf('sessions')) return;
  entries.delete(tokenHash);
  entries.set(tokenHash, { database: databaseKey(db), row: { ...row }, at: performance.now() });
  if (entries.size <= maxSessions) return;
  for (const oldest of entries.keys()) {
    entries.delete(oldest);
    if (entries.size <= maxSessions) break;
  }
}

/** Drops a token from the cache (an unknown, revoked or expired session). */
export function dropSession(tokenHash: string): void {
  entries.delete(tokenHash);
}
