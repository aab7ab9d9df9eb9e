import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@tuijin/contracts';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useMyNotifications,
} from './notifications.queries';
import { useNotificationText } from './use-notification-text';

/**
 * The bell in the header: the unread count as a badge, and on click the latest notifications
 * (text from the dictionaries by kind and params). Opening one marks it read and goes to its page.
 */
export function NotificationBell({ className }: { className?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isOpen, setOpen] = useState(false);
  const mine = useMyNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const textOf = useNotificationText();
  const unread = mine.data?.unreadCount ?? 0;

  const open = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    setOpen(false);
    if (item.link) void navigate(item.link);
  };

  const content = (
    <div className="tj-notifications" data-testid="notification-list">
      <Flex justify="space-between" align="center" className="tj-notifications-head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {mine.isError ? (
        <Typography.Text type="danger">{t('notifications.loadFailed')}</Typography.Text>
      ) : (mine.data?.data.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List<Notification>
          size="small"
          dataSource={mine.data?.data ?? []}
          renderItem={(item) => {
            const { title, text } = textOf(item);
            return (
              <List.Item
                className={item.readAt ? 'tj-notification is-read' : 'tj-notification is-unread'}
                onClick={() => open(item)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') open(item);
                }}
                tabIndex={0}
                role="button"
              >
                <List.Item.Meta
                  title={
                    <Flex justify="space-between" gap={8}>
                      <span>
                        {!item.readAt && <Badge status="processing" aria-label={t('notifications.unread')} />}{' '}
                        {title}
                      </span>
                      <Typography.Text type="secondary" className="tj-notification-time">
                        {dayjs(item.createdAt).format('MM-DD HH:mm')}
                      </Typography.Text>
                    </Flex>
                  }
                  description={text}
                />
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={isOpen}
      onOpenChange={setOpen}
      arrow={false}
    >
      <Button
        type="text"
        className={className}
        aria-label={
          unread > 0 ? t('notifications.bellWithCount', { count: unread }) : t('notifications.bell')
        }
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" offset={[2, -2]} overflowCount={99}>
            <BellOutlined style={{ color: 'inherit', fontSize: 16 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
