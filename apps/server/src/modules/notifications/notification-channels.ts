import type {
  CreateNotificationChannel,
  NotificationChannel,
  UpdateNotificationChannel,
} from '@tuijin/contracts';
import { AppError, authorize } from '@tuijin/domain';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { notificationChannels } from '../../db/schema';
import { diffChanges, recordAudit, updateVersioned } from '../audit';
import { ChannelSendError, channelAdapter, defaultSendTimeoutMs } from './channel-adapters';

type ChannelRow = typeof notificationChannels.$inferSelect;

/** Row → wire shape. The secret never leaves the server: only whether one is set. */
export function presentChannel(row: ChannelRow): NotificationChannel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    hasSecret: Boolean(row.secret),
    enabled: row.enabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audited view of a channel: the secret appears only as set/not set. */
const auditable = (row: Pick<ChannelRow, 'name' | 'kind' | 'url' | 'secret' | 'enabled'>) => ({
  name: row.name,
  kind: row.kind,
  url: row.url,
  hasSecret: Boolean(row.secret),
  enabled: row.enabled,
});

const blankToNull = (value: string | null | undefined) => (value ? value : null);

/** Every configured channel, by name (system admin). */
export async function listNotificationChannels(ctx: Ctx) {
  authorize(ctx.actor, 'notificationChannel.manage');
  const rows = await ctx.db.select().from(notificationChannels).orderBy(asc(notificationChannels.name));
  return { data: rows.map(presentChannel) };
}

async function getChannelRow(db: Queryable, id: string): Promise<ChannelRow> {
  const [row] = await db.select().from(notificationChannels).where(eq(notificationChannels.id, id));
  if (!row) throw new AppError('NOT_FOUND', '通知渠道不存在');
  return row;
}

/** Adds a webhook channel (system admin); audited without the secret. */
export async function createNotificationChannel(ctx: Ctx, input: CreateNotificationChannel) {
  authorize(ctx.actor, 'notificationChannel.manage');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(notificationChannels)
      .values({
        name: input.name,
        kind: input.kind,
        url: input.url,
        secret: blankToNull(input.secret),
        enabled: input.enabled,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'notificationChannel.create',
      entityType: 'notificationChannel',
      entityId: row.id,
      changes: diffChanges(null, auditable(row)),
    });
    return presentChannel(row);
  });
}

/**
 * Changes a channel's name, URL, secret or enabled flag (disabling is `enabled: false`). An
 * omitted secret is kept, null or empty clears it. A stale version is a CONFLICT.
 */
export async function updateNotificationChannel(ctx: Ctx, id: string, input: UpdateNotificationChannel) {
  authorize(ctx.actor, 'notificationChannel.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await getChannelRow(tx, id);
    if (before.version !== input.version) throw new AppError('CONFLICT');
    const next = {
      name: input.name ?? before.name,
      url: input.url ?? before.url,
      secret: input.secret === undefined ? before.secret : blankToNull(input.secret),
      enabled: input.enabled ?? before.enabled,
    };
    const row = await updateVersioned(tx, ctx, {
      table: notificationChannels,
      where: eq(notificationChannels.id, id),
      version: input.version,
      set: { ...next, updatedAt: ctx.clock.now() },
      audit: (saved) => {
        const changes = diffChanges(auditable(before), auditable(saved));
        if (input.secret !== undefined && before.secret !== saved.secret && !changes.hasSecret) {
          // A replaced secret is a change too, recorded without either value.
          changes.secret = { before: '***', after: '***' };
        }
        return {
          action:
            before.enabled && !saved.enabled ? 'notificationChannel.disable' : 'notificationChannel.update',
          entityType: 'notificationChannel',
          entityId: id,
          changes,
        };
      },
    });
    return presentChannel(row);
  });
}

/**
 * Sends one test message through a channel now (system admin) and answers whether it arrived;
 * the attempt is audited with its outcome. A disabled channel can be tested too.
 */
export async function testNotificationChannel(
  ctx: Ctx,
  id: string,
  input: { text?: string | undefined; phone?: string | undefined },
  options: { timeoutMs?: number } = {},
) {
  authorize(ctx.actor, 'notificationChannel.manage');
  const row = await getChannelRow(ctx.db, id);
  let error: string | null = null;
  try {
    await channelAdapter(row, {
      timeoutMs: options.timeoutMs ?? defaultSendTimeoutMs,
      now: () => ctx.clock.now(),
    }).send({
      title: '推进 测试消息',
      text: input.text || '这是一条来自推进平台的测试消息，收到即表示通知渠道配置正确。',
      phone: input.phone ?? null,
    });
  } catch (caught) {
    error = caught instanceof ChannelSendError ? caught.message : '发送失败';
  }
  await ctx.db.transaction(async (tx) =>
    recordAudit(tx, ctx, {
      action: 'notificationChannel.test',
      entityType: 'notificationChannel',
      entityId: id,
      detail: { ok: error === null, error },
    }),
  );
  return { ok: error === null, error };
}
