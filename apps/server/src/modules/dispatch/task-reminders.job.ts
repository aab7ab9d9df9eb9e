import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { remindDispatchTasks } from './task-reminders';

/** 交办事项提醒: at 50 %, 75 %, on the due day and overdue (see `remindDispatchTasks`). */
export const dispatchTasksJob = defineJob({
  name: 'dispatchTasks',
  title: '交办事项期限提醒',
  schedule: { everyMinutes: 60 },
  payload: z.object({}).strict(),
  run: async (ctx) => `发出交办事项提醒 ${await remindDispatchTasks(ctx)} 条`,
});
