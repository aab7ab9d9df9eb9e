import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { NotificationChannel } from '@tuijin/contracts';
import { App, Button, Card, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { ChannelFormDrawer } from './ChannelFormDrawer';
import { useNotificationChannels, useUpdateNotificationChannel } from './notifications.queries';
import { ReminderSettingsCard } from './ReminderSettingsCard';
import { TestChannelModal } from './TestChannelModal';

type Dialog =
  | { kind: 'form'; channel: NotificationChannel | null }
  | { kind: 'test'; channel: NotificationChannel }
  | null;

/** 通知渠道 (system admin): the webhook channels notifications are copied to, and the reminder setting. */
export default function NotificationChannelsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const channels = useNotificationChannels();
  const update = useUpdateNotificationChannel();
  const reportError = useApiErrorHandler();
  const [dialog, setDialog] = useState<Dialog>(null);

  const toggle = (channel: NotificationChannel) =>
    update.mutate(
      { id: channel.id, version: channel.version, enabled: !channel.enabled },
      {
        onSuccess: (saved) =>
          void message.success(
            t(saved.enabled ? 'channels.enabledNow' : 'channels.disabled', { name: saved.name }),
          ),
        onError: (error) => reportError(error),
      },
    );

  const columns: TableColumnsType<NotificationChannel> = [
    { title: t('channels.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('channels.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 150,
      render: (kind: NotificationChannel['kind']) => t(`channels.kinds.${kind}`),
    },
    {
      title: t('channels.url'),
      dataIndex: 'url',
      key: 'url',
      render: (url: string) => (
        <Typography.Text ellipsis={{ tooltip: url }} style={{ maxWidth: 320 }}>
          {url}
        </Typography.Text>
      ),
    },
    {
      title: t('channels.hasSecret'),
      dataIndex: 'hasSecret',
      key: 'hasSecret',
      width: 90,
      render: (hasSecret: boolean) => (hasSecret ? t('channels.secretSet') : t('channels.secretNotSet')),
    },
    {
      title: t('channels.enabled'),
      dataIndex: 'enabled',
      key: 'enabled',
      width: 90,
      render: (enabled: boolean) =>
        enabled ? <Tag color="green">{t('channels.isEnabled')}</Tag> : <Tag>{t('channels.isDisabled')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, channel) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'form', channel })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => toggle(channel)}>
            {channel.enabled ? t('channels.disable') : t('channels.enable')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'test', channel })}>
            {t('channels.test')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('channels.title')}
        extra={
          <Space>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('common.refresh')}
              onClick={() => void channels.refetch()}
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'form', channel: null })}
            >
              {t('channels.create')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('channels.intro')}</Typography.Paragraph>
        {channels.isError && <QueryError error={channels.error} onRetry={() => void channels.refetch()} />}
        <Table<NotificationChannel>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={channels.data ?? []}
          loading={channels.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('channels.empty') }}
        />
      </Card>
      <ReminderSettingsCard />
      {dialog?.kind === 'form' && (
        <ChannelFormDrawer channel={dialog.channel} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'test' && (
        <TestChannelModal channel={dialog.channel} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}
