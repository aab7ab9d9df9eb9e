import {
  AppError,
  chinaDate,
  type FindingStatus,
  findingSeverityNames,
  findingStatusNames,
  type InspectionCategory,
  inspectionProblemCategory,
  isFindingOverdue,
  mayRaiseFindingProblem,
  systemActor,
} from '@tuijin/domain';
import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Database } from '../../db/database';
import { inspectionFindings, organisations, problems, projects } from '../../db/schema';
import type { JobContext } from '../../jobs/define-job';
import { updateVersioned } from '../audit';
import { raiseProblem } from '../problems';
import { getInspectionFinding } from './finding-photos';
import { conflictMessage, loadFinding, mayRaiseByHand } from './inspections.queries';

type FindingRow = typeof inspectionFindings.$inferSelect;

/** The problem's text drawn from the finding. */
function problemText(finding: FindingRow, unitName: string, today: string) {
  const overdue = isFindingOverdue(
    { status: finding.status as FindingStatus, deadlineOn: finding.deadlineOn },
    today,
  );
  return {
    description: `${finding.foundOn} ${unitName}督查发现：${finding.itemText}——${finding.description}（${findingSeverityNames[finding.severity]}），整改期限 ${finding.deadlineOn}，${overdue ? '逾期未整改' : '尚未整改到位'}（${findingStatusNames[finding.status as FindingStatus]}）`,
    request: '请督促业主单位和施工单位立即整改到位，并报送整改情况',
  };
}

/**
 * Raises the finding (locked, re-checked: still awaiting rectification and not raised) as a problem
 * of its project through the problems' own `raiseProblem` (category by the item's category, routed
 * and numbered as any problem) and links it on the finding, in one transaction. Returns false when
 * the finding no longer qualifies (so a second run or click raises nothing), else the problem's
 * reference number.
 */
async function raiseLocked(ctx: Ctx, id: string, version: number | null, requireOverdue: boolean) {
  const today = chinaDate(ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(inspectionFindings)
      .where(eq(inspectionFindings.id, id))
      .for('update');
    if (!locked || (version !== null && locked.version !== version))
      throw new AppError('CONFLICT', conflictMessage);
    const status = locked.status as FindingStatus;
    const qualifies =
      mayRaiseFindingProblem({ status, problemId: locked.problemId }) &&
      (!requireOverdue || isFindingOverdue({ status, deadlineOn: locked.deadlineOn }, today));
    if (!qualifies) {
      if (version === null) return null;
      throw new AppError(
        'VALIDATION_FAILED',
        locked.problemId
          ? '该督查问题已转为问题，请在问题中继续跟进'
          : '只有待整改或复核不通过的督查问题可以转为问题',
        [{ path: 'status', message: locked.problemId ? '已转为问题' : '状态不允许' }],
      );
    }
    const [unit] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, locked.organisationId));
    const text = problemText(locked, unit?.name ?? '', today);
    const problemId = await raiseProblem(
      { ...ctx, db: tx as unknown as Database },
      {
        projectId: locked.projectId,
        category: inspectionProblemCategory[locked.category as InspectionCategory] ?? '其他',
        description: text.description,
        request: text.request,
        channel: 'app',
        callerName: null,
        callerPhone: null,
      },
    );
    await updateVersioned(tx, ctx, {
      table: inspectionFindings,
      where: eq(inspectionFindings.id, id),
      version: locked.version,
      set: { problemId, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'inspection.finding.raiseProblem',
        entityType: 'project',
        entityId: locked.projectId,
        regionPath: locked.regionPath,
        changes: { problemId: { before: null, after: problemId } },
        detail: { findingId: id, problemId, overdue: requireOverdue, deadlineOn: locked.deadlineOn },
      }),
      conflict: conflictMessage,
    });
    const [raised] = await tx
      .select({ referenceNumber: problems.referenceNumber })
      .from(problems)
      .where(eq(problems.id, problemId));
    return { findingId: id, itemText: locked.itemText, referenceNumber: raised!.referenceNumber };
  });
}

/**
 * 转为问题 by hand, before or after the deadline: the inspecting unit or the office over the project
 * raises a finding awaiting rectification as a problem (once). Audited `problem.raise` and
 * `inspection.finding.raiseProblem`.
 */
export async function raiseInspectionFindingProblem(ctx: Ctx, id: string, input: { version: number }) {
  const row = await loadFinding(ctx.db, ctx.actor, id);
  if (!mayRaiseByHand(ctx.actor, row.finding))
    throw new AppError('FORBIDDEN', '只有督查单位或项目所在地重点办可以将督查问题转为问题');
  await raiseLocked(ctx, id, input.version, false);
  return getInspectionFinding(ctx, id);
}

/**
 * 逾期督查问题转为问题 (the daily job): every finding past its deadline and still 待整改 or 复核不通过,
 * not yet raised, becomes a problem, raised by the system. Idempotent: a raised finding is skipped;
 * one that fails is logged and retried next run. Returns the problems raised (finding, item, number).
 */
export async function raiseOverdueFindings(ctx: Pick<JobContext, 'db' | 'clock' | 'auditKey' | 'log'>) {
  const today = chinaDate(ctx.clock.now());
  const due = await ctx.db
    .select({ id: inspectionFindings.id })
    .from(inspectionFindings)
    .innerJoin(projects, eq(projects.id, inspectionFindings.projectId))
    .where(
      and(
        inArray(inspectionFindings.status, ['open', 'returned']),
        isNull(inspectionFindings.problemId),
        lt(inspectionFindings.deadlineOn, today),
      ),
    )
    .orderBy(asc(inspectionFindings.deadlineOn), asc(inspectionFindings.id));
  const jobCtx: Ctx = { db: ctx.db, actor: systemActor, clock: ctx.clock, ip: null, auditKey: ctx.auditKey };
  const raised: { findingId: string; itemText: string; referenceNumber: string }[] = [];
  for (const { id } of due) {
    try {
      const one = await raiseLocked(jobCtx, id, null, true);
      if (one) raised.push(one);
    } catch (error) {
      ctx.log(`督查问题 ${id} 转为问题失败`, error);
    }
  }
  return raised;
}
