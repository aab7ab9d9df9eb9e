import { type HolidayCalendar, openTaskStatuses, systemActor, taskDue } from '@tuijin/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { dispatchTasks } from '../../db/schema';
import { failureReason } from '../../jobs/failure-reason';
import { recordAudit } from '../audit';
import { recordJobFailure } from '../problems';

/** The job a failed recomputation is listed under (the reminder job runs the same recomputation). */
const taskJob = 'dispatchTasks';

/** A task due date recomputed after the holiday calendar changed. */
export interface RecomputedTaskDueDate {
  taskId: string;
  referenceNumber: string;
  from: string;
  to: string;
  isDueOnProvisional: boolean;
}

/**
 * 交办事项暂定期限重算: every open task's due date counted again — `limitWorkingDays` working days
 * from the day it was assigned — on the calendar as it is now, like problems' due dates
 * (`recomputeProvisionalDueDates`). A task whose date or 暂定 mark changes is updated as the system
 * and audited (`dispatchTask.recomputeDue`); its status does not change. Open tasks are few (those
 * a meeting decided and nobody has verified), so all are counted, which also marks a task decided
 * before the provisional mark existed. Each task on its own: one that fails is listed under the
 * reminder job's failures and the others go on. Run after an admin changes the calendar and by
 * the hourly reminder job.
 */
export async function recomputeProvisionalTaskDueDates(
  ctx: Pick<Ctx, 'db' | 'auditKey'>,
  calendar: HolidayCalendar,
  at: Date,
): Promise<RecomputedTaskDueDate[]> {
  const jobCtx = {
    db: ctx.db,
    actor: systemActor,
    clock: { now: () => at },
    ip: null,
    auditKey: ctx.auditKey,
  };
  const open = await ctx.db
    .select()
    .from(dispatchTasks)
    .where(inArray(dispatchTasks.status, [...openTaskStatuses]))
    .orderBy(dispatchTasks.referenceNumber);
  const recomputed: RecomputedTaskDueDate[] = [];
  for (const task of open) {
    try {
      const due = taskDue(task.assignedOn, task.limitWorkingDays, calendar);
      if (due.dueOn === task.dueOn && due.isDueOnProvisional === task.isDueOnProvisional) continue;
      await ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(dispatchTasks)
          .set({
            dueOn: due.dueOn,
            isDueOnProvisional: due.isDueOnProvisional,
            version: task.version + 1,
            updatedAt: at,
          })
          .where(and(eq(dispatchTasks.id, task.id), eq(dispatchTasks.version, task.version)))
          .returning({ id: dispatchTasks.id });
        // Moved meanwhile by its unit: the next run counts it again.
        if (!updated) return;
        await recordAudit(tx, jobCtx, {
          action: 'dispatchTask.recomputeDue',
          entityType: 'dispatch_task',
          entityId: task.id,
          regionPath: task.regionPath,
          changes: {
            dueOn: { before: task.dueOn, after: due.dueOn },
            isDueOnProvisional: { before: task.isDueOnProvisional, after: due.isDueOnProvisional },
          },
          detail: { referenceNumber: task.referenceNumber },
        });
        recomputed.push({
          taskId: task.id,
          referenceNumber: task.referenceNumber,
          from: task.dueOn,
          to: due.dueOn,
          isDueOnProvisional: due.isDueOnProvisional,
        });
      });
    } catch (error) {
      await recordJobFailure(
        ctx.db,
        taskJob,
        {
          itemKey: task.id,
          regionPath: task.regionPath,
          label: task.referenceNumber,
          reason: `重算交办事项暂定期限失败：${failureReason(error)}`,
        },
        at,
      );
    }
  }
  return recomputed;
}
