import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { notificationChannels, notificationDeliveries, notifications, users } from '../../db/schema';
import { ChannelSendError, channelAdapter, defaultSendTimeoutMs } from './channel-adapters';
import { notificationText } from './notification-text';

/** A delivery is tried once and retried up to three times (four attempts), one per job run. */
export const maxDeliveryAttempts = 4;
/** Deliveries handled per run; the rest wait for the next run. */
const batchSize = 500;
/** Sends in flight at once, so one slow gateway cannot hold the whole batch for long. */
const parallelSends = 4;
/** Serialises the enqueue step between two instances or a CLI run beside the server. */
const enqueueLockKey = 7_243_105;

export interface DeliveryOutcome {
  sent: number;
  failed: number;
  /** Failed attempts that will be retried by a later run. */
  retrying: number;
}

/**
 * Copies notifications to the enabled webhook channels and records each attempt in
 * `notification_deliveries` (pending → sent | failed, attempts, last error). Each channel receives
 * the notifications created since it was configured. Runs outside any request transaction — from
 * the reminder job — and each send times out after a few seconds.
 */
export async function deliverNotifications(
  db: Database,
  options: { now: () => Date; timeoutMs?: number },
): Promise<DeliveryOutcome> {
  const now = options.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${enqueueLockKey})`);
    await tx.execute(sql`
      insert into ${notificationDeliveries} (notification_id, channel_id, status, attempts, at)
      select n.id, c.id, 'pending', 0, ${now.toISOString()}::timestamptz
      from ${notifications} n
      join ${notificationChannels} c on c.enabled and n.created_at >= c.created_at
      where not exists (
        select 1 from ${notificationDeliveries} d where d.notification_id = n.id and d.channel_id = c.id
      )`);
  });

  const due = await db
    .select({
      id: notificationDeliveries.id,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      kind: notifications.kind,
      params: notifications.params,
      displayName: users.displayName,
      phone: users.phone,
      channelKind: notificationChannels.kind,
      url: notificationChannels.url,
      secret: notificationChannels.secret,
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationDeliveries.channelId))
    .where(
      and(
        eq(notificationChannels.enabled, true),
        or(
          eq(notificationDeliveries.status, 'pending'),
          and(
            eq(notificationDeliveries.status, 'failed'),
            lt(notificationDeliveries.attempts, maxDeliveryAttempts),
          ),
        ),
      ),
    )
    .orderBy(asc(notificationDeliveries.id))
    .limit(batchSize);

  const outcome: DeliveryOutcome = { sent: 0, failed: 0, retrying: 0 };
  const send = async (row: (typeof due)[number]) => {
    // Claim the attempt first, so two runners never send the same delivery twice at once.
    const attempt = row.attempts + 1;
    const claimed = await db
      .update(notificationDeliveries)
      .set({ attempts: attempt, at: options.now() })
      .where(
        and(
          eq(notificationDeliveries.id, row.id),
          eq(notificationDeliveries.attempts, row.attempts),
          eq(notificationDeliveries.status, row.status),
        ),
      )
      .returning({ id: notificationDeliveries.id });
    if (claimed.length === 0) return;
    const { title, text } = notificationText(row.kind, (row.params ?? {}) as Record<string, unknown>);
    let error: string | null = null;
    let isPermanent = false;
    try {
      await channelAdapter(
        { kind: row.channelKind, url: row.url, secret: row.secret },
        { timeoutMs: options.timeoutMs ?? defaultSendTimeoutMs, now: options.now },
      ).send({
        title,
        text: row.channelKind === 'sms' ? text : `${row.displayName}：${text}`,
        phone: row.phone,
      });
    } catch (caught) {
      error = caught instanceof ChannelSendError ? caught.message : '发送失败';
      isPermanent = caught instanceof ChannelSendError && caught.isPermanent;
    }
    await db
      .update(notificationDeliveries)
      .set({
        status: error ? 'failed' : 'sent',
        lastError: error,
        at: options.now(),
        // A failure no retry can mend uses up the attempts at once.
        ...(isPermanent ? { attempts: maxDeliveryAttempts } : {}),
      })
      .where(eq(notificationDeliveries.id, row.id));
    if (!error) outcome.sent += 1;
    else if (attempt < maxDeliveryAttempts && !isPermanent) outcome.retrying += 1;
    else outcome.failed += 1;
  };

  for (let i = 0; i < due.length; i += parallelSends) {
    await Promise.all(due.slice(i, i + parallelSends).map(send));
  }
  return outcome;
}
