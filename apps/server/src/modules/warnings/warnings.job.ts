import { monthKey } from '@tuijin/domain';
import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { defaultWarningMonth, recomputeWarnings } from './recompute-warnings';

/**
 * 红黄绿灯预警计算: last month's three-colour warnings (`recomputeWarnings`, idempotent per rule
 * version, project and month). Checked every interval, keyed by the month (`warnings:2026-11`), so
 * it runs once a month — the first slot of the month — however many instances are up.
 */
export const warningsJob = defineJob({
  name: 'warnings',
  title: '红黄绿灯预警计算',
  schedule: { everyMinutes: 60, slot: (now) => monthKey(defaultWarningMonth(now)) },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const outcome = await recomputeWarnings(ctx, { period: defaultWarningMonth(ctx.clock.now()) });
    return `${outcome.month} 计算 ${outcome.computed} 个项目（红 ${outcome.counts.red}，黄 ${outcome.counts.yellow}），写入 ${outcome.changed} 条`;
  },
});
