import { z } from 'zod';
import type { Queryable } from '../../db/database';
import { defineJob } from '../../jobs/define-job';
import { enqueueJob } from '../../jobs/outbox';
import { deliverNotifications, maxDeliveryAttempts } from './deliver-notifications';

/**
 * 渠道投递: copies new notifications to the enabled DingTalk/WeCom/SMS channels. Queued (in the same
 * transaction) wherever notifications are created, so it runs seconds after the commit. Deliveries
 * left to retry make the run fail, so the outbox retries it with backoff.
 */
export const deliverNotificationsJob = defineJob({
  name: 'deliverNotifications',
  title: '通知渠道投递',
  payload: z.object({}).strict(),
  maxAttempts: maxDeliveryAttempts,
  run: async (ctx) => {
    const outcome = await deliverNotifications(ctx.db, { now: () => ctx.clock.now() });
    if (outcome.retrying > 0) throw new Error(`${outcome.retrying} 条投递失败，稍后重试`);
    return `投递成功 ${outcome.sent} 条，失败 ${outcome.failed} 条`;
  },
});

/** Queues a delivery run for notifications just created in `tx`, keyed by the first new one. */
export async function enqueueDelivery(tx: Queryable, firstNotificationId: string | undefined, now: Date) {
  if (!firstNotificationId) return;
  await enqueueJob(tx, deliverNotificationsJob, {}, `deliverNotifications:${firstNotificationId}`, { now });
}
