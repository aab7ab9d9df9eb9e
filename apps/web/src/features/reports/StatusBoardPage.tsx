import type { StatusBoard, StatusBoardQuery } from '@tuijin/contracts';
import { Button, Card, Col, DatePicker, Form, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { QueryError } from '../../components/QueryError';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { Amount, ReportStatusTag } from './ReportBits';
import { ReportDrawer } from './ReportDrawer';
import { ReportingMonthGate } from './ReportingMonthGate';
import { monthParam } from './reporting-period';
import { useStatusBoard } from './reports.queries';
import './reports.css';

type BoardRow = StatusBoard['data'][number];
type Filter = NonNullable<StatusBoardQuery['status']>;
const filters: Filter[] = ['submitted', 'approved', 'returned', 'draft', 'absent', 'late', 'missing'];

/**
 * 报送情况: one month's due projects in a region (default the jurisdiction) with counts of every
 * state and a table filtered by state; a reported row opens the report. Opens on the current
 * reporting month.
 */
export default function StatusBoardPage() {
  return <ReportingMonthGate>{(current) => <StatusBoardView current={current} />}</ReportingMonthGate>;
}

/** The board, opening on `?month=YYYY-MM` or else the current reporting month. */
function StatusBoardView({ current }: { current: Dayjs }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [month, setMonth] = useState(() => monthParam(params.get('month')) ?? current);
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [status, setStatus] = useState<Filter | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const query: StatusBoardQuery = {
    year: month.year(),
    month: month.month() + 1,
    ...(regionCode ? { regionCode } : {}),
    ...(status ? { status } : {}),
    ...page,
  };
  const board = useStatusBoard(query);
  const counts = board.data?.counts;
  const pick = (next: Filter | undefined) => {
    setStatus(next);
    setPage((old) => ({ ...old, page: 1 }));
  };
  const countCards: { key: Filter | 'due' | 'onTime'; value: number | undefined }[] = [
    { key: 'due', value: counts?.due },
    { key: 'submitted', value: counts?.submitted },
    { key: 'approved', value: counts?.approved },
    { key: 'returned', value: counts?.returned },
    { key: 'onTime', value: counts?.onTime },
    { key: 'late', value: counts?.late },
    { key: 'missing', value: counts?.missing },
  ];
  const countLabel = (key: Filter | 'due' | 'onTime') =>
    key === 'due' || key === 'onTime'
      ? t(`reports.board.${key}`)
      : key === 'late' || key === 'missing'
        ? t(`reports.${key}`)
        : t(`reports.status.${key}`);

  return (
    <Card title={t('reports.board.title')} className="tj-report-card">
      <Typography.Paragraph type="secondary">{t('reports.board.intro')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} sm={8} lg={6}>
          <Form.Item label={t('reports.month')} layout="vertical">
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              inputReadOnly
              style={{ width: '100%' }}
              data-testid="board-month"
              onChange={(value) => {
                if (value) setMonth(value.startOf('month'));
                setPage((old) => ({ ...old, page: 1 }));
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8} lg={6}>
          <Form.Item label={t('reports.board.region')} layout="vertical">
            <RegionTreeSelect
              value={regionCode}
              allowClear
              onChange={(value) => {
                setRegionCode(value ?? undefined);
                setPage((old) => ({ ...old, page: 1 }));
              }}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8} lg={6}>
          <Form.Item label={t('reports.board.filter')} layout="vertical">
            <Select<Filter | 'all'>
              value={status ?? 'all'}
              onChange={(value) => pick(value === 'all' ? undefined : value)}
              options={[
                { value: 'all', label: t('reports.board.allStatuses') },
                ...filters.map((value) => ({ value, label: countLabel(value) })),
              ]}
              virtual={false}
              data-testid="board-status"
            />
          </Form.Item>
        </Col>
      </Row>
      {board.isError && <QueryError error={board.error} onRetry={() => void board.refetch()} />}
      <Row
        gutter={[8, 8]}
        className="tj-report-counts"
        style={{ marginBottom: 16 }}
        data-testid="board-counts"
      >
        {countCards.map(({ key, value }) => (
          <Col key={key} xs={8} sm={6} lg={3}>
            <Card
              size="small"
              hoverable
              onClick={() => pick(key === 'due' || key === 'onTime' ? undefined : key)}
              className={status === key ? 'tj-count-active' : undefined}
              data-testid={`board-count-${key}`}
            >
              <Statistic title={countLabel(key)} value={value ?? '-'} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<BoardRow>
        rowKey="projectId"
        size="small"
        loading={board.isFetching}
        dataSource={board.data?.data ?? []}
        locale={{ emptyText: t('reports.board.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: board.data?.page.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ page: current, pageSize }),
        }}
        columns={[
          {
            key: 'project',
            title: t('reports.project'),
            render: (_, row) =>
              row.reportId ? (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0 }}
                  onClick={() => setOpenId(row.reportId)}
                >
                  {row.projectName}
                </Button>
              ) : (
                row.projectName
              ),
          },
          { key: 'region', title: t('reports.region'), dataIndex: 'regionName' },
          {
            key: 'status',
            title: t('reports.statusLabel'),
            render: (_, row) => (
              <>
                <ReportStatusTag status={row.status} />
                {row.late && <Tag color="warning">{t('reports.late')}</Tag>}
                {row.missing && <Tag color="error">{t('reports.missing')}</Tag>}
              </>
            ),
          },
          {
            key: 'due',
            title: t('reports.dueOn'),
            render: (_, row) => (
              <>
                {row.dueOn ?? t('reports.none')}
                {row.dueOn && row.isDueOnProvisional && <ProvisionalTag />}
              </>
            ),
          },
          {
            key: 'submitted',
            title: t('reports.submittedAt'),
            render: (_, row) =>
              row.submittedAt ? dayjs(row.submittedAt).format('MM-DD HH:mm') : t('reports.none'),
          },
          {
            key: 'amount',
            title: t('reports.amount'),
            align: 'right',
            render: (_, row) => <Amount value={row.completedWanYuan} />,
          },
        ]}
      />
      {openId && <ReportDrawer reportId={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
