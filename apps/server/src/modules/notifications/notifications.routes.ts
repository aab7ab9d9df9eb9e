import { endpoints } from '@tuijin/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDeps } from '../../http/route';
import {
  createNotificationChannel,
  listNotificationChannels,
  testNotificationChannel,
  updateNotificationChannel,
} from './notification-channels';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.queries';
import { getReminderSettings, updateReminderSettings } from './reminder-settings';

export function registerNotificationRoutes(app: FastifyInstance, deps: RouteDeps) {
  defineRoute(app, deps, endpoints.listMyNotifications, 'authenticated', async ({ ctx, query }) =>
    listMyNotifications(ctx.db, ctx.actor, query),
  );
  defineRoute(app, deps, endpoints.markAllNotificationsRead, 'authenticated', async ({ ctx }) =>
    markAllNotificationsRead(ctx),
  );
  defineRoute(app, deps, endpoints.markNotificationRead, 'authenticated', async ({ ctx, params }) =>
    markNotificationRead(ctx, params.id),
  );
  defineRoute(app, deps, endpoints.listNotificationChannels, 'notificationChannel.manage', async ({ ctx }) =>
    listNotificationChannels(ctx),
  );
  defineRoute(
    app,
    deps,
    endpoints.createNotificationChannel,
    'notificationChannel.manage',
    async ({ ctx, body }) => createNotificationChannel(ctx, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.updateNotificationChannel,
    'notificationChannel.manage',
    async ({ ctx, params, body }) => updateNotificationChannel(ctx, params.id, body),
  );
  defineRoute(
    app,
    deps,
    endpoints.testNotificationChannel,
    'notificationChannel.manage',
    async ({ ctx, params, body }) => testNotificationChannel(ctx, params.id, body),
  );
  defineRoute(app, deps, endpoints.getReminderSettings, 'notificationChannel.manage', async ({ ctx }) =>
    getReminderSettings(ctx.db),
  );
  defineRoute(
    app,
    deps,
    endpoints.updateReminderSettings,
    'notificationChannel.manage',
    async ({ ctx, body }) => updateReminderSettings(ctx, body),
  );
}
