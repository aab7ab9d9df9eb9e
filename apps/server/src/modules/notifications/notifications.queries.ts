import type { Notification, NotificationList } from '@tuijin/contracts';
import { type Actor, AppError } from '@tuijin/domain';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { notifications } from '../../db/schema';

type NotificationRow = typeof notifications.$inferSelect;

/** Row → wire shape, an explicit field list (the dedupe key and the user id stay inside). */
export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    params: (row.params ?? {}) as Notification['params'],
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

/** The signed-in person's own notifications, newest first, and how many are unread. */
export async function listMyNotifications(
  db: Queryable,
  actor: Actor,
  query: { unreadOnly: boolean; limit: number },
): Promise<NotificationList> {
  const mine = eq(notifications.userId, actor.userId);
  const rows = await db
    .select()
    .from(notifications)
    .where(query.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { data: rows.map(presentNotification), unreadCount: unread?.n ?? 0 };
}

/**
 * Marks one of the person's own notifications read. Someone else's id is NOT_FOUND, exactly like a
 * missing one. Reading is not a change to audit (it concerns no record but the reader's inbox).
 */
export async function markNotificationRead(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId)));
  if (!row) throw new AppError('NOT_FOUND', '通知不存在');
  if (row.readAt) return { updated: 0 };
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(
      and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)),
    )
    .returning({ id: notifications.id });
  return { updated: updated.length };
}

/** Marks all of the person's unread notifications read. */
export async function markAllNotificationsRead(ctx: Ctx) {
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: updated.length };
}
