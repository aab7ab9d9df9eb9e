import type { Queryable } from '../../db/database';
import { notifications } from '../../db/schema';
import { enqueueDelivery } from './deliver-notifications.job';

/**
 * Adds in-app notifications inside the caller's transaction and, in the same transaction, queues
 * their delivery to the webhook channels (`deliverNotificationsJob`, run seconds after commit). Each
 * carries a dedupe key, so the same notice is never added twice; answers how many were new.
 */
export async function notify(
  tx: Queryable,
  now: Date,
  userIds: readonly string[],
  notice: { kind: string; params: Record<string, string | number>; link: string; dedupeKey: string },
): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(userIds.map((userId) => ({ userId, ...notice, createdAt: now })))
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  await enqueueDelivery(tx, rows[0]?.id, now);
  return rows.length;
}
