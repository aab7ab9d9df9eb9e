import { EditOutlined, LockOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import type { AnnualPlan, Project } from '@tuijin/contracts';
import {
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { QueryError } from '../../components/QueryError';
import { formatTableAmount } from '../../lib/amount';
import { PlanFormModal } from './PlanFormModal';
import { milestoneText, orderedFields, planFieldLabel, planValueText } from './plan-labels';
import { useFreezeAnnualPlans, useProjectPlans } from './plans.queries';

interface CompareRow {
  key: string;
  item: string;
  baseline: string;
  adjusted: string;
}

/** Baseline (frozen at the start of the year) and adjusted plan side by side. */
function PlanComparison({ plan }: { plan: AnnualPlan }) {
  const { t } = useTranslation();
  const base = plan.baseline;
  const none = t('plans.notFrozenYet');
  const splitName = (kind: string) => planValueText(t, 'splitKind', kind);
  const rows: CompareRow[] = [
    {
      key: 'planned',
      item: t('plans.plannedInvestment'),
      baseline: base ? formatTableAmount(base.plannedInvestmentWanYuan) : none,
      adjusted: formatTableAmount(plan.plannedInvestmentWanYuan),
    },
    {
      key: 'start',
      item: t('plans.plansStart'),
      baseline: base ? milestoneText(t, base.plansStart, null) : none,
      adjusted: milestoneText(t, plan.plansStart, plan.startMonth),
    },
    {
      key: 'completion',
      item: t('plans.plansCompletion'),
      baseline: base ? milestoneText(t, base.plansCompletion, null) : none,
      adjusted: milestoneText(t, plan.plansCompletion, plan.completionMonth),
    },
    {
      key: 'operation',
      item: t('plans.plansOperation'),
      baseline: base ? milestoneText(t, base.plansOperation, null) : none,
      adjusted: milestoneText(t, plan.plansOperation, plan.operationMonth),
    },
    {
      key: 'split',
      item: t('plans.splitKind'),
      baseline: base ? splitName(base.splitKind) : none,
      adjusted: splitName(plan.splitKind),
    },
  ];
  const splitWidth = Math.max(plan.splitWanYuan?.length ?? 0, base?.splitWanYuan?.length ?? 0);
  const splitLabel = (index: number, kind: string) =>
    t(kind === 'month' ? 'plans.monthLabel' : 'plans.quarterLabel', { n: index + 1 });
  return (
    <Flex vertical gap={12}>
      <Table<CompareRow>
        size="small"
        pagination={false}
        rowKey="key"
        data-testid="plan-comparison"
        dataSource={rows}
        columns={[
          { key: 'item', title: t('plans.item'), dataIndex: 'item', width: 200 },
          { key: 'baseline', title: t('plans.baseline'), dataIndex: 'baseline', align: 'right' },
          {
            key: 'adjusted',
            title: t('plans.adjustedPlan'),
            dataIndex: 'adjusted',
            align: 'right',
            render: (value: string, row) => (
              <Typography.Text strong={row.baseline !== value && row.baseline !== none}>
                {value}
              </Typography.Text>
            ),
          },
        ]}
      />
      {splitWidth > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          scroll={{ x: 'max-content' }}
          data-testid="plan-split"
          dataSource={[
            ...(base?.splitWanYuan
              ? [
                  {
                    key: 'baseline',
                    name: t('plans.baseline'),
                    values: base.splitWanYuan,
                    kind: base.splitKind,
                  },
                ]
              : []),
            ...(plan.splitWanYuan
              ? [
                  {
                    key: 'adjusted',
                    name: t('plans.adjustedPlan'),
                    values: plan.splitWanYuan,
                    kind: plan.splitKind,
                  },
                ]
              : []),
          ]}
          columns={[
            { key: 'name', title: t('plans.split'), dataIndex: 'name', fixed: 'left' },
            ...Array.from({ length: splitWidth }, (_, index) => ({
              key: `v${index}`,
              title: splitLabel(
                index,
                (plan.splitWanYuan?.length ?? 0) === splitWidth
                  ? plan.splitKind
                  : (base?.splitKind ?? 'month'),
              ),
              align: 'right' as const,
              render: (_: unknown, row: { values: string[]; kind: string }) =>
                row.values.length === splitWidth && row.values[index] !== undefined
                  ? formatTableAmount(row.values[index]!)
                  : '',
            })),
          ]}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'prior',
            label: t('plans.priorCompleted'),
            children: plan.priorCompletedWanYuan ? formatTableAmount(plan.priorCompletedWanYuan) : '—',
          },
          {
            key: 'goals',
            label: t('plans.goals'),
            children: <span className="tj-prewrap">{plan.goals ?? '—'}</span>,
          },
        ]}
      />
    </Flex>
  );
}

/** 调整记录: each 年中调整 with its reason, approver and the changed fields before → after. */
function AdjustmentHistory({ plan }: { plan: AnnualPlan }) {
  const { t } = useTranslation();
  if (plan.adjustments.length === 0)
    return <Empty description={t('plans.noAdjustments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="plan-adjustments"
      items={plan.adjustments.map((adjustment) => ({
        key: adjustment.id,
        title: dayjs(adjustment.at).format('YYYY-MM-DD HH:mm'),
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong className="tj-prewrap">
              {adjustment.reason}
            </Typography.Text>
            {orderedFields(adjustment.after).map((field) => (
              <span key={field}>
                {t('plans.fieldChange', {
                  field: planFieldLabel(t, field),
                  before: planValueText(t, field, adjustment.before[field]),
                  after: planValueText(t, field, adjustment.after[field]),
                })}
              </span>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plans.approvedBy')}：{adjustment.approvedByName}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}

/** 年度计划 tab of the project page: a year's plan, baseline vs adjusted, its history and actions. */
export function ProjectPlansTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plans = useProjectPlans(project.id);
  const freeze = useFreezeAnnualPlans();
  const reportError = useApiErrorHandler();
  const thisYear = dayjs().year();
  const [chosenYear, setYear] = useState<number | null>(null);
  const [form, setForm] = useState<'edit' | 'adjust' | null>(null);

  if (plans.isError) return <QueryError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (plans.isPending) return <Spin />;
  const list = plans.data.data;
  const years = [...new Set([thisYear + 1, thisYear, ...list.map((p) => p.year)])].sort((a, b) => b - a);
  const year = chosenYear ?? (list.some((p) => p.year === thisYear) ? thisYear : (list[0]?.year ?? thisYear));
  const plan = list.find((p) => p.year === year) ?? null;

  return (
    <Flex vertical gap={16} data-testid="project-plans">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <span>{t('plans.year')}</span>
          <Select
            value={year}
            style={{ width: 110 }}
            data-testid="plan-year"
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: t('plans.yearOption', { year: y }) }))}
          />
          {plan && (
            <Tag color={plan.status === 'frozen' ? 'blue' : 'default'} data-testid="plan-status">
              {t(plan.status === 'frozen' ? 'plans.frozen' : 'plans.draft')}
            </Tag>
          )}
          {plan?.frozenAt && (
            <Typography.Text type="secondary">
              {t('plans.frozenBy', {
                name: plan.frozenByName ?? '',
                date: dayjs(plan.frozenAt).format('YYYY-MM-DD'),
              })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          {!plan && plans.data.abilities.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('edit')}>
              {t('plans.create', { year })}
            </Button>
          )}
          {plan?.abilities.edit && (
            <Button icon={<EditOutlined />} onClick={() => setForm('edit')}>
              {t('plans.edit')}
            </Button>
          )}
          {plan?.abilities.freeze && (
            <Popconfirm
              title={t('plans.freezeConfirm', { year })}
              onConfirm={() =>
                freeze.mutate(
                  { year, plans: [{ id: plan.id, version: plan.version }] },
                  {
                    onSuccess: (result) =>
                      void message.success(t('plans.frozenDone', { count: result.frozen })),
                    onError: (error) => reportError(error),
                  },
                )
              }
            >
              <Button type="primary" icon={<LockOutlined />} loading={freeze.isPending}>
                {t('plans.freeze')}
              </Button>
            </Popconfirm>
          )}
          {plan?.abilities.adjust && (
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setForm('adjust')}>
              {t('plans.adjust')}
            </Button>
          )}
        </Space>
      </Flex>
      {plan ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('plans.compare')}
          </Typography.Title>
          <PlanComparison plan={plan} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('plans.history')}
          </Typography.Title>
          <AdjustmentHistory plan={plan} />
        </>
      ) : (
        <Empty description={t('plans.noPlan', { year })} />
      )}
      {form && (
        <PlanFormModal
          projectId={project.id}
          year={year}
          plan={plan}
          mode={form}
          onClose={() => setForm(null)}
        />
      )}
    </Flex>
  );
}
