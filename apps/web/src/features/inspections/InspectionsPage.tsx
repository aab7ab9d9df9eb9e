import { PlusOutlined } from '@ant-design/icons';
import type { FindingStatus, Inspection, InspectionCoverage } from '@tuijin/contracts';
import { findingStatuses } from '@tuijin/domain';
import {
  Button,
  Checkbox,
  DatePicker,
  Flex,
  List,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useDrillParams } from '../../lib/drill-params';
import { useCan } from '../auth/use-current-user';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { ChecklistsPanel } from './ChecklistsPanel';
import { FindingDrawer } from './FindingDrawer';
import { FindingsTable } from './FindingsTable';
import { rateText } from './inspection-logic';
import { useInspectionCoverage, useInspectionFindings, useInspections } from './inspections.queries';
import { RecordInspectionDrawer } from './RecordInspectionDrawer';

type CoverageRow = InspectionCoverage['rows'][number];

/** 督查覆盖 by day or ISO week, per child region (a tap drills down), with the sites not inspected. */
function CoveragePanel() {
  const { t } = useTranslation();
  const drill = useDrillParams();
  const [period, setPeriod] = useState<'day' | 'week'>('day');
  const [on, setOn] = useState<Dayjs>(drill.date ? dayjs(drill.date) : dayjs());
  const [regionCode, setRegionCode] = useState<string | undefined>(drill.regionCode);
  const coverage = useInspectionCoverage({
    period,
    on: on.format('YYYY-MM-DD'),
    ...(regionCode ? { regionCode } : {}),
  });
  const data = coverage.data;
  const columns: TableColumnsType<CoverageRow> = [
    {
      title: t('inspections.coverage.region'),
      dataIndex: 'regionName',
      render: (name: string, row) => (
        <Typography.Link onClick={() => setRegionCode(row.regionCode)}>{name}</Typography.Link>
      ),
    },
    { title: t('inspections.coverage.sites'), dataIndex: 'sites', align: 'right' },
    { title: t('inspections.coverage.inspected'), dataIndex: 'inspected', align: 'right' },
    {
      title: t('inspections.coverage.rate'),
      dataIndex: 'rate',
      align: 'right',
      render: (rate: number | null) => (
        <Typography.Text type={rate !== null && rate < 100 ? 'warning' : undefined}>
          {rateText(rate)}
        </Typography.Text>
      ),
    },
    { title: t('inspections.coverage.inspections'), dataIndex: 'inspections', align: 'right' },
    { title: t('inspections.coverage.findings'), dataIndex: 'findings', align: 'right' },
  ];
  return (
    <Flex vertical gap={12} data-testid="coverage-panel">
      <Flex gap={8} wrap align="center">
        <Segmented
          value={period}
          onChange={(v) => setPeriod(v as 'day' | 'week')}
          options={[
            { value: 'day', label: t('inspections.period.day') },
            { value: 'week', label: t('inspections.period.week') },
          ]}
        />
        <DatePicker
          value={on}
          allowClear={false}
          onChange={(d) => d && setOn(d)}
          picker={period === 'week' ? 'week' : 'date'}
        />
        {data && (
          <Typography.Text type="secondary">
            {data.regionName} {data.start === data.end ? data.start : `${data.start} — ${data.end}`}
          </Typography.Text>
        )}
        {regionCode && (
          <Button size="small" onClick={() => setRegionCode(undefined)}>
            ↑
          </Button>
        )}
      </Flex>
      {coverage.isError ? (
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : (
        <Table<CoverageRow>
          rowKey="regionCode"
          size="small"
          loading={coverage.isFetching}
          columns={columns}
          dataSource={data?.rows ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="coverage-table"
          summary={() =>
            data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('inspections.coverage.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {data.total.sites}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {data.total.inspected}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <span data-testid="coverage-total-rate">{rateText(data.total.rate)}</span>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {data.total.inspections}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {data.total.findings}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
      {data && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {data.notInspected.length > 0
              ? t('inspections.coverage.notInspected', { count: data.notInspected.length })
              : t('inspections.coverage.allInspected')}
          </Typography.Title>
          <Flex wrap gap={4} data-testid="not-inspected">
            {data.notInspected.slice(0, 200).map((s) => (
              <Link key={s.id} to={`/projects/${s.id}?tab=inspections`}>
                <Tag>
                  {s.name}（{s.regionName}）
                </Tag>
              </Link>
            ))}
          </Flex>
        </>
      )}
    </Flex>
  );
}

/** 督查问题 with filters (status, overdue, period); overdue deadlines in red. */
function FindingsPanel({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FindingStatus | undefined>(undefined);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const findings = useInspectionFindings({
    ...(regionCode ? { regionCode } : {}),
    ...(status ? { status } : {}),
    ...(overdueOnly ? { overdueOnly: true } : {}),
    ...(range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {}),
    page,
    pageSize: 20,
  });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <RegionTreeSelect
          style={{ width: 180 }}
          placeholder={t('inspections.region')}
          value={regionCode}
          onChange={(code?: string) => {
            setRegionCode(code || undefined);
            setPage(1);
          }}
        />
        <Select<FindingStatus>
          allowClear
          style={{ width: 150 }}
          placeholder={t('inspections.anyStatus')}
          value={status}
          onChange={(v) => {
            setStatus(v || undefined);
            setPage(1);
          }}
          options={findingStatuses.map((s) => ({ value: s, label: t(`inspections.statuses.${s}`) }))}
          data-testid="finding-status-filter"
        />
        <Checkbox
          checked={overdueOnly}
          onChange={(e) => {
            setOverdueOnly(e.target.checked);
            setPage(1);
          }}
        >
          {t('inspections.overdueOnly')}
        </Checkbox>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => {
            setRange(v?.[0] && v[1] ? [v[0], v[1]] : null);
            setPage(1);
          }}
        />
      </Flex>
      {findings.isError ? (
        <QueryError error={findings.error} onRetry={() => void findings.refetch()} />
      ) : (
        <FindingsTable
          findings={findings.data?.data ?? []}
          loading={findings.isFetching}
          onOpen={onOpen}
          pagination={{
            total: findings.data?.page.total ?? 0,
            current: page,
            pageSize: 20,
            onChange: setPage,
          }}
        />
      )}
    </Flex>
  );
}

/** 督查记录: inspections, newest first, each with its checklist and findings counted. */
export function InspectionsList({ projectId, onOpen }: { projectId?: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useInspections({ ...(projectId ? { projectId } : {}), page, pageSize: 20 });
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <List<Inspection>
      loading={list.isFetching}
      dataSource={list.data?.data ?? []}
      locale={{ emptyText: t('inspections.records.none') }}
      pagination={{
        total: list.data?.page.total ?? 0,
        current: page,
        pageSize: 20,
        onChange: setPage,
        hideOnSinglePage: true,
        size: 'small',
      }}
      data-testid="inspections-list"
      renderItem={(i) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Typography.Text strong>
              {i.inspectedOn} · {projectId ? '' : `${i.projectName}（${i.regionName}） · `}
              {i.checklistName}
            </Typography.Text>
            <Typography.Text type="secondary">
              {i.organisationName} {i.inspectorName}
              {i.siteContact ? ` · ${t('inspections.form.siteContact')}：${i.siteContact}` : ''}
            </Typography.Text>
            <Flex wrap gap={4}>
              <Tag color="success">
                {t('inspections.results.pass')} {i.items.filter((x) => x.result === 'pass').length}
              </Tag>
              <Tag color={i.findings.length > 0 ? 'error' : 'default'}>
                {t('inspections.results.issue')} {i.items.filter((x) => x.result === 'issue').length}
              </Tag>
              {i.findings.map((f) => (
                <Tag
                  key={f.id}
                  color={f.isOverdue ? 'red' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => onOpen(f.id)}
                >
                  {f.itemText.slice(0, 12)} · {t(`inspections.statuses.${f.status}`)}
                </Tag>
              ))}
            </Flex>
            {i.note && <Typography.Text>{i.note}</Typography.Text>}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/**
 * 一日一督查: coverage of sites per day or week and child region, the findings list (overdue in red),
 * the inspections, and the office's checklists; 登记督查 opens the phone form; a finding opens its
 * drawer (also from `?finding=<id>`, as the workbench links it).
 */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const opened = params.get('finding');
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('finding', id);
    else next.delete('finding');
    setParams(next, { replace: true });
  };
  const ownerOnly = !can('inspection.record') && can('inspection.reply');
  const tabs = [
    ...(ownerOnly
      ? []
      : [{ key: 'coverage', label: t('inspections.tabs.coverage'), children: <CoveragePanel /> }]),
    { key: 'findings', label: t('inspections.tabs.findings'), children: <FindingsPanel onOpen={open} /> },
    { key: 'records', label: t('inspections.tabs.records'), children: <InspectionsList onOpen={open} /> },
    ...(can('inspection.checklists') || can('inspection.record')
      ? [{ key: 'checklists', label: t('inspections.tabs.checklists'), children: <ChecklistsPanel /> }]
      : []),
  ];
  return (
    <Flex vertical gap={12} data-testid="inspections-page">
      <Flex gap={8} wrap align="center" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('inspections.title')}
        </Typography.Title>
        {can('inspection.record') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
            data-testid="record-inspection-button"
          >
            {t('inspections.record')}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('inspections.intro')}</Typography.Text>
      <Tabs items={tabs} defaultActiveKey={params.get('tab') ?? tabs[0]!.key} destroyOnHidden />
      {recording && <RecordInspectionDrawer onClose={() => setRecording(false)} />}
      <FindingDrawer id={opened} onClose={() => open(null)} />
    </Flex>
  );
}
