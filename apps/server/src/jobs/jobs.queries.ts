import type { JobRun, JobsOverview, JobsQuery } from '@tuijin/contracts';
import { authorize } from '@tuijin/domain';
import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Queryable } from '../db/database';
import { jobFailures, jobOutbox } from '../db/schema';
import { inRegionSubtree } from '../lib/scope';
import type { JobDefinition } from './define-job';
import type { OutboxRow } from './outbox';

const presentRun = (row: OutboxRow): JobRun => ({
  id: row.id,
  job: row.job,
  key: row.naturalKey,
  state: row.state,
  attempts: row.attempts,
  lastError: row.lastError,
  result: row.result,
  runAfter: row.runAfter.toISOString(),
  claimedBy: row.claimedBy,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/**
 * 后台任务 (system admin, `settings.manage`): every job of the registry with its schedule (the
 * server's interval when it overrides the jobs' own), its last run and its runs counted by state;
 * the latest runs (optionally of one state), newest first; and the items job runs could not
 * process (`job_failures`, of the actor's jurisdiction), open ones first.
 */
export async function listJobs(ctx: Ctx, query: JobsQuery, setup: JobsSetup): Promise<JobsOverview> {
  authorize(ctx.actor, 'settings.manage');
  return jobsOverview(ctx.db, query, setup, ctx.actor.regionPath);
}

export interface JobsSetup {
  jobs: readonly JobDefinition[];
  /** The interval the worker was given for every scheduled job, when it overrides their own. */
  scheduleEveryMinutes?: number | undefined;
}

/**
 * The overview itself, for the route above and the server-side `tuijin jobs list` (which sees the
 * failed items of every region: `regionPath` null).
 */
export async function jobsOverview(
  db: Queryable,
  query: JobsQuery,
  setup: JobsSetup,
  regionPath: string | null,
): Promise<JobsOverview> {
  const counts = await db
    .select({ job: jobOutbox.job, state: jobOutbox.state, count: sql<number>`count(*)::int` })
    .from(jobOutbox)
    .groupBy(jobOutbox.job, jobOutbox.state);
  const last = await db
    .selectDistinctOn([jobOutbox.job])
    .from(jobOutbox)
    .orderBy(jobOutbox.job, desc(jobOutbox.createdAt), desc(jobOutbox.id));
  const runs = await db
    .select()
    .from(jobOutbox)
    .where(query.state ? eq(jobOutbox.state, query.state) : undefined)
    .orderBy(desc(jobOutbox.createdAt), desc(jobOutbox.id))
    .limit(query.limit);
  const failures = await db
    .select()
    .from(jobFailures)
    .where(regionPath === null ? undefined : inRegionSubtree(jobFailures.regionPath, regionPath))
    .orderBy(sql`${isNull(jobFailures.resolvedAt)} desc`, desc(jobFailures.lastFailedAt), jobFailures.itemKey)
    .limit(200);
  return {
    jobs: setup.jobs.map((job) => {
      const of = (state: OutboxRow['state']) =>
        counts.find((c) => c.job === job.name && c.state === state)?.count ?? 0;
      const lastRun = last.find((row) => row.job === job.name);
      return {
        name: job.name,
        title: job.title,
        everyMinutes: job.schedule ? (setup.scheduleEveryMinutes ?? job.schedule.everyMinutes) : null,
        lastRun: lastRun ? presentRun(lastRun) : null,
        counts: { pending: of('pending'), running: of('running'), done: of('done'), failed: of('failed') },
      };
    }),
    runs: runs.map(presentRun),
    itemFailures: failures.map((row) => ({
      job: row.job,
      itemKey: row.itemKey,
      label: row.label,
      reason: row.reason,
      attempts: row.attempts,
      firstFailedAt: row.firstFailedAt.toISOString(),
      lastFailedAt: row.lastFailedAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
    })),
  };
}
