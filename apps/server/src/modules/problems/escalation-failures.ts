import type { EscalationFailureList } from '@tuijin/contracts';
import { authorize } from '@tuijin/domain';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { jobFailures } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';

/** The job name under which the escalation job records a problem it could not process. */
export const escalationJob = 'problem.escalation';

/** What went wrong with one item of a job run. */
export interface JobItemFailure {
  itemKey: string;
  regionPath: string;
  label: string;
  reason: string;
}

export { failureReason } from '../../jobs/failure-reason';

/**
 * Records that one item failed in a run (outside the item's rolled-back transaction): a new row,
 * or the open row's reason, time and attempt count updated; a row resolved earlier opens again.
 */
export async function recordJobFailure(db: Queryable, job: string, failure: JobItemFailure, at: Date) {
  await db
    .insert(jobFailures)
    .values({ job, ...failure, attempts: 1, firstFailedAt: at, lastFailedAt: at })
    .onConflictDoUpdate({
      target: [jobFailures.job, jobFailures.itemKey],
      set: {
        reason: failure.reason,
        label: failure.label,
        regionPath: failure.regionPath,
        lastFailedAt: at,
        attempts: sql`case when ${jobFailures.resolvedAt} is null then ${jobFailures.attempts} + 1 else 1 end`,
        firstFailedAt: sql`case when ${jobFailures.resolvedAt} is null then ${jobFailures.firstFailedAt} else ${at.toISOString()}::timestamptz end`,
        resolvedAt: null,
      },
    });
}

/** The items of a job that failed and have not gone through since. */
export async function openJobFailureKeys(db: Queryable, job: string): Promise<Set<string>> {
  const rows = await db
    .select({ itemKey: jobFailures.itemKey })
    .from(jobFailures)
    .where(and(eq(jobFailures.job, job), isNull(jobFailures.resolvedAt)));
  return new Set(rows.map((r) => r.itemKey));
}

/** Marks the open failures of these items resolved (they went through on a later run). */
export async function resolveJobFailures(db: Queryable, job: string, itemKeys: string[], at: Date) {
  if (itemKeys.length === 0) return;
  await db
    .update(jobFailures)
    .set({ resolvedAt: at })
    .where(
      and(eq(jobFailures.job, job), inArray(jobFailures.itemKey, itemKeys), isNull(jobFailures.resolvedAt)),
    );
}

/**
 * 提级任务失败清单: problems of the actor's jurisdiction the escalation job could not process, with
 * the reason, the attempts and when; each is retried on every run until it goes through.
 */
export async function listEscalationFailures(ctx: Ctx): Promise<EscalationFailureList> {
  authorize(ctx.actor, 'escalationLadder.manage');
  const rows = await ctx.db
    .select()
    .from(jobFailures)
    .where(
      and(
        eq(jobFailures.job, escalationJob),
        isNull(jobFailures.resolvedAt),
        inRegionSubtree(jobFailures.regionPath, ctx.actor.regionPath),
      ),
    )
    .orderBy(desc(jobFailures.lastFailedAt), jobFailures.itemKey);
  return {
    data: rows.map((row) => ({
      problemId: row.itemKey,
      referenceNumber: row.label,
      reason: row.reason,
      attempts: row.attempts,
      firstFailedAt: row.firstFailedAt.toISOString(),
      lastFailedAt: row.lastFailedAt.toISOString(),
    })),
  };
}
