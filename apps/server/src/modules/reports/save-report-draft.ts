import type { SaveReportDraft } from '@tuijin/contracts';
import { AppError, authorize, formatDecimal, parseDecimal, transitionReport } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { monthlyReports } from '../../db/schema';
import { recordAudit } from '../audit';
import {
  assertOwner,
  assertReportFields,
  assertVersion,
  loadReportProject,
  lockMonthReport,
  planOfReportableMonth,
  reportWindow,
} from './report-context';
import { resolveReportingRule } from './reporting-calendars';

/** The typed fields of a report, as stored. */
export const editableFields = [
  'completedWanYuan',
  'progress',
  'actualStartOn',
  'actualCompletionOn',
  'actualOperationOn',
  'inStatistics',
  'statisticsWanYuan',
  'workersOnSite',
] as const;

const moneyFields = new Set<string>(['completedWanYuan', 'statisticsWanYuan']);
const normalise = (field: string, value: unknown) =>
  value === null ? null : moneyFields.has(field) ? formatDecimal(parseDecimal(String(value))) : value;

/** before/after of the typed fields that differ (amounts compared exactly). */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown>) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of editableFields) {
    const old = normalise(field, before ? (before[field] ?? null) : null);
    const now = normalise(field, after[field] ?? null);
    if (old !== now) changes[field] = { before: old, after: now };
  }
  return changes;
}

/**
 * The owner saves a month's report as a draft: creates it (`version` null) or edits a draft or a
 * returned report. Only the month's amount is typed; year-to-date and since-start are sums. The
 * project must be due that year (an annual plan, not dropped) and the month must have begun.
 * The amount fields follow the form's rule (`assertReportFields`), so nothing invalid is stored.
 * The deadline of the month is recorded on creation. Audited with before/after.
 */
export async function saveReportDraft(
  ctx: Ctx,
  projectId: string,
  year: number,
  month: number,
  input: SaveReportDraft,
) {
  const project = await loadReportProject(ctx, projectId);
  authorize(ctx.actor, 'report.submit');
  assertOwner(ctx, project);
  await planOfReportableMonth(ctx, ctx.db, project, year, month);
  const { version, ...fields } = input;
  const { rule } = await resolveReportingRule(ctx.db, project.regionPath);
  assertReportFields(fields, rule.blockingChecks);
  const id = await ctx.db.transaction(async (tx) => {
    const existing = await lockMonthReport(tx, projectId, year, month);
    let reportId: string;
    if (existing) {
      assertVersion(existing, version);
      transitionReport(existing.status, 'save');
      await tx
        .update(monthlyReports)
        .set({ ...fields, version: existing.version + 1, updatedAt: ctx.clock.now() })
        .where(eq(monthlyReports.id, existing.id));
      reportId = existing.id;
    } else {
      if (version !== null) throw new AppError('CONFLICT', '月报已被删除或不存在，请刷新后重试');
      const { period } = await reportWindow({ db: tx, clock: ctx.clock }, project.regionPath, year, month);
      const [created] = await tx
        .insert(monthlyReports)
        .values({
          projectId,
          year,
          month,
          ...fields,
          dueOn: period.dueOn,
          createdAt: ctx.clock.now(),
          updatedAt: ctx.clock.now(),
        })
        .returning({ id: monthlyReports.id });
      reportId = created!.id;
    }
    await recordAudit(tx, ctx, {
      action: 'report.save',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      changes: fieldChanges(existing ?? null, fields),
      detail: { reportId, year, month },
    });
    return reportId;
  });
  return id;
}
