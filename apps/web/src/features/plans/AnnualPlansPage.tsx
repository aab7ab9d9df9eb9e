import { FileExcelOutlined, LockOutlined } from '@ant-design/icons';
import { type AnnualPlanListItem, type AnnualPlanQuery, fileRoutes } from '@tuijin/contracts';
import { type PlanStatus, projectLevels } from '@tuijin/domain';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { FilterBar } from '../../components/FilterBar';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { formatAmount } from '../../lib/amount';
import { useCan } from '../auth/use-current-user';
import { useDictionary } from '../dictionaries/dictionaries.queries';

/** A plan amount in the table: 万元, two decimals (the ledger's unit and precision). */
const wan = (wanYuan: string) => formatAmount(wanYuan, { unit: 'wanYuan' });

import { StageTag } from '../projects/ProjectTags';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { milestoneText } from './plan-labels';
import { useAnnualPlans, useFreezeAnnualPlans } from './plans.queries';

type Filters = Pick<AnnualPlanQuery, 'q' | 'region' | 'status' | 'domain' | 'level'>;

/** Query string of the export: the page's year and filters, without paging. */
function exportHref(query: AnnualPlanQuery) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'page' && key !== 'pageSize' && value !== undefined && value !== '')
      search.set(key, String(value));
  }
  return `${fileRoutes.exportAnnualPlans}?${search}`;
}

/**
 * 年度计划: a year's plans in the reader's scope, filtered and paged on the server, a totals row
 * (count, adjusted and baseline planned investment over the whole filtered set), multi-select 冻结
 * for offices, and the Excel export of the same filter.
 */
export default function AnnualPlansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const can = useCan();
  const reportError = useApiErrorHandler();
  const [form] = Form.useForm<Filters>();
  const domains = useDictionary('domain');
  const [year, setYear] = useState(dayjs().year());
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<AnnualPlanListItem[]>([]);
  const query: AnnualPlanQuery = { year, ...filters, ...paging };
  const plans = useAnnualPlans(query);
  const freeze = useFreezeAnnualPlans();
  const mayFreeze = can('plan.approve');
  const totals = plans.data?.totals;

  useEffect(() => setSelected([]), [year, filters]);

  const statusTag = (status: PlanStatus) => (
    <Tag color={status === 'frozen' ? 'blue' : 'default'}>
      {t(status === 'frozen' ? 'plans.frozen' : 'plans.draft')}
    </Tag>
  );

  const columns = [
    {
      key: 'project',
      title: t('plans.project'),
      render: (_: unknown, row: AnnualPlanListItem) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/${row.projectId}?tab=plans`}>{row.projectName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.projectCode ?? ''}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'region', title: t('plans.region'), dataIndex: 'regionName' },
    {
      key: 'stage',
      title: t('plans.stage'),
      render: (_: unknown, row: AnnualPlanListItem) => <StageTag stage={row.stage} />,
    },
    {
      key: 'planned',
      title: t('plans.adjustedPlan'),
      align: 'right' as const,
      render: (_: unknown, row: AnnualPlanListItem) => wan(row.plannedInvestmentWanYuan),
    },
    {
      key: 'baseline',
      title: t('plans.baseline'),
      align: 'right' as const,
      render: (_: unknown, row: AnnualPlanListItem) =>
        row.baselineInvestmentWanYuan === null ? '—' : wan(row.baselineInvestmentWanYuan),
    },
    {
      key: 'start',
      title: t('plans.plansStart'),
      render: (_: unknown, row: AnnualPlanListItem) => milestoneText(t, row.plansStart, row.startMonth),
    },
    {
      key: 'completion',
      title: t('plans.plansCompletion'),
      render: (_: unknown, row: AnnualPlanListItem) =>
        milestoneText(t, row.plansCompletion, row.completionMonth),
    },
    {
      key: 'status',
      title: t('plans.status'),
      render: (_: unknown, row: AnnualPlanListItem) => statusTag(row.status),
    },
    {
      key: 'adjustments',
      title: t('plans.adjustments'),
      dataIndex: 'adjustmentCount',
      align: 'right' as const,
    },
  ];

  const summary = () =>
    totals ? (
      <Table.Summary.Row className="tj-totals-row">
        <Table.Summary.Cell index={0} colSpan={mayFreeze ? 4 : 3}>
          <Typography.Text strong data-testid="plans-total-count">
            {t('plans.totals', { count: totals.count })}
          </Typography.Text>{' '}
          <Typography.Text type="secondary">
            {t('plans.totalsPlanned', {
              wanYuan: wan(totals.plannedWanYuan),
              yiYuan: formatAmount(totals.plannedWanYuan, { unit: 'yiYuan' }),
              baseline: wan(totals.baselineWanYuan),
            })}
          </Typography.Text>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={mayFreeze ? 4 : 3} align="right">
          <Typography.Text strong data-testid="plans-total-planned">
            {wan(totals.plannedWanYuan)}
          </Typography.Text>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={mayFreeze ? 5 : 4} align="right">
          <Typography.Text strong data-testid="plans-total-baseline">
            {wan(totals.baselineWanYuan)}
          </Typography.Text>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={mayFreeze ? 6 : 5} colSpan={4} />
      </Table.Summary.Row>
    ) : null;

  const freezeSelected = () =>
    freeze.mutate(
      { year, plans: selected.map((row) => ({ id: row.id, version: row.version })) },
      {
        onSuccess: (result) => {
          void message.success(t('plans.frozenDone', { count: result.frozen }));
          setSelected([]);
        },
        onError: (error) => reportError(error),
      },
    );

  return (
    <Card
      title={t('plans.listTitle')}
      extra={
        <Space wrap>
          <Select
            value={year}
            style={{ width: 110 }}
            data-testid="plans-year"
            onChange={(value) => {
              setYear(value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[-2, -1, 0, 1].map((offset) => {
              const y = dayjs().year() + offset;
              return { value: y, label: t('plans.yearOption', { year: y }) };
            })}
          />
          {mayFreeze && (
            <Popconfirm
              title={t('plans.freezeSelectedConfirm', { count: selected.length, year })}
              disabled={selected.length === 0}
              onConfirm={freezeSelected}
            >
              <Button
                type="primary"
                icon={<LockOutlined />}
                disabled={selected.length === 0}
                loading={freeze.isPending}
                data-testid="plans-freeze"
              >
                {t('plans.freezeSelected', { count: selected.length })}
              </Button>
            </Popconfirm>
          )}
          <Button icon={<FileExcelOutlined />} href={exportHref(query)} download>
            {t('plans.export')}
          </Button>
        </Space>
      }
    >
      <FilterBar<Filters>
        form={form}
        name="plan-filters"
        onSearch={(values) => {
          setFilters(
            Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')),
          );
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('plans.searchPlaceholder')} className="tj-filter-lg" />
        </Form.Item>
        <Form.Item name="region" label={t('plans.region')}>
          <RegionTreeSelect className="tj-filter-md" placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="status" label={t('plans.status')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            className="tj-filter-sm"
            options={[
              { value: 'draft', label: t('plans.draft') },
              { value: 'frozen', label: t('plans.frozen') },
            ]}
          />
        </Form.Item>
        <Form.Item name="domain" label={t('projectFields.domain')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            className="tj-filter-sm"
            loading={domains.isLoading}
            options={domains.entries.map((entry) => ({ value: entry.name, label: entry.name }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t('projectFields.levels')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            className="tj-filter-sm"
            options={projectLevels.map((value) => ({ value, label: labels.projectLevel(value) }))}
          />
        </Form.Item>
      </FilterBar>
      {plans.isError && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      <Table<AnnualPlanListItem>
        rowKey="id"
        size="middle"
        data-testid="plans-table"
        columns={columns}
        dataSource={plans.data?.data}
        loading={plans.isFetching}
        scroll={{ x: 'max-content' }}
        summary={summary}
        rowSelection={
          mayFreeze
            ? {
                selectedRowKeys: selected.map((row) => row.id),
                getCheckboxProps: (row) => ({ disabled: !row.canFreeze }),
                onChange: (_keys, rows) => setSelected(rows),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: plans.data?.page.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
        }}
        onChange={(pagination) =>
          setPaging({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? paging.pageSize })
        }
      />
    </Card>
  );
}
