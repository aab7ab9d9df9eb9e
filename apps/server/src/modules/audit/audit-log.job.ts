import { chinaDate } from '@tuijin/domain';
import { z } from 'zod';
import { defineJob } from '../../jobs/define-job';
import { checkpointHeads } from './audit-checkpoints';
import { purgeAuditLog } from './audit-retention';

/**
 * 审计日志检查点与保留期清除: daily (keyed by the China date), pins every chain's head in a signed
 * checkpoint, then purges what retention, archive exports and checkpoints allow (see `purgeAuditLog`).
 */
export const auditLogDailyJob = defineJob({
  name: 'auditLogDaily',
  title: '审计日志检查点与保留期清除',
  schedule: { everyMinutes: 60, slot: (now) => chinaDate(now) },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    const checkpoint = await checkpointHeads(ctx.db, ctx.auditKey, ctx.clock);
    const purge = await purgeAuditLog(ctx);
    return `审计检查点 #${checkpoint.id}；${purge.note}`;
  },
});
