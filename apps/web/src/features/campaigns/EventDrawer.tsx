import { DownloadOutlined } from '@ant-design/icons';
import type { Campaign, EventParticipant } from '@tuijin/contracts';
import {
  Button,
  Descriptions,
  Drawer,
  Flex,
  Grid,
  Popconfirm,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { campaignEventExportUrl, useCampaignEvent, useDeleteCampaignEvent } from './campaigns.queries';
import { EventForm } from './EventForm';

/** 活动详情: the event's venues and level, its projects with their roles and really-started marks, the export. */
export function EventDrawer({
  id,
  campaigns,
  onClose,
}: {
  id: string;
  campaigns: Campaign[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const event = useCampaignEvent(id);
  const remove = useDeleteCampaignEvent();
  const reportError = useApiErrorHandler();
  const [editing, setEditing] = useState(false);
  const data = event.data;
  const columns: TableColumnsType<EventParticipant> = [
    {
      title: t('campaigns.columns.project'),
      dataIndex: 'projectName',
      render: (name: string, row) => <Link to={`/projects/${row.projectId}?tab=events`}>{name}</Link>,
    },
    { title: t('campaigns.columns.region'), dataIndex: 'regionName' },
    {
      title: t('campaigns.columns.role'),
      dataIndex: 'role',
      render: (r: EventParticipant['role']) => t(`campaigns.roles.${r}`),
    },
    {
      title: t('campaigns.columns.counted'),
      dataIndex: 'investmentWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    {
      title: t('campaigns.columns.reallyStarted'),
      key: 'mark',
      render: (_: unknown, row) =>
        row.role === 'completion' ? (
          t('campaigns.marks.none')
        ) : row.reallyStartedOn ? (
          <Tag color="green">{t('campaigns.marks.startedOn', { date: row.reallyStartedOn })}</Tag>
        ) : (
          <Tag color="red">{t('campaigns.marks.notStarted')}</Tag>
        ),
    },
  ];
  return (
    <Drawer
      open
      title={data?.name ?? ''}
      size={screens.sm === false ? '100%' : 820}
      onClose={onClose}
      extra={
        data && (
          <Flex gap={8}>
            <Button icon={<DownloadOutlined />} href={campaignEventExportUrl(data.id)} download>
              {t('campaigns.drawer.download')}
            </Button>
            {data.canManage && <Button onClick={() => setEditing(true)}>{t('campaigns.editEvent')}</Button>}
            {data.canManage && (
              <Popconfirm
                title={t('campaigns.deleteEventConfirm', { name: data.name })}
                onConfirm={() =>
                  remove.mutate(
                    { id: data.id, version: data.version },
                    { onSuccess: onClose, onError: (e) => reportError(e) },
                  )
                }
              >
                <Button danger>{t('campaigns.deleteEvent')}</Button>
              </Popconfirm>
            )}
          </Flex>
        )
      }
    >
      {event.isError && <QueryError error={event.error} onRetry={() => void event.refetch()} />}
      {event.isPending && <Spin />}
      {data && (
        <Flex vertical gap={12} data-testid="event-drawer">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('campaigns.event.heldOn')}>{data.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.event.kind')}>
              {t(`campaigns.kinds.${data.kind}`)} · {t(`campaigns.levels.${data.level}`)}
            </Descriptions.Item>
            {data.campaignName && (
              <Descriptions.Item label={t('campaigns.event.campaign')}>{data.campaignName}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('campaigns.event.mainVenue')}>{data.mainVenue}</Descriptions.Item>
            {data.subVenues.length > 0 && (
              <Descriptions.Item label={t('campaigns.event.subVenues')}>
                {data.subVenues.join('、')}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Text strong data-testid="event-summary">
            {t('campaigns.drawer.summary', {
              projects: data.figures.projects,
              start: data.figures.startProjects,
              completion: data.figures.completionProjects,
              amount: formatTableAmount(data.figures.investmentWanYuan),
              done: data.figures.reallyStarted,
            })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('campaigns.formulas.reallyStarted')}</Typography.Text>
          <Table
            rowKey="projectId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={data.participants}
          />
        </Flex>
      )}
      {editing && data && <EventForm event={data} campaigns={campaigns} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
