import { transitionReport } from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { monthlyReportEvents, monthlyReports } from '../../db/schema';

/** The status an office's own entry of a month reaches: reported and approved in one step by the office. */
const officeEntryStatus = transitionReport(transitionReport('draft', 'submit'), 'approve');

/**
 * An office enters a project's month from a sheet it holds (an imported progress ledger): the report
 * is written as submitted and approved by the office in one step, with an `approved` event carrying
 * `evidence` (where the figure came from), inside the caller's transaction. The caller has checked
 * that the month has no report yet and records the audit event. Answers the report's id.
 */
export async function enterApprovedReport(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock'>,
  entry: {
    projectId: string;
    year: number;
    month: number;
    completedWanYuan: string;
    progress: string;
    dueOn: string;
    evidence: string;
  },
): Promise<string> {
  const now = ctx.clock.now();
  const [created] = await tx
    .insert(monthlyReports)
    .values({
      projectId: entry.projectId,
      year: entry.year,
      month: entry.month,
      completedWanYuan: entry.completedWanYuan,
      progress: entry.progress,
      status: officeEntryStatus,
      dueOn: entry.dueOn,
      submittedAt: now,
      submittedBy: ctx.actor.userId,
      reviewedAt: now,
      reviewedBy: ctx.actor.userId,
      reviewedByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: monthlyReports.id });
  await tx.insert(monthlyReportEvents).values({
    reportId: created!.id,
    action: 'approved',
    reason: entry.evidence,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    at: now,
  });
  return created!.id;
}
