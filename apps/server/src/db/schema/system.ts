import {
  bigint,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

/** 系统设置: versioned JSON settings such as the security policy. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(0),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by'),
});

/** 幂等键: the first response to a state-changing request, replayed for a retry with the same key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: text('actor_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** SHA-256 of the request body: a key sent again with another body is refused, not replayed. */
    requestHash: text('request_hash'),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] })],
);

/**
 * 定时任务失败记录: one row per job and item (e.g. the escalation job and a problem) that failed, with
 * the reason; the next run retries the item and marks the row resolved when it goes through.
 */
export const jobFailures = pgTable(
  'job_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    itemKey: text('item_key').notNull(),
    /** Where the item belongs, so an office sees only its own jurisdiction's failures. */
    regionPath: text('region_path').notNull(),
    label: text('label').notNull(),
    reason: text('reason').notNull(),
    attempts: integer('attempts').notNull().default(1),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('job_failures_job_item_key').on(t.job, t.itemKey)],
);

/**
 * 限流计数: requests per bucket (a rate-limited route and its key, the client's address) and fixed
 * time window, counted in the database so that every instance enforces one limit (issue 19). Old
 * windows are deleted as new ones are counted.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);
