import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/database';
import { queryRows } from '../db/rows';
import { rateLimitHits } from '../db/schema';

type Answer = (error: Error | null, state: { current: number; ttl: number }) => void;

/** How often, in counted requests, the windows that have ended are deleted. */
const sweepEvery = 200;

/** Counts one hit in a bucket's fixed window and answers the window's count so far (one upsert). */
export async function countWindowHit(db: Queryable, bucket: string, windowStart: Date): Promise<number> {
  const [row] = await queryRows<{ hits: number }>(
    db,
    sql`insert into ${rateLimitHits} (bucket, window_start, hits)
      values (${bucket}, ${windowStart.toISOString()}::timestamptz, 1)
      on conflict (bucket, window_start) do update set hits = ${rateLimitHits}.hits + 1
      returning hits`,
  );
  return Number(row?.hits ?? 1);
}

/** A bucket's count in one fixed window (0 when nothing was counted). */
export async function readWindowHits(db: Queryable, bucket: string, windowStart: Date): Promise<number> {
  const [row] = await queryRows<{ hits: number }>(
    db,
    sql`select hits from ${rateLimitHits}
      where bucket = ${bucket} and window_start = ${windowStart.toISOString()}::timestamptz`,
  );
  return Number(row?.hits ?? 0);
}

/**
 * The rate limiter's counters in the database (`rate_limit_hits`), so that every instance behind the
 * load balancer enforces one limit, not one each (issue 19). Fixed windows: a request counts in the
 * window `floor(now / timeWindow)`; one upsert answers the window's count. A database that cannot
 * count makes the request fail like any other database error (503), never pass unlimited.
 */
export function databaseRateLimitStore(db: Database, now: () => number = Date.now) {
  let counted = 0;
  const windowOf = (timeWindow: number) => {
    const at = now();
    const start = Math.floor(at / timeWindow) * timeWindow;
    return { start, ttl: start + timeWindow - at };
  };
  const bucketOf = (route: string, key: string) => `${route} ${key}`;

  class DatabaseRateLimitStore {
    /** The plugin constructs the root store with its options; `child` gives each route its own name. */
    constructor(
      _options?: object,
      private readonly route = '',
    ) {}

    incr(key: string, answer: Answer, timeWindow: number) {
      const { start, ttl } = windowOf(timeWindow);
      const bucket = bucketOf(this.route, key);
      counted += 1;
      const sweep = counted % sweepEvery === 0;
      void (async () => {
        const hits = await countWindowHit(db, bucket, new Date(start));
        if (sweep)
          await db.execute(
            sql`delete from ${rateLimitHits} where window_start < ${new Date(now() - 24 * 3_600_000).toISOString()}::timestamptz`,
          );
        return hits;
      })().then(
        (current) => answer(null, { current, ttl }),
        (error: Error) => answer(error, { current: 0, ttl }),
      );
    }

    read(key: string, answer: Answer, timeWindow: number) {
      const { start, ttl } = windowOf(timeWindow);
      void readWindowHits(db, bucketOf(this.route, key), new Date(start)).then(
        (hits) => answer(null, { current: hits, ttl: hits > 0 ? ttl : 0 }),
        (error: Error) => answer(error, { current: 0, ttl: 0 }),
      );
    }

    /** The plugin passes the route's merged limit options, the route itself as `routeInfo`. */
    child(options: object) {
      const info = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '');
      return new DatabaseRateLimitStore(undefined, `${method} ${info.url ?? ''}`.trim());
    }
  }
  return DatabaseRateLimitStore;
}
