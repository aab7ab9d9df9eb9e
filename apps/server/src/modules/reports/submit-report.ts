import type { ReportFinding, SubmitReport } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  type ReportFindingResult,
  runReportChecks,
  transitionReport,
} from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { monthlyReportEvents, monthlyReports } from '../../db/schema';
import { recordAudit, updateVersioned } from '../audit';
import {
  assertOwner,
  assertReportFields,
  assertVersion,
  checkInput,
  loadPlan,
  loadReport,
  type ReportProject,
  type ReportRow,
  type ReportWindowFacts,
  reportWindow,
  staleReport,
} from './report-context';
import { fieldChanges } from './save-report-draft';

const formatDay = (date: string) => `${Number(date.slice(5, 7))} 月 ${Number(date.slice(8, 10))} 日`;

/** Refuses with every blocking finding's message; answers the findings to store otherwise. */
export function refuseBlocking(findings: ReportFindingResult[]): ReportFinding[] {
  const blocking = findings.filter((f) => f.severity === 'block');
  if (blocking.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      blocking.map((f) => f.message).join('；'),
      blocking.map((f) => ({ path: f.check, message: f.message })),
    );
  return findings;
}

/** Runs the submission checks on a report's current fields with the region's blocking setting. */
export async function checkReport(
  db: Queryable,
  project: ReportProject,
  report: ReportRow,
  blockingChecks: Parameters<typeof runReportChecks>[1],
  fields: Pick<ReportRow, 'completedWanYuan' | 'statisticsWanYuan' | 'progress' | 'actualStartOn'> = report,
  correctedFromWanYuan: string | null = null,
) {
  const plan = await loadPlan(db, project.id, report.year);
  const input = await checkInput(db, project, plan, report.year, report.month, fields, correctedFromWanYuan);
  return runReportChecks(input, blockingChecks);
}

/**
 * Whether a submission may go ahead in the month's window, and the deadline and lateness it
 * records: refused before the window opens, and after it has closed for a first submission. The
 * first submission fixes `due_on` from the calendar and `late` (after the deadline); a
 * resubmission after a return keeps both.
 */
export function submissionTerms(
  window: ReportWindowFacts,
  year: number,
  month: number,
  report: Pick<ReportRow, 'submittedAt' | 'dueOn' | 'late'> | null,
) {
  if (window.state === 'notOpen')
    throw new AppError(
      'PERIOD_CLOSED',
      `${year} 年 ${month} 月月报的填报期尚未开始，${formatDay(window.period.opensOn)}起可报送`,
    );
  const isFirst = report === null || report.submittedAt === null;
  if (window.state === 'closed' && isFirst)
    throw new AppError(
      'PERIOD_CLOSED',
      `${year} 年 ${month} 月月报已于 ${formatDay(window.period.closesOn ?? window.period.dueOn)}截止，不再接受报送`,
    );
  return {
    isFirst,
    dueOn: isFirst ? window.period.dueOn : report.dueOn,
    late: isFirst ? window.today > window.period.dueOn : report.late,
  };
}

/**
 * The owner submits a draft or returned report. Refused before the window opens, and after the
 * deadline when late submission is not allowed (or its late window has closed). The checks run:
 * blocking findings refuse with their messages, warnings are stored with the report. The first
 * submission fixes `due_on` from the calendar and `late` (submitted after the deadline); a
 * resubmission after a return keeps both. With `fields` the typed fields are checked and written
 * in the same transaction as the submission (audited as a `report.save` first), so a refused
 * submission leaves the stored draft untouched. Writes the 'submitted' event and the audit event.
 */
export async function submitReport(ctx: Ctx, id: string, input: SubmitReport) {
  const { report, project } = await loadReport(ctx, id);
  authorize(ctx.actor, 'report.submit');
  assertOwner(ctx, project);
  assertVersion(report, input.version);
  const status = transitionReport(report.status, 'submit');
  const window = await reportWindow(ctx, project.regionPath, report.year, report.month);
  const { isFirst, dueOn, late } = submissionTerms(window, report.year, report.month, report);
  const fields = input.fields ?? report;
  assertReportFields(fields, window.rule.blockingChecks);
  const findings = refuseBlocking(
    await checkReport(ctx.db, project, report, window.rule.blockingChecks, fields),
  );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const changes = input.fields ? fieldChanges(report, input.fields) : {};
    await updateVersioned(tx, ctx, {
      table: monthlyReports,
      where: eq(monthlyReports.id, id),
      version: report.version,
      set: {
        ...input.fields,
        status,
        dueOn,
        late,
        submittedAt: now,
        submittedBy: ctx.actor.userId,
        findings,
        updatedAt: now,
      },
      audit: () =>
        Object.keys(changes).length === 0
          ? null
          : {
              action: 'report.save',
              entityType: 'project',
              entityId: project.id,
              regionPath: project.regionPath,
              changes,
              detail: { reportId: id, year: report.year, month: report.month },
            },
      conflict: staleReport,
    });
    await tx.insert(monthlyReportEvents).values({
      reportId: id,
      action: 'submitted',
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    });
    await recordAudit(tx, ctx, {
      action: 'report.submit',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      changes: {
        status: { before: report.status, after: status },
        ...(isFirst ? { late: { before: report.late, after: late } } : {}),
      },
      detail: {
        reportId: id,
        year: report.year,
        month: report.month,
        warnings: findings.map((f) => f.check),
      },
    });
  });
}
