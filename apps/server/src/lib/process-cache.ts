import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';

/**
 * Readings a process keeps between requests (sessions, the holiday calendar, reporting rules) and
 * how they are dropped when they change: the use case that changes one calls `announceChange`
 * after its transaction, which forgets the reading in this process at once and, through
 * `pg_notify` on {@link cacheChannel}, in every other process listening to the same PostgreSQL
 * (see db/cache-listener.ts). PGlite is one process: the local forget is all there is.
 */
export type CacheTopic = 'sessions' | 'holidayCalendar' | 'reportingCalendars';

/** What changed. A session change names one token, one user, one organisation, or (none named) every session. */
export type CacheChange =
  | { topic: 'sessions'; tokenHash?: string; userId?: string; organisationId?: string }
  | { topic: 'holidayCalendar' }
  | { topic: 'reportingCalendars' };

/** The PostgreSQL channel that carries every change to the other processes. */
export const cacheChannel = 'tuijin_cache';

const topics: readonly CacheTopic[] = ['sessions', 'holidayCalendar', 'reportingCalendars'];
const generations = new Map<CacheTopic, number>(topics.map((topic) => [topic, 0]));
const forgetters = new Map<CacheTopic, ((change: CacheChange) => void)[]>();

/** The current generation of a topic: a reading started under an older one must not be kept. */
export const generationOf = (topic: CacheTopic) => generations.get(topic) ?? 0;

/** Registers what a cache does when its topic changes (at module load). */
export function onCacheChange(topic: CacheTopic, forget: (change: CacheChange) => void): void {
  forgetters.set(topic, [...(forgetters.get(topic) ?? []), forget]);
}

/** Forgets what `change` names in this process (a change heard from another process, or our own). */
export function applyCacheChange(change: CacheChange): void {
  generations.set(change.topic, generationOf(change.topic) + 1);
  for (const forget of forgetters.get(change.topic) ?? []) forget(change);
}

/** Forgets every reading of every topic (a listener that lost its connection may have missed changes; tests). */
export function forgetCachedReadings(): void {
  for (const topic of topics) applyCacheChange({ topic });
}

/**
 * Tells this process and every other one that `change` happened. Call it after the transaction that
 * made the change has committed (inside one, the other processes hear it at commit; this process
 * forgets at once, and a request reading between now and the commit could keep the old value for
 * a cache's lifetime).
 */
export async function announceChange(db: Queryable, change: CacheChange): Promise<void> {
  applyCacheChange(change);
  await db.execute(sql`select pg_notify(${cacheChannel}, ${JSON.stringify(change)})`);
}

/** A message heard on {@link cacheChannel}, checked; null when it is not one of ours. */
export function parseCacheChange(payload: string | undefined): CacheChange | null {
  try {
    const change = JSON.parse(payload ?? '') as CacheChange;
    return topics.includes(change.topic) ? change : null;
  } catch {
    return null;
  }
}

/**
 * The database a handle or any of its transactions reads: drizzle gives a database and its
 * transactions one dialect object, so it tells two databases in one process apart (tests open many).
 */
export function databaseKey(db: Queryable): object {
  return (db as unknown as { dialect?: object }).dialect ?? db;
}

/**
 * A whole-table reading kept per database until its topic changes (or `maxAgeMs` passes, a bound for
 * a change a listener missed). Concurrent first reads share one query. Callers must treat the value
 * as read-only, and must not read it inside a transaction that writes the table it comes from.
 */
export function processCached<T>(
  topic: CacheTopic,
  maxAgeMs: number,
  load: (db: Queryable) => Promise<T>,
): (db: Queryable) => Promise<T> {
  let kept = new WeakMap<object, { value: Promise<T>; at: number; generation: number }>();
  onCacheChange(topic, () => {
    kept = new WeakMap();
  });
  return (db) => {
    const key = databaseKey(db);
    const now = performance.now();
    const entry = kept.get(key);
    if (entry && entry.generation === generationOf(topic) && now - entry.at < maxAgeMs) return entry.value;
    const generation = generationOf(topic);
    const value = load(db);
    const fresh = { value, at: now, generation };
    kept.set(key, fresh);
    value.catch(() => {
      if (kept.get(key) === fresh) kept.delete(key);
    });
    return value;
  };
}
