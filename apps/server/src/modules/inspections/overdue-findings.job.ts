import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { raiseOverdueFindings } from './raise-finding-problem';

/**
 * 逾期督查问题转为问题: once a day (slot = the China date, so a second instance or a rerun the same day
 * queues nothing; the run itself skips findings already raised).
 */
export const overdueInspectionFindingsJob = defineJob({
  name: 'overdueInspectionFindings',
  title: '逾期督查问题转为问题',
  schedule: {
    everyMinutes: 60,
    slot: (now) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
  },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const raised = await raiseOverdueFindings(ctx);
    return `逾期督查问题转为问题 ${raised.length} 项`;
  },
});
