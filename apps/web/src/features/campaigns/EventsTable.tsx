import type { CampaignEventSummary } from '@tuijin/contracts';
import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountColumn, formatTableAmount } from '../../lib/amount';

/** A list of events: date, name (opens the drawer), kind, level, projects, investment, really started. */
export function EventsTable({
  events,
  onOpen,
}: {
  events: CampaignEventSummary[];
  onOpen: (event: CampaignEventSummary) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CampaignEventSummary> = [
    { title: t('campaigns.columns.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('campaigns.columns.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row)}>
          {name}
        </Button>
      ),
    },
    {
      title: t('campaigns.columns.kind'),
      dataIndex: 'kind',
      render: (k: CampaignEventSummary['kind']) => t(`campaigns.kinds.${k}`),
    },
    {
      title: t('campaigns.columns.level'),
      dataIndex: 'level',
      render: (l: CampaignEventSummary['level']) => t(`campaigns.levels.${l}`),
    },
    {
      title: t('campaigns.columns.projects'),
      key: 'projects',
      align: 'right',
      render: (_: unknown, row) => row.figures.projects,
    },
    {
      title: t('campaigns.columns.investment'),
      key: 'investment',
      ...amountColumn,
      render: (_: unknown, row) => formatTableAmount(row.figures.investmentWanYuan),
    },
    {
      title: t('campaigns.columns.reallyStarted'),
      key: 'reallyStarted',
      align: 'right',
      render: (_: unknown, row) => `${row.figures.reallyStarted} / ${row.figures.startProjects}`,
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={events}
      locale={{ emptyText: t('campaigns.noEvents') }}
    />
  );
}
