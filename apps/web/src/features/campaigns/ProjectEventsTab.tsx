import type { Project, ProjectCampaignEvent } from '@tuijin/contracts';
import { Button, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { useProjectCampaignEvents } from './campaigns.queries';
import { EventDrawer } from './EventDrawer';

/** The project page's 活动 tab: the start/completion events it took part in, its role and the really-started mark. */
export function ProjectEventsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const events = useProjectCampaignEvents(project.id);
  const [open, setOpen] = useState<string | null>(null);
  const columns: TableColumnsType<ProjectCampaignEvent> = [
    { title: t('campaigns.columns.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('campaigns.columns.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(row.eventId)}>
          {name}
        </Button>
      ),
    },
    {
      title: t('campaigns.columns.campaign'),
      dataIndex: 'campaignName',
      render: (v: string | null) => v ?? t('campaigns.event.noCampaign'),
    },
    {
      title: t('campaigns.columns.kind'),
      dataIndex: 'kind',
      render: (k: ProjectCampaignEvent['kind']) => t(`campaigns.kinds.${k}`),
    },
    {
      title: t('campaigns.columns.level'),
      dataIndex: 'level',
      render: (l: ProjectCampaignEvent['level']) => t(`campaigns.levels.${l}`),
    },
    {
      title: t('campaigns.columns.role'),
      dataIndex: 'role',
      render: (r: ProjectCampaignEvent['role']) => t(`campaigns.roles.${r}`),
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
    <>
      {events.isError && <QueryError error={events.error} onRetry={() => void events.refetch()} />}
      <Table
        rowKey="eventId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={events.isPending}
        columns={columns}
        dataSource={events.data?.data ?? []}
        locale={{ emptyText: t('campaigns.tab.empty') }}
        data-testid="project-events"
      />
      {open && <EventDrawer id={open} campaigns={[]} onClose={() => setOpen(null)} />}
    </>
  );
}
