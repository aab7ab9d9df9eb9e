import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** The states of an outbox row: waiting (or waiting to retry), claimed by a worker, through, given up. */
export const jobOutboxStates = ['pending', 'running', 'done', 'failed'] as const;

/**
 * 后台任务队列 (outbox): one row per run of a job — enqueued in the same transaction as the change
 * that triggers it, or by a worker for a scheduled slot — and claimed by a worker after commit.
 * `(job, natural_key)` is unique, so enqueueing the same run twice (a retry, a second instance)
 * adds nothing.
 */
export const jobOutbox = pgTable(
  'job_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    naturalKey: text('natural_key').notNull(),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The run's one-line summary (what it did), for the 后台任务 page. */
    result: text('result'),
    state: text('state', { enum: jobOutboxStates }).notNull().default('pending'),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('job_outbox_job_key').on(t.job, t.naturalKey),
    index('job_outbox_due_idx').on(t.state, t.runAfter),
    check('job_outbox_state_check', sql`${t.state} in ('pending', 'running', 'done', 'failed')`),
  ],
);
