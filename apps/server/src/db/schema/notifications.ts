import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './access';
import { createdAt, updatedAt } from './columns';

/** 站内通知: in-app notifications; `kind` + `params` are rendered by the web app's dictionaries. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    link: text('link'),
    /** One notification per key and person (a reminder is not repeated). */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** 通知渠道: an outgoing webhook (DingTalk, WeCom or an SMS gateway) notifications are copied to. */
export const notificationChannels = pgTable('notification_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['dingtalk', 'wecom', 'sms'] }).notNull(),
  url: text('url').notNull(),
  /** DingTalk signing secret or SMS gateway token; never sent back to the browser. */
  secret: text('secret'),
  enabled: boolean('enabled').notNull().default(true),
  version: integer('version').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** 渠道投递: one attempt to deliver one notification through one channel. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => notificationChannels.id),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notification_deliveries_status_idx').on(t.status)],
);
