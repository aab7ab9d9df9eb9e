import type { Actor } from '@tuijin/domain';
import type { Database } from './db/database';

/** Time as the app sees it; tests inject a fixed or moving clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every use case receives: `verbNoun(ctx, input)`. */
export interface Ctx {
  db: Database;
  actor: Actor;
  clock: Clock;
  /** Client address of the request, recorded in the audit log; null for the CLI and jobs. */
  ip: string | null;
  /** Key of the audit log's HMAC chain. */
  auditKey: Buffer;
  /**
   * Where heavy reads go (the database handle's `analyticsDb`: on PostgreSQL a bounded pool with a
   * statement timeout); absent for the CLI and jobs, which read through `db`.
   */
  analyticsDb?: Database;
}

/**
 * The context a heavy read (cockpit, map, screen, a bulletin's snapshot) runs in: the same actor and
 * scope, its statements on the analytics pool. Never for writes: they stay on `db`.
 */
export function analyticsCtx(ctx: Ctx): Ctx {
  return ctx.analyticsDb ? { ...ctx, db: ctx.analyticsDb } : ctx;
}
