import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { runEscalations } from './run-escalations';

/**
 * 问题提级: the escalation job (`runEscalations`) for the slot's moment. Each notice is claimed per
 * problem, level and kind, and each problem that fails is recorded in `job_failures` and retried on
 * the next slot, so the run itself fails only when it cannot start.
 */
export const escalationsJob = defineJob({
  name: 'escalations',
  title: '问题提级',
  schedule: { everyMinutes: 60 },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const outcome = await runEscalations(ctx, ctx.clock.now());
    for (const failed of outcome.failures)
      ctx.log(`问题提级：${failed.referenceNumber} 处理失败，下次运行重试：${failed.reason}`);
    return `新增提醒 ${outcome.notices.length} 条，提级 ${outcome.escalated.length} 个问题，失败 ${outcome.failures.length} 个`;
  },
});
