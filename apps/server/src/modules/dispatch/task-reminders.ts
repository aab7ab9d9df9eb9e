import { chinaDate, taskReminderStage } from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { dispatchTasks, organisations, users } from '../../db/schema';
import { loadHolidayCalendar } from '../calendar';
import { notify } from '../notifications';

/**
 * 交办事项提醒: for every open task, reminds the responsible unit's people at half its working days,
 * at three quarters, on the due day and once overdue; an overdue task also goes to the key-project
 * office of the meeting's region (it comes up again at the next meeting). Each notice once per task
 * and stage (the dedupe key), so the hourly job may run any number of times.
 */
export async function remindDispatchTasks(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const open = await ctx.db
    .select({
      id: dispatchTasks.id,
      referenceNumber: dispatchTasks.referenceNumber,
      title: dispatchTasks.title,
      organisationId: dispatchTasks.organisationId,
      regionCode: dispatchTasks.regionCode,
      assignedOn: dispatchTasks.assignedOn,
      dueOn: dispatchTasks.dueOn,
    })
    .from(dispatchTasks)
    .where(inArray(dispatchTasks.status, ['assigned', 'in_progress', 'sent_back']));
  if (open.length === 0) return 0;
  const calendar = await loadHolidayCalendar(ctx.db);
  const people = await ctx.db
    .select({ id: users.id, organisationId: users.organisationId, roles: users.roles })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        inArray(users.organisationId, [...new Set(open.map((t) => t.organisationId))]),
      ),
    );
  const offices = await ctx.db
    .select({ id: users.id, regionCode: organisations.regionCode })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.isActive, true),
        sql`'office_staff' = any(${users.roles})`,
        inArray(organisations.regionCode, [...new Set(open.map((t) => t.regionCode))]),
      ),
    );
  let created = 0;
  for (const task of open) {
    const stage = taskReminderStage(task.assignedOn, task.dueOn, today, calendar);
    if (!stage) continue;
    const recipients = people.filter((p) => p.organisationId === task.organisationId).map((p) => p.id);
    if (stage === 'overdue')
      recipients.push(...offices.filter((o) => o.regionCode === task.regionCode).map((o) => o.id));
    created += await ctx.db.transaction((tx) =>
      notify(tx, now, [...new Set(recipients)], {
        kind: `task.${stage}`,
        params: { referenceNumber: task.referenceNumber, title: task.title, dueOn: task.dueOn },
        link: `/tasks?task=${task.id}`,
        dedupeKey: `task.${stage}:${task.id}`,
      }),
    );
  }
  return created;
}
