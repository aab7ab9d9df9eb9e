import { chinaDate } from '@tuijin/domain';
import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { runReminders } from './run-reminders';

/**
 * 报送提醒: the reminder run for the China day of the slot (`runReminders`, idempotent by each
 * notification's dedupe key). Delivery to the channels is queued with the notifications.
 */
export const remindersJob = defineJob({
  name: 'reminders',
  title: '报送提醒',
  schedule: { everyMinutes: 60 },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const outcome = await runReminders(ctx, chinaDate(ctx.clock.now()), { deliver: false });
    return `新增 ${outcome.created.length} 条通知`;
  },
});
