import { z } from 'zod';
import { Id, requiredText, Timestamp, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';

/**
 * Kinds of in-app notification; the web app renders each from its dictionary with `params`.
 * - `report.dueSoon`: the signed-in owner's report for a month is due within N days.
 * - `report.late`: its deadline has passed and it is not submitted.
 * - `report.awaitingReview`: submitted reports are waiting for this reviewer (one summary a day).
 * - `problem.assigned`: a problem was routed to the person's organisation (秒推).
 * - `problem.answered`: the handler answered the person's problem; confirm or send it back.
 * - `problem.sentBack`: the raiser was not satisfied; the problem is back with the handler.
 * - `problem.deadline`: half, three quarters or all of a level's limit has passed.
 * - `problem.escalated`: a problem moved up to a level the person handles.
 */
export const notificationKinds = [
  'report.dueSoon',
  'report.late',
  'report.awaitingReview',
  'problem.assigned',
  'problem.answered',
  'problem.sentBack',
  'problem.deadline',
  'problem.escalated',
  'calendar.nextYearMissing',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationParams = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .describe('渲染文本用的参数，如 projectName、year、month、dueOn、days、count');

export const Notification = z.object({
  id: Id,
  kind: z.string().describe('通知类型，见 notificationKinds'),
  params: NotificationParams,
  link: z.string().nullable().describe('点击后打开的页面地址'),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z.object({
  unreadOnly: z
    .union([z.boolean(), z.enum(['true', 'false'])], { message: '应为 true 或 false' })
    .transform((value) => value === true || value === 'true')
    .default(false)
    .describe('只看未读'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('最多返回条数'),
});

export const NotificationList = z.object({
  data: z.array(Notification),
  unreadCount: z.number().int().describe('本人未读通知数'),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkedRead = z.object({ updated: z.number().int() });

export const channelKinds = ['dingtalk', 'wecom', 'sms'] as const;
export const ChannelKind = z.enum(channelKinds);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** http(s) only: a webhook on another scheme (file:, ftp:, javascript:) is refused. */
const WebhookUrl = requiredText(500).refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { message: '地址须以 http:// 或 https:// 开头' },
);

export const NotificationChannel = z.object({
  id: Id,
  name: z.string(),
  kind: ChannelKind,
  url: z.string(),
  /** Whether a secret/token is stored; the secret itself is never sent back. */
  hasSecret: z.boolean().describe('是否已设置签名密钥/令牌（密钥本身从不返回）'),
  enabled: z.boolean(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const NotificationChannelList = z.object({ data: z.array(NotificationChannel) });

export const CreateNotificationChannel = z
  .object({
    name: requiredText(60).describe('渠道名称，如 重点办钉钉群'),
    kind: ChannelKind.describe('dingtalk 钉钉自定义机器人；wecom 企业微信群机器人；sms 短信网关'),
    url: WebhookUrl.describe('Webhook 地址（http/https）'),
    secret: text(200).nullable().default(null).describe('钉钉加签密钥或短信网关令牌；只写，不会返回'),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateNotificationChannel = z.infer<typeof CreateNotificationChannel>;

export const UpdateNotificationChannel = z
  .object({
    version: Version,
    name: requiredText(60).optional(),
    url: WebhookUrl.optional(),
    secret: text(200).nullable().optional().describe('省略则保持不变；null 或空串清除；其他值替换'),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateNotificationChannel = z.infer<typeof UpdateNotificationChannel>;

export const TestNotificationChannel = z
  .object({
    text: text(500).optional().describe('测试消息内容；省略用默认文字'),
    phone: text(20).optional().describe('短信渠道的测试手机号'),
  })
  .strict();

export const ChannelTestResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable().describe('失败原因（HTTP 状态或网络错误）'),
});

export const ReminderSettings = z.object({
  dueSoonDays: z.number().int().min(0).max(31).describe('截止前几天提醒业主（0 = 只提醒逾期）'),
  version: Version,
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const UpdateReminderSettings = z
  .object({
    dueSoonDays: z.number().int().min(0, { message: '不能小于 0' }).max(31, { message: '不能超过 31' }),
    version: Version,
  })
  .strict();
export type UpdateReminderSettings = z.infer<typeof UpdateReminderSettings>;

/** The notifications module's endpoints (the server registers them, the client calls them). */
export const notificationsEndpoints = {
  listMyNotifications: endpoint({
    method: 'GET',
    path: '/api/notifications',
    summary: '本人的站内通知（最新在前）及未读数',
    tag: 'notifications',
    query: NotificationQuery,
    response: NotificationList,
  }),
  markNotificationRead: endpoint({
    method: 'POST',
    path: '/api/notifications/:id/read',
    summary: '将本人的一条通知标为已读',
    tag: 'notifications',
    params: IdParams,
    response: MarkedRead,
  }),
  markAllNotificationsRead: endpoint({
    method: 'POST',
    path: '/api/notifications/read-all',
    summary: '将本人的全部通知标为已读',
    tag: 'notifications',
    response: MarkedRead,
  }),
  listNotificationChannels: endpoint({
    method: 'GET',
    path: '/api/notification-channels',
    summary: '通知渠道（钉钉、企业微信、短信网关 Webhook），密钥不返回',
    tag: 'notifications',
    response: NotificationChannelList,
  }),
  createNotificationChannel: endpoint({
    method: 'POST',
    path: '/api/notification-channels',
    summary: '新增通知渠道',
    tag: 'notifications',
    body: CreateNotificationChannel,
    response: NotificationChannel,
  }),
  updateNotificationChannel: endpoint({
    method: 'PATCH',
    path: '/api/notification-channels/:id',
    summary: '修改通知渠道（含停用/启用）',
    tag: 'notifications',
    params: IdParams,
    body: UpdateNotificationChannel,
    response: NotificationChannel,
  }),
  testNotificationChannel: endpoint({
    method: 'POST',
    path: '/api/notification-channels/:id/test',
    summary: '通过该渠道发送一条测试消息',
    tag: 'notifications',
    params: IdParams,
    body: TestNotificationChannel,
    response: ChannelTestResult,
  }),
  getReminderSettings: endpoint({
    method: 'GET',
    path: '/api/reminder-settings',
    summary: '月报提醒设置（截止前几天提醒）',
    tag: 'notifications',
    response: ReminderSettings,
  }),
  updateReminderSettings: endpoint({
    method: 'PUT',
    path: '/api/reminder-settings',
    summary: '修改月报提醒设置',
    tag: 'notifications',
    body: UpdateReminderSettings,
    response: ReminderSettings,
  }),
} as const;
