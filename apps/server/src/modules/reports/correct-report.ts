import type { CorrectReport } from '@tuijin/contracts';
import { AppError, authorize, transitionReport } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { monthlyReportEvents, monthlyReports } from '../../db/schema';
import { updateVersioned } from '../audit';
import { recordActualDates } from '../projects';
import { assertReportFields, assertVersion, loadReport, staleReport } from './report-context';
import { resolveReportingRule } from './reporting-calendars';
import { fieldChanges } from './save-report-draft';
import { checkReport, refuseBlocking } from './submit-report';

/**
 * The office corrects an approved report (report.correct, project in its jurisdiction): the typed
 * fields change, the report stays approved, the reason is required. The checks run as on a
 * submission (a lowered amount is the `ytdDecrease` finding); blocking ones refuse. Writes the
 * 'corrected' event and an audit event with before/after of each changed field; a corrected actual
 * date replaces the project's when the project's came from this report (`recordActualDates`).
 */
export async function correctReport(ctx: Ctx, id: string, input: CorrectReport) {
  const { report, project } = await loadReport(ctx, id);
  authorize(ctx.actor, 'report.correct');
  if (!project.inCorrectionScope) throw new AppError('NOT_FOUND');
  assertVersion(report, input.version);
  const status = transitionReport(report.status, 'correct');
  const { reason, version: _version, ...fields } = input;
  const changes = fieldChanges(report, fields);
  if (Object.keys(changes).length === 0)
    throw new AppError('VALIDATION_FAILED', '更正内容与原月报相同', [
      { path: 'completedWanYuan', message: '没有改动' },
    ]);
  const { rule } = await resolveReportingRule(ctx.db, project.regionPath);
  assertReportFields(fields, rule.blockingChecks);
  const findings = refuseBlocking(
    await checkReport(ctx.db, project, report, rule.blockingChecks, fields, report.completedWanYuan),
  );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: monthlyReports,
      where: eq(monthlyReports.id, id),
      version: report.version,
      set: { ...fields, status, findings, updatedAt: now },
      audit: () => ({
        action: 'report.correct',
        entityType: 'project',
        entityId: project.id,
        regionPath: project.regionPath,
        changes,
        detail: { reportId: id, year: report.year, month: report.month, reason },
      }),
      conflict: staleReport,
    });
    await tx.insert(monthlyReportEvents).values({
      reportId: id,
      action: 'corrected',
      reason,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    });
    const dates = (r: Pick<typeof report, 'actualStartOn' | 'actualCompletionOn' | 'actualOperationOn'>) => ({
      actualStartOn: r.actualStartOn,
      actualCompletionOn: r.actualCompletionOn,
      actualOperationOn: r.actualOperationOn,
    });
    await recordActualDates(
      tx,
      ctx,
      project.id,
      dates({ ...report, ...fields }),
      'learn',
      `${report.year}年${report.month}月月报更正：${reason}`,
      dates(report),
    );
  });
}
