import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { remindApprovalPromises } from './approval-promises';

/** 容缺承诺提醒: before, on and after each missing material's promised date (see `remindApprovalPromises`). */
export const approvalPromisesJob = defineJob({
  name: 'approvalPromises',
  title: '容缺材料承诺期限提醒',
  schedule: { everyMinutes: 60 },
  payload: z.object({}).strict(),
  run: async (ctx) => `发出容缺材料提醒 ${await remindApprovalPromises(ctx)} 条`,
});
