import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { loadHolidayCalendar } from '../calendar';
import { recomputeProvisionalTaskDueDates } from './recompute-provisional-task-due-dates';
import { remindDispatchTasks } from './task-reminders';

/**
 * 交办事项提醒: at 50 %, 75 %, on the due day and overdue (see `remindDispatchTasks`), after the
 * provisional due dates are counted again on the calendar as it is now (a year entered meanwhile).
 */
export const dispatchTasksJob = defineJob({
  name: 'dispatchTasks',
  title: '交办事项期限提醒',
  schedule: { everyMinutes: 60 },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const recomputed = await recomputeProvisionalTaskDueDates(
      ctx,
      await loadHolidayCalendar(ctx.db),
      ctx.clock.now(),
    );
    const reminded = await remindDispatchTasks(ctx);
    return `重算暂定期限 ${recomputed.length} 项，发出交办事项提醒 ${reminded} 条`;
  },
});
