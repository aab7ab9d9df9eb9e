import type { ReportFinding, ReportSubmission, SubmitMonthReport } from '@tuijin/contracts';
import { AppError, authorize, runReportChecks, transitionReport } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { monthlyReportEvents, monthlyReports } from '../../db/schema';
import { type AuditInput, recordAudits } from '../audit';
import {
  assertOwner,
  assertReportFields,
  assertVersion,
  checkInput,
  loadReportProject,
  lockMonthReport,
  planOfReportableMonth,
  type ReportRow,
  reportWindow,
  staleReport,
} from './report-context';
import { money } from './reports.presenter';
import { fieldChanges } from './save-report-draft';
import { refuseBlocking, submissionTerms } from './submit-report';

/**
 * 保存并报送: the owner saves and submits a month's report in one request and one transaction —
 * creating it when the month has none (`version` null) or changing a draft or returned one — with
 * every rule of a draft save followed by a submission: the project due that year, the month begun,
 * the window open (or late submission allowed), the amount fields by the form's rule, the checks
 * (blocking findings refuse with their messages; warnings are kept with the report). A refused
 * submission stores nothing. Writes the row, its `submitted` event, and the `report.save` (when a
 * field changed) and `report.submit` audit events; answers from the row it wrote, not a re-read.
 */
export async function submitMonthReport(
  ctx: Ctx,
  projectId: string,
  year: number,
  month: number,
  input: SubmitMonthReport,
): Promise<ReportSubmission> {
  return ctx.db.transaction(async (tx) => {
    const project = await loadReportProject({ db: tx, actor: ctx.actor }, projectId);
    authorize(ctx.actor, 'report.submit');
    assertOwner(ctx, project);
    const plan = await planOfReportableMonth(ctx, tx, project, year, month);
    const existing = await lockMonthReport(tx, projectId, year, month);
    const { version, ...fields } = input;
    if (existing) assertVersion(existing, version);
    else if (version !== null) throw new AppError('CONFLICT', '月报已被删除或不存在，请刷新后重试');
    const status = transitionReport(existing?.status ?? 'draft', 'submit');
    const window = await reportWindow({ db: tx, clock: ctx.clock }, project.regionPath, year, month);
    const { isFirst, dueOn, late } = submissionTerms(window, year, month, existing ?? null);
    assertReportFields(fields, window.rule.blockingChecks);
    const findings = refuseBlocking(
      runReportChecks(
        await checkInput(tx, project, plan, year, month, fields, null),
        window.rule.blockingChecks,
      ),
    );
    const now = ctx.clock.now();
    const written = {
      ...fields,
      status,
      dueOn,
      late,
      submittedAt: now,
      submittedBy: ctx.actor.userId,
      findings,
      updatedAt: now,
    };
    const [row] = existing
      ? await tx
          .update(monthlyReports)
          .set({ ...written, version: existing.version + 1 })
          .where(and(eq(monthlyReports.id, existing.id), eq(monthlyReports.version, existing.version)))
          .returning()
      : await tx
          .insert(monthlyReports)
          .values({ projectId, year, month, ...written, createdAt: now })
          .returning();
    if (!row) throw new AppError('CONFLICT', staleReport);
    await tx.insert(monthlyReportEvents).values({
      reportId: row.id,
      action: 'submitted',
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    });
    const changes = fieldChanges(existing ?? null, fields);
    const about = { entityType: 'project', entityId: projectId, regionPath: project.regionPath };
    const audits: AuditInput[] = [];
    if (Object.keys(changes).length > 0)
      audits.push({ action: 'report.save', ...about, changes, detail: { reportId: row.id, year, month } });
    audits.push({
      action: 'report.submit',
      ...about,
      changes: {
        status: { before: existing?.status ?? null, after: status },
        ...(isFirst ? { late: { before: existing?.late ?? null, after: late } } : {}),
      },
      detail: { reportId: row.id, year, month, warnings: findings.map((f) => f.check) },
    });
    await recordAudits(tx, ctx, audits);
    return presentSubmission(row);
  });
}

function presentSubmission(row: ReportRow): ReportSubmission {
  return {
    id: row.id,
    projectId: row.projectId,
    year: row.year,
    month: row.month,
    status: row.status,
    completedWanYuan: money(row.completedWanYuan),
    dueOn: row.dueOn,
    late: row.late,
    submittedAt: (row.submittedAt ?? row.updatedAt).toISOString(),
    findings: row.findings as ReportFinding[],
    version: row.version,
  };
}
