import { chinaDate } from '@tuijin/domain';
import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { purgeHealthRecords } from './health-checks';

/** 过期健康记录清除: daily, keyed by the China date, so it runs once a day however often it is polled. */
export const healthPurgeJob = defineJob({
  name: 'healthRecordsPurge',
  title: '应急健康监测过期记录清除',
  schedule: { everyMinutes: 60, slot: (now) => chinaDate(now) },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const purged = await purgeHealthRecords(ctx, ctx.clock.now());
    return `清除健康监测 ${purged.watches} 项的检查记录 ${purged.checks} 条`;
  },
});
