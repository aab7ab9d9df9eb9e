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
}
