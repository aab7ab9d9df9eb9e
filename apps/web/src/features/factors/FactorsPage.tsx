import { DownloadOutlined } from '@ant-design/icons';
import type {
  FactorBoard,
  FactorBoardQuery,
  FactorDemand,
  FactorDemandStatus,
  FactorType,
} from '@tuijin/contracts';
import { factorDemandStatuses, factorTypes } from '@tuijin/domain';
import {
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useDrillParams } from '../../lib/drill-params';
import { metShare } from './factor-form';
import { factorLedgerUrl, useFactorBoard } from './factors.queries';
import { DemandMet, DemandNeededBy, DemandStatusCell, useDemandDetail } from './ProjectFactorsTab';
import { QuotaView } from './QuotaView';

type TypeRow = FactorBoard['byType'][number];
type RegionRow = FactorBoard['byRegion'][number];

/** 要素保障: the factor board of a jurisdiction, and the quota view "要素跟着项目走". */
export default function FactorsPage() {
  const { t } = useTranslation();
  const drill = useDrillParams();
  return (
    <Flex vertical gap={12} data-testid="factors-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('factors.title')}
      </Typography.Title>
      <Tabs
        defaultActiveKey={drill.params.get('tab') === 'quotas' ? 'quotas' : 'board'}
        items={[
          { key: 'board', label: t('factors.page.board'), children: <Board /> },
          { key: 'quotas', label: t('factors.page.quotas'), children: <QuotaView /> },
        ]}
      />
    </Flex>
  );
}

function Board() {
  const { t } = useTranslation();
  const { regionCode } = useDrillParams();
  const [query, setQuery] = useState<FactorBoardQuery>(regionCode ? { regionCode } : {});
  const board = useFactorBoard(query);
  const detail = useDemandDetail();
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  const data = board.data;
  const typeColumns: TableColumnsType<TypeRow> = [
    { title: t('factors.type'), dataIndex: 'type', render: (type: FactorType) => t(`factors.types.${type}`) },
    { title: t('factors.page.total'), dataIndex: 'total', align: 'right' },
    { title: t('factors.page.met'), dataIndex: 'met', align: 'right' },
    { title: t('factors.page.inProgress'), dataIndex: 'inProgress', align: 'right' },
    { title: t('factors.page.pending'), dataIndex: 'pending', align: 'right' },
    { title: t('factors.page.unmet'), dataIndex: 'unmet', align: 'right' },
    {
      title: t('factors.page.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: t('factors.page.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_: unknown, row) => (row.quantity === null ? '—' : `${row.quantity} ${row.unit}`),
    },
    {
      title: t('factors.page.metQuantity'),
      key: 'metQuantity',
      align: 'right',
      render: (_: unknown, row) =>
        row.quantity === null || row.metQuantity === null
          ? '—'
          : `${row.metQuantity} ${row.unit}（${metShare({ quantity: row.quantity, metQuantity: row.metQuantity }) ?? '—'}）`,
    },
  ];
  const quantityOf = (row: RegionRow, type: FactorType) => {
    const q = row.quantities.find((x) => x.type === type);
    return q ? `${q.metQuantity} / ${q.quantity}` : '—';
  };
  const regionColumns: TableColumnsType<RegionRow> = [
    {
      title: t('factors.page.region'),
      dataIndex: 'regionName',
      render: (name: string, row) =>
        row.regionCode === data?.regionCode ? (
          name
        ) : (
          <Button type="link" size="small" onClick={() => setQuery({ ...query, regionCode: row.regionCode })}>
            {name}
          </Button>
        ),
    },
    { title: t('factors.page.total'), dataIndex: 'total', align: 'right' },
    { title: t('factors.page.met'), dataIndex: 'met', align: 'right' },
    { title: t('factors.page.unmet'), dataIndex: 'unmet', align: 'right' },
    { title: t('factors.page.overdue'), dataIndex: 'overdue', align: 'right' },
    {
      title: `${t('factors.page.landMu')} ${t('factors.page.metQuantity')}/${t('factors.page.quantity')}`,
      key: 'land',
      align: 'right',
      render: (_: unknown, row) => quantityOf(row, 'land'),
    },
    {
      title: `${t('factors.page.energyTce')} ${t('factors.page.metQuantity')}/${t('factors.page.quantity')}`,
      key: 'energy',
      align: 'right',
      render: (_: unknown, row) => quantityOf(row, 'energy'),
    },
  ];
  const demandColumns: TableColumnsType<FactorDemand> = [
    {
      title: t('factors.page.project'),
      dataIndex: 'projectName',
      render: (name: string, row) => <Link to={`/projects/${row.projectId}?tab=factors`}>{name}</Link>,
    },
    { title: t('factors.page.region'), dataIndex: 'regionName' },
    { title: t('factors.type'), dataIndex: 'type', render: (type: FactorType) => t(`factors.types.${type}`) },
    { title: t('factors.detail'), key: 'detail', render: (_: unknown, row) => detail(row) },
    {
      title: t('factors.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_: unknown, row) => `${row.quantity} ${row.unit}`,
    },
    {
      title: t('factors.met'),
      key: 'met',
      align: 'right',
      render: (_: unknown, row) => <DemandMet demand={row} />,
    },
    { title: t('factors.responsible'), dataIndex: 'responsibleOrganisationName' },
    {
      title: t('factors.neededBy'),
      dataIndex: 'neededBy',
      render: (_: string, row) => <DemandNeededBy demand={row} />,
    },
    {
      title: t('factors.status'),
      dataIndex: 'status',
      render: (_: FactorDemandStatus, row) => <DemandStatusCell demand={row} />,
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="factor-board">
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{data ? data.regionName : ''}</Typography.Text>
        {query.regionCode && (
          <Button size="small" onClick={() => setQuery({ ...query, regionCode: undefined })}>
            {t('factors.page.up')}
          </Button>
        )}
        <Select<FactorType | 'all'>
          aria-label={t('factors.type')}
          style={{ minWidth: 140 }}
          value={query.type ?? 'all'}
          data-testid="board-type"
          onChange={(type) => setQuery({ ...query, type: type === 'all' ? undefined : type })}
          options={[
            { value: 'all', label: t('factors.page.allTypes') },
            ...factorTypes.map((type) => ({ value: type, label: t(`factors.types.${type}`) })),
          ]}
        />
        <Select<FactorDemandStatus | 'all'>
          aria-label={t('factors.status')}
          style={{ minWidth: 140 }}
          value={query.status ?? 'all'}
          onChange={(status) => setQuery({ ...query, status: status === 'all' ? undefined : status })}
          options={[
            { value: 'all', label: t('factors.page.allStatuses') },
            ...factorDemandStatuses.map((status) => ({
              value: status,
              label: t(`factors.statuses.${status}`),
            })),
          ]}
        />
        <Select<string>
          aria-label={t('factors.responsible')}
          style={{ minWidth: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={query.departmentId ?? 'all'}
          onChange={(id) => setQuery({ ...query, departmentId: id === 'all' ? undefined : id })}
          options={[
            { value: 'all', label: t('factors.page.allDepartments') },
            ...(data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <Button icon={<DownloadOutlined />} href={factorLedgerUrl(query)} data-testid="factor-ledger">
          {t('factors.page.exportLedger')}
        </Button>
        {data && <Typography.Text type="secondary">{t('factors.asOf', { date: data.asOf })}</Typography.Text>}
      </Flex>
      {data && (
        <>
          <Row gutter={[12, 12]}>
            {(['total', 'met', 'inProgress', 'pending', 'unmet', 'overdue'] as const).map((key) => (
              <Col key={key} xs={12} sm={8} md={4}>
                <Card size="small" data-testid={`board-${key}`}>
                  <Statistic
                    title={t(`factors.page.${key}`)}
                    value={data.totals[key]}
                    valueStyle={
                      key === 'overdue' && data.totals.overdue > 0 ? { color: '#cf1322' } : undefined
                    }
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('factors.page.byType')}>
            <Table<TypeRow>
              rowKey="type"
              size="small"
              columns={typeColumns}
              dataSource={data.byType}
              pagination={false}
              scroll={{ x: true }}
            />
          </Card>
          <Card size="small" title={t('factors.page.byRegion')}>
            <Table<RegionRow>
              rowKey="regionCode"
              size="small"
              columns={regionColumns}
              dataSource={data.byRegion}
              pagination={false}
              scroll={{ x: true }}
            />
          </Card>
          <Card size="small" title={`${t('factors.page.overdueList')}（${data.overdue.length}）`}>
            <Table<FactorDemand>
              rowKey="id"
              size="small"
              columns={demandColumns}
              dataSource={data.overdue}
              pagination={false}
              scroll={{ x: true }}
              data-testid="board-overdue"
            />
          </Card>
          <Card size="small" title={`${t('factors.page.allDemands')}（${data.demands.length}）`}>
            <Table<FactorDemand>
              rowKey="id"
              size="small"
              columns={demandColumns}
              dataSource={data.demands}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              scroll={{ x: true }}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
