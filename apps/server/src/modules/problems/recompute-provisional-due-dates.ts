import {
  type HolidayCalendar,
  openProblemStatuses,
  problemDue,
  systemActor,
  workingDaysBetween,
} from '@tuijin/domain';
import { and, eq, gte, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { problems, projects } from '../../db/schema';
import { escalationJob, failureReason, recordJobFailure } from './escalation-failures';
import { applyProblemMove, problemProjectColumns, scopedOf } from './problem-context';

/** A provisional due date recomputed after its year's holiday arrangement was entered. */
export interface RecomputedDueDate {
  problemId: string;
  referenceNumber: string;
  from: string;
  to: string;
  isDueOnProvisional: boolean;
}

/**
 * 暂定期限重算: every open problem whose due date is provisional (counted through a year whose
 * holiday arrangement was not entered) is counted again from its level's start with its limit on
 * the calendar as it is now. After an admin changes `changedDate`, so is every open problem whose
 * count ran over that day (started before it, due on or after it) — an admin enters a new year
 * day by day, and the first entry already makes the year known. When the date or its provisional mark changes, the problem is updated
 * as the system, with a `recomputeDue` timeline event and audit event; the status does not change.
 * Each problem in its own transaction; one that fails is recorded for the escalation job's failure
 * list and the others go on. Run by the escalation job and after an admin changes the calendar.
 */
export async function recomputeProvisionalDueDates(
  ctx: Pick<Ctx, 'db' | 'auditKey'>,
  calendar: HolidayCalendar,
  at: Date,
  changedDate?: string,
): Promise<RecomputedDueDate[]> {
  const jobCtx = { actor: systemActor, clock: { now: () => at }, ip: null, auditKey: ctx.auditKey };
  const rows = await ctx.db
    .select({ problem: problems, project: problemProjectColumns })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(
      and(
        inArray(problems.status, [...openProblemStatuses]),
        changedDate
          ? or(
              eq(problems.isDueOnProvisional, true),
              and(
                isNotNull(problems.limitWorkingDays),
                lt(problems.levelStartedOn, changedDate),
                gte(problems.dueOn, changedDate),
              ),
            )
          : eq(problems.isDueOnProvisional, true),
      ),
    )
    .orderBy(problems.raisedAt);
  const recomputed: RecomputedDueDate[] = [];
  for (const { problem, project } of rows) {
    try {
      const limit =
        problem.limitWorkingDays ??
        Math.max(1, workingDaysBetween(problem.levelStartedOn, problem.dueOn, calendar));
      const due = problemDue(problem.levelStartedOn, limit, calendar);
      if (due.dueOn === problem.dueOn && due.isDueOnProvisional === problem.isDueOnProvisional) continue;
      await ctx.db.transaction((tx) =>
        applyProblemMove(
          tx,
          jobCtx,
          { problem, project, scoped: scopedOf(problem, project) },
          problem.version,
          {
            action: 'recomputeDue',
            set: { dueOn: due.dueOn, isDueOnProvisional: due.isDueOnProvisional, limitWorkingDays: limit },
            note: `节假日安排已变更，期限由 ${problem.dueOn}${problem.isDueOnProvisional ? '（暂定）' : ''}重算为 ${due.dueOn}${due.isDueOnProvisional ? '（仍为暂定）' : ''}`,
          },
        ),
      );
      recomputed.push({
        problemId: problem.id,
        referenceNumber: problem.referenceNumber,
        from: problem.dueOn,
        to: due.dueOn,
        isDueOnProvisional: due.isDueOnProvisional,
      });
    } catch (error) {
      await recordJobFailure(
        ctx.db,
        escalationJob,
        {
          itemKey: problem.id,
          regionPath: problem.regionPath,
          label: problem.referenceNumber,
          reason: `重算暂定期限失败：${failureReason(error)}`,
        },
        at,
      );
    }
  }
  return recomputed;
}
