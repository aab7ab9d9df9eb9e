import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../db/database';
import { jobOutbox } from '../db/schema';
import type { JobDefinition } from './define-job';

/** A claimed run left `running` this long (its worker died) is claimed again: at least once. */
export const staleClaimMs = 15 * 60_000;

export type OutboxRow = typeof jobOutbox.$inferSelect;

let enqueuedSoFar = 0;
/** How many runs this process has queued: a request that changed it nudges the worker after commit. */
export const enqueuedCount = () => enqueuedSoFar;

/**
 * Queues one run of `job` in the caller's transaction, so the change, its audit event and the jobs
 * it triggers commit — or roll back — together. The payload is checked by the job's schema. The
 * natural key makes it idempotent: a run already queued under `(job, key)` (whatever its state) is
 * left as it is. Answers whether a row was added.
 */
export async function enqueueJob<P extends z.ZodType>(
  tx: Queryable,
  job: JobDefinition<P>,
  payload: z.input<P>,
  key: string,
  options: { now: Date; runAfter?: Date },
): Promise<boolean> {
  const parsed = job.payload.parse(payload);
  const rows = await tx
    .insert(jobOutbox)
    .values({
      job: job.name,
      naturalKey: key,
      payload: parsed ?? {},
      runAfter: options.runAfter ?? options.now,
      createdAt: options.now,
    })
    .onConflictDoNothing({ target: [jobOutbox.job, jobOutbox.naturalKey] })
    .returning({ id: jobOutbox.id });
  if (rows.length > 0) enqueuedSoFar += 1;
  return rows.length > 0;
}

/**
 * Claims the next due run of one of `jobs` for `workerId`: a pending row whose `run_after` has come,
 * or a running one whose claim went stale. `for update skip locked` lets two workers on one
 * PostgreSQL claim different rows without waiting; the row is marked `running` (attempts + 1) in
 * the same short transaction, so nobody else claims it after commit. Answers null when none is due.
 */
export async function claimDueJob(
  db: Queryable,
  jobs: readonly string[],
  workerId: string,
  now: Date,
): Promise<OutboxRow | null> {
  if (jobs.length === 0) return null;
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: jobOutbox.id })
      .from(jobOutbox)
      .where(
        and(
          inArray(jobOutbox.job, [...jobs]),
          or(
            and(eq(jobOutbox.state, 'pending'), lte(jobOutbox.runAfter, now)),
            and(
              eq(jobOutbox.state, 'running'),
              lt(jobOutbox.claimedAt, new Date(now.getTime() - staleClaimMs)),
            ),
          ),
        ),
      )
      .orderBy(asc(jobOutbox.runAfter), asc(jobOutbox.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!due) return null;
    const [claimed] = await tx
      .update(jobOutbox)
      .set({
        state: 'running',
        attempts: sql`${jobOutbox.attempts} + 1`,
        claimedBy: workerId,
        claimedAt: now,
      })
      .where(eq(jobOutbox.id, due.id))
      .returning();
    return claimed ?? null;
  });
}

/** Marks a claimed run done (only while this worker still holds the claim). */
export async function completeJob(db: Queryable, row: OutboxRow, now: Date, result: string | null) {
  await db
    .update(jobOutbox)
    .set({ state: 'done', finishedAt: now, result })
    .where(
      and(
        eq(jobOutbox.id, row.id),
        eq(jobOutbox.claimedBy, row.claimedBy ?? ''),
        eq(jobOutbox.attempts, row.attempts),
      ),
    );
}

/**
 * Records a failed attempt: back to `pending` after `retryAfterMs`, or `failed` for good once the
 * attempts are used up. The reason is kept either way.
 */
export async function failJob(
  db: Queryable,
  row: OutboxRow,
  now: Date,
  reason: string,
  retryAfterMs: number | null,
) {
  await db
    .update(jobOutbox)
    .set(
      retryAfterMs === null
        ? { state: 'failed', finishedAt: now, lastError: reason }
        : { state: 'pending', runAfter: new Date(now.getTime() + retryAfterMs), lastError: reason },
    )
    .where(
      and(
        eq(jobOutbox.id, row.id),
        eq(jobOutbox.claimedBy, row.claimedBy ?? ''),
        eq(jobOutbox.attempts, row.attempts),
      ),
    );
}
