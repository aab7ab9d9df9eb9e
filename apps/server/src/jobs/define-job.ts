import type { z } from 'zod';
import type { Clock } from '../context';
import type { Database } from '../db/database';
import type { FileStore } from '../lib/file-store';

/** What a job's `run` receives: the database, the clock, the audit key and a log line writer. */
export interface JobContext {
  db: Database;
  clock: Clock;
  auditKey: Buffer;
  log: (message: string, error?: unknown) => void;
  /** The natural key of the outbox row being run (`escalations:2026-12-06T09:00`). */
  key: string;
  /** Where files are kept (a job that writes documents, such as 一日一通报, needs it). */
  store?: FileStore;
}

/**
 * When a scheduled job runs: every `everyMinutes` (the worker may be told another interval), one
 * run per slot. `slot` names the slot for a moment — by default the start of its interval in UTC
 * (`2026-12-06T09:00`) — so a job keyed by something coarser (a month) runs once per that.
 */
export interface JobSchedule {
  everyMinutes: number;
  slot?: (now: Date, everyMinutes: number) => string;
}

export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  /** Unique, dotted (`problem.escalations`): the outbox's `job` column. */
  name: string;
  /** 中文 name for the 后台任务 page and the CLI. */
  title: string;
  /** A scheduled job is enqueued by the worker for its slot; without one it runs on an event. */
  schedule?: JobSchedule;
  payload: P;
  /** Attempts before the run is given up (`failed`); each retry waits `retryDelayMs(attempts)`. */
  maxAttempts?: number;
  /** Does the work; idempotent by its key (a second run of the same key does no harm). */
  run: (ctx: JobContext, payload: z.infer<P>) => Promise<string | undefined>;
}

/** Declares a job; every one is listed in `registry.ts`. */
export function defineJob<P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export const defaultMaxAttempts = 5;

/** Backoff between attempts: 30 s, 1 min, 2 min, … capped at one hour. */
export const retryDelayMs = (attempts: number) =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** The default slot of a moment: the start of its `everyMinutes` interval, `YYYY-MM-DDTHH:mm` (UTC). */
export function intervalSlot(now: Date, everyMinutes: number): string {
  const size = everyMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / size) * size).toISOString().slice(0, 16);
}
