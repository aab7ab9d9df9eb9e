import type { HealthWatch, Worker, WorkforceDayFigures, WorkforceOverview } from '@tuijin/contracts';
import { provinceNames } from '@tuijin/domain';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Input,
  List,
  Segmented,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { useDrillParams } from '../../lib/drill-params';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { HealthWatchDialog } from './HealthWatchDialog';
import { HealthTag } from './ProjectWorkforceTab';
import { useEndHealthWatch, useWorkerSearch, useWorkforceOverview } from './workforce.queries';

type FigureRow = { regionCode: string; regionName: string; figures: WorkforceDayFigures };

/** The health watch of the region: its state and rules; the office switches it on and off. */
function WatchCard({ overview }: { overview: WorkforceOverview }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const end = useEndHealthWatch();
  const onError = useApiErrorHandler();
  const watchLine = (w: HealthWatch) => (
    <Flex vertical gap={2} key={w.id}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{w.name}</Typography.Text>
        <Tag>{w.regionName}</Tag>
        <Tag color={w.isActive ? 'orange' : 'default'}>
          {w.isPurged
            ? t('workforce.page.watchPurged')
            : w.isActive
              ? t('workforce.page.watchActive')
              : t('workforce.page.watchEnded')}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('workforce.page.period', { from: w.fromOn, to: w.toOn ?? t('workforce.page.untilOff') })}；
        {w.originKind === 'listed'
          ? w.originProvinces.map((p) => provinceNames[p] ?? p).join('、')
          : t('workforce.page.originKinds.outsideProvince')}
        ；{t('workforce.page.rule', { days: w.observationDays, retention: w.retentionDays })}
        {w.purgeOn && !w.isPurged ? `；${t('workforce.page.purgeOn', { date: w.purgeOn })}` : ''}
      </Typography.Text>
    </Flex>
  );
  const active = overview.watch;
  return (
    <Card
      size="small"
      title={t('workforce.page.watch')}
      data-testid="health-watch"
      extra={
        overview.canManageWatch &&
        (active && active.regionCode === overview.regionCode ? (
          <Button
            danger
            size="small"
            onClick={() =>
              modal.confirm({
                title: t('workforce.page.switchOff'),
                content: t('workforce.page.switchOffConfirm', { days: active.retentionDays }),
                onOk: () =>
                  end.mutateAsync(
                    { id: active.id, body: { version: active.version, toOn: dayjs().format('YYYY-MM-DD') } },
                    { onError: (e) => onError(e) },
                  ),
              })
            }
          >
            {t('workforce.page.switchOff')}
          </Button>
        ) : (
          !active && (
            <Button type="primary" size="small" onClick={() => setCreating(true)} data-testid="watch-on">
              {t('workforce.page.switchOn')}
            </Button>
          )
        ))
      }
    >
      {overview.watches.length === 0 ? (
        <Typography.Text type="secondary">{t('workforce.page.noWatch')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {overview.watches.slice(0, 5).map(watchLine)}
        </Flex>
      )}
      <HealthWatchDialog
        regionCode={overview.regionCode}
        open={creating}
        onClose={() => setCreating(false)}
      />
    </Card>
  );
}

/** A worker line of the health list and the search: name, masked number, project, health. */
function WorkerLine({ worker }: { worker: Worker }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Flex vertical gap={2} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{worker.name}</Typography.Text>
          <Typography.Text type="secondary">{worker.idNumber}</Typography.Text>
          <HealthTag worker={worker} />
          {!worker.isOnSite && <Tag>{t('workforce.departed')}</Tag>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <Link to={`/projects/${worker.projectId}?tab=workforce`}>{worker.projectName}</Link> ·{' '}
          {worker.contractorName} · {worker.team ?? worker.trade ?? ''} ·{' '}
          {provinceNames[worker.originProvince]} · {t('workforce.arrivedOn')} {worker.arrivedOn}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/**
 * /workforce: per child region on a day — on site, arrived, left, in observation, abnormal, cleared
 * (health figures 0 without a watch) —, the health watch (switched on and off by the office), the
 * workers under observation or abnormal, and the roster search across the projects one may see
 * (masked for all but a project's owner unit).
 */
export default function WorkforcePage() {
  const { t } = useTranslation();
  const drill = useDrillParams();
  const [regionCode, setRegionCode] = useState<string | undefined>(drill.regionCode);
  const [on, setOn] = useState(drill.date ?? dayjs().format('YYYY-MM-DD'));
  const [search, setSearch] = useState<{ q: string; presence: 'onSite' | 'departed' | 'all'; page: number }>({
    q: '',
    presence: 'onSite',
    page: 1,
  });
  const overview = useWorkforceOverview({ regionCode, on });
  const found = useWorkerSearch(
    { regionCode, q: search.q || undefined, presence: search.presence, page: search.page, pageSize: 20 },
    true,
  );
  if (overview.isError) return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  const figure = (key: keyof WorkforceDayFigures) => ({
    title: t(`workforce.page.${key}`),
    align: 'right' as const,
    render: (_: unknown, r: FigureRow) => r.figures[key],
  });
  const columns: TableColumnsType<FigureRow> = [
    { title: t('workforce.page.region'), dataIndex: 'regionName', fixed: 'left' },
    figure('onSite'),
    figure('arrived'),
    figure('departed'),
    figure('inObservation'),
    figure('abnormal'),
    figure('cleared'),
  ];
  return (
    <Flex vertical gap={12} data-testid="workforce-page">
      <Flex vertical gap={4}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('workforce.page.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('workforce.page.intro')}</Typography.Text>
      </Flex>
      <Flex gap={8} wrap>
        <RegionTreeSelect
          style={{ width: 200 }}
          value={regionCode}
          onChange={(code?: string) => setRegionCode(code || undefined)}
        />
        <DatePicker
          allowClear={false}
          value={dayjs(on)}
          onChange={(d) => d && setOn(d.format('YYYY-MM-DD'))}
          aria-label={t('workforce.page.on')}
        />
      </Flex>
      {!data ? (
        <Spin />
      ) : (
        <>
          <Card size="small" title={`${t('workforce.page.figures')}（${data.regionName} ${data.on}）`}>
            <Table<FigureRow>
              size="small"
              rowKey="regionCode"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={data.rows}
              columns={columns}
              data-testid="workforce-figures"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('workforce.page.total')}</Table.Summary.Cell>
                  {(['onSite', 'arrived', 'departed', 'inObservation', 'abnormal', 'cleared'] as const).map(
                    (k, i) => (
                      <Table.Summary.Cell key={k} index={i + 1} align="right">
                        {data.total[k]}
                      </Table.Summary.Cell>
                    ),
                  )}
                </Table.Summary.Row>
              )}
            />
          </Card>
          <WatchCard overview={data} />
          {data.watch && (
            <Card size="small" title={t('workforce.page.healthList')} data-testid="health-list">
              <List
                dataSource={data.healthList}
                locale={{ emptyText: <Empty description={t('workforce.page.noHealthList')} /> }}
                renderItem={(w) => <WorkerLine key={w.id} worker={w} />}
              />
            </Card>
          )}
        </>
      )}
      <Card size="small" title={t('workforce.page.search')}>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Input.Search
            allowClear
            style={{ maxWidth: 420 }}
            placeholder={t('workforce.page.searchPlaceholder')}
            onSearch={(q) => setSearch({ ...search, q, page: 1 })}
            data-testid="worker-search"
          />
          <Segmented
            value={search.presence}
            onChange={(presence) =>
              setSearch({ ...search, presence: presence as typeof search.presence, page: 1 })
            }
            options={(['onSite', 'departed', 'all'] as const).map((p) => ({
              value: p,
              label: t(`workforce.presence.${p}`),
            }))}
          />
        </Flex>
        <List
          loading={found.isFetching}
          dataSource={found.data?.data ?? []}
          locale={{ emptyText: <Empty description={t('workforce.empty')} /> }}
          renderItem={(w) => <WorkerLine key={w.id} worker={w} />}
          pagination={
            found.data && found.data.page.total > 20
              ? {
                  current: search.page,
                  pageSize: 20,
                  total: found.data.page.total,
                  onChange: (page) => setSearch({ ...search, page }),
                  showSizeChanger: false,
                }
              : false
          }
        />
      </Card>
    </Flex>
  );
}
