import type { ApproveReport, ReturnReport } from '@tuijin/contracts';
import { AppError, authorize, transitionReport } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { monthlyReportEvents, monthlyReports } from '../../db/schema';
import { updateVersioned } from '../audit';
import { recordActualDates } from '../projects';
import { assertVersion, loadReport, staleReport } from './report-context';

/**
 * A submitted report a reviewer may act on: visible to them, report.review, and the project in
 * their review scope (an office's jurisdiction, a department's projects within it). Else NOT_FOUND
 * / FORBIDDEN.
 */
async function reviewable(ctx: Ctx, id: string) {
  const loaded = await loadReport(ctx, id);
  authorize(ctx.actor, 'report.review');
  if (!loaded.project.inReviewScope) throw new AppError('NOT_FOUND');
  return loaded;
}

async function review(
  ctx: Ctx,
  id: string,
  version: number,
  action: 'return' | 'approve',
  reason: string | null,
) {
  const { report, project } = await reviewable(ctx, id);
  assertVersion(report, version);
  const status = transitionReport(report.status, action);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: monthlyReports,
      where: eq(monthlyReports.id, id),
      version: report.version,
      set: {
        status,
        reviewedAt: now,
        reviewedBy: ctx.actor.userId,
        reviewedByName: ctx.actor.displayName,
        returnReason: action === 'return' ? reason : null,
        updatedAt: now,
      },
      audit: () => ({
        action: action === 'return' ? 'report.return' : 'report.approve',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes: { status: { before: report.status, after: status } },
        detail: { reportId: id, year: report.year, month: report.month, ...(reason ? { reason } : {}) },
      }),
      conflict: staleReport,
    });
    await tx.insert(monthlyReportEvents).values({
      reportId: id,
      action: action === 'return' ? 'returned' : 'approved',
      reason,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    });
    if (action === 'approve')
      await recordActualDates(
        tx,
        ctx,
        project.id,
        {
          actualStartOn: report.actualStartOn,
          actualCompletionOn: report.actualCompletionOn,
          actualOperationOn: report.actualOperationOn,
        },
        'learn',
        `${report.year}年${report.month}月月报审核通过`,
      );
  });
}

/** The reviewer returns a submitted report to the owner with a reason; the owner edits and resubmits. */
export async function returnReport(ctx: Ctx, id: string, input: ReturnReport) {
  await review(ctx, id, input.version, 'return', input.reason);
}

/** The reviewer approves a submitted report: it is locked (only an office correction changes it) and counts in figures. */
export async function approveReport(ctx: Ctx, id: string, input: ApproveReport) {
  await review(ctx, id, input.version, 'approve', null);
}
