import { chinaDate, impliedStage, type ProjectStage, type StageFacts } from '@tuijin/domain';
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { projectStageChanges, projects } from '../../db/schema';
import { recordAudit } from '../audit';

/** Actual dates learned for a project (absent: not learned; null: cleared — office edits only). */
export interface ActualDates {
  actualStartOn?: string | null;
  actualCompletionOn?: string | null;
  actualOperationOn?: string | null;
}

const dateFields = ['actualStartOn', 'actualCompletionOn', 'actualOperationOn'] as const;

/**
 * Keeps a project's actual dates — the one truth of its start, completion and operation — in step
 * with what a use case has learned, inside that use case's transaction `tx`:
 * - `learn` (an approved or corrected monthly report, the ledger import): fills a date the project
 *   does not have yet, or replaces one this same source gave before (`previous`: a corrected
 *   report's old dates); any other date the project has stays (an office changes it with a reason);
 * - `set` (the office's stage change with a reason): writes the given dates as they are.
 * The stored stage follows the stage the dates imply today (`impliedStage`); when it moves, the
 * move is a stage-history row dated by the date that caused it, with `reason`, and the audit event
 * is `project.stage.change` (else `project.update`). Does nothing when no date changes.
 * Returns whether anything was written.
 */
export async function recordActualDates(
  tx: Queryable,
  ctx: Ctx,
  projectId: string,
  dates: ActualDates,
  mode: 'learn' | 'set',
  reason: string,
  previous: ActualDates = {},
): Promise<boolean> {
  const [row] = await tx
    .select({
      stage: projects.stage,
      regionPath: projects.regionPath,
      actualStartOn: projects.actualStartOn,
      actualCompletionOn: projects.actualCompletionOn,
      actualOperationOn: projects.actualOperationOn,
    })
    .from(projects)
    .where(eq(projects.id, projectId))
    .for('update');
  if (!row) return false;
  const next: Record<(typeof dateFields)[number], string | null> = {
    actualStartOn: row.actualStartOn,
    actualCompletionOn: row.actualCompletionOn,
    actualOperationOn: row.actualOperationOn,
  };
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of dateFields) {
    const value = dates[field];
    if (value === undefined) continue;
    const isOwnDate = row[field] === null || row[field] === (previous[field] ?? null);
    if (mode === 'learn' && (value === null || !isOwnDate)) continue;
    if (value === row[field]) continue;
    next[field] = value;
    changes[field] = { before: row[field], after: value };
  }
  if (Object.keys(changes).length === 0) return false;
  const today = chinaDate(ctx.clock.now());
  const at = { year: Number(today.slice(0, 4)), asOf: today };
  const before: StageFacts = { ...row, recordedStage: row.stage as ProjectStage };
  const fromStage = impliedStage(before, at);
  const toStage = impliedStage({ ...before, ...next }, at);
  const now = ctx.clock.now();
  const movedOn =
    (toStage === 'operating' ? next.actualOperationOn : null) ??
    (toStage === 'completed' ? next.actualCompletionOn : null) ??
    (toStage === 'started' || toStage === 'underway' ? next.actualStartOn : null) ??
    today;
  await tx
    .update(projects)
    .set({
      ...next,
      stage: toStage,
      ...(toStage !== fromStage ? { stageChangedOn: movedOn } : {}),
      version: sql`${projects.version} + 1`,
      updatedAt: now,
    })
    .where(eq(projects.id, projectId));
  if (toStage !== fromStage) {
    changes.stage = { before: fromStage, after: toStage };
    await tx.insert(projectStageChanges).values({
      projectId,
      fromStage,
      toStage,
      changedOn: movedOn,
      reason,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    });
  }
  await recordAudit(tx, ctx, {
    action: toStage !== fromStage ? 'project.stage.change' : 'project.update',
    entityType: 'project',
    entityId: projectId,
    regionPath: row.regionPath,
    changes,
    detail: { reason },
  });
  return true;
}

/**
 * Fills every project's missing actual dates from its approved monthly reports (the earliest date
 * each gave) — what migration 0012 did once, for data written around the use cases (test seeds).
 */
export async function learnActualDatesFromReports(db: Queryable) {
  await db.execute(sql`update projects set
      actual_start_on = coalesce(projects.actual_start_on, d.start_on),
      actual_completion_on = coalesce(projects.actual_completion_on, d.completion_on),
      actual_operation_on = coalesce(projects.actual_operation_on, d.operation_on)
    from (
      select project_id, min(actual_start_on) as start_on, min(actual_completion_on) as completion_on,
        min(actual_operation_on) as operation_on
      from monthly_reports where status = 'approved' group by project_id
    ) d
    where d.project_id = projects.id`);
}
