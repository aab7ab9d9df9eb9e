import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateNotificationChannel,
  UpdateNotificationChannel,
  UpdateReminderSettings,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export const notificationKeys = {
  mine: ['notifications', 'mine'] as const,
  channels: ['notification-channels'] as const,
  reminderSettings: ['reminder-settings'] as const,
};

/** The signed-in person's latest notifications and unread count, refreshed every minute. */
export function useMyNotifications() {
  return useQuery({
    queryKey: notificationKeys.mine,
    queryFn: () => api.call('listMyNotifications', { query: { limit: 20, unreadOnly: false } }),
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call('markNotificationRead', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.mine }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('markAllNotificationsRead'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.mine }),
  });
}

export function useNotificationChannels() {
  return useQuery({
    queryKey: notificationKeys.channels,
    queryFn: async () => (await api.call('listNotificationChannels')).data,
  });
}

export function useCreateNotificationChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNotificationChannel) =>
      api.call('createNotificationChannel', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.channels }),
  });
}

export function useUpdateNotificationChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateNotificationChannel & { id: string }) =>
      api.call('updateNotificationChannel', { params: { id }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.channels }),
  });
}

export function useTestNotificationChannel() {
  return useMutation({
    mutationFn: ({ id, text, phone }: { id: string; text?: string; phone?: string }) =>
      api.call('testNotificationChannel', {
        params: { id },
        body: { ...(text ? { text } : {}), ...(phone ? { phone } : {}) },
      }),
  });
}

export function useReminderSettings() {
  return useQuery({
    queryKey: notificationKeys.reminderSettings,
    queryFn: () => api.call('getReminderSettings'),
  });
}

export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateReminderSettings) =>
      api.call('updateReminderSettings', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.reminderSettings, saved),
  });
}
