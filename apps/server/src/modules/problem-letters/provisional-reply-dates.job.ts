import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { loadHolidayCalendar } from '../calendar';
import { recomputeProvisionalReplyDates } from './recompute-provisional-reply-dates';

/** 暂定回复期限重算: letters whose provisional reply date the calendar can now count exactly. */
export const provisionalReplyDatesJob = defineJob({
  name: 'provisionalReplyDates',
  title: '督办函件暂定回复期限重算',
  schedule: { everyMinutes: 60 },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const letters = await recomputeProvisionalReplyDates(
      ctx,
      await loadHolidayCalendar(ctx.db),
      ctx.clock.now(),
    );
    return `重算暂定回复期限 ${letters} 件`;
  },
});
