import type { ReportForm } from '@tuijin/contracts';
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Amount } from './ReportBits';

/** The split amount planned for the month: a month's share, or its quarter's share; null without a split. */
function monthPlan(plan: NonNullable<ReportForm['plan']>, month: number): string | null {
  if (!plan.splitWanYuan) return null;
  if (plan.splitKind === 'month') return plan.splitWanYuan[month - 1] ?? null;
  if (plan.splitKind === 'quarter') return plan.splitWanYuan[Math.floor((month - 1) / 3)] ?? null;
  return null;
}

/** What the owner reports against: the year's plan, totals before this month, last month's progress. */
export function ReportPlan({ data }: { data: ReportForm }) {
  const { t } = useTranslation();
  const plan = data.plan;
  const split = plan ? monthPlan(plan, data.month) : null;
  const milestones = plan
    ? [
        plan.plansStart && t('reports.form.plansStart', { month: plan.startMonth ?? '—' }),
        plan.plansCompletion && t('reports.form.plansCompletion', { month: plan.completionMonth ?? '—' }),
        plan.plansOperation && t('reports.form.plansOperation', { month: plan.operationMonth ?? '—' }),
      ].filter((text): text is string => Boolean(text))
    : [];
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      className="tj-report-plan"
      data-testid="report-plan"
      items={[
        ...(plan
          ? [
              {
                key: 'planned',
                label: t('reports.form.plannedInvestment'),
                children: (
                  <>
                    <Amount value={plan.plannedInvestmentWanYuan} />
                    {plan.status === 'draft' && (
                      <Tag style={{ marginInlineStart: 8 }}>{t('reports.form.planDraft')}</Tag>
                    )}
                  </>
                ),
              },
              ...(split !== null
                ? [{ key: 'split', label: t('reports.form.monthPlan'), children: <Amount value={split} /> }]
                : []),
              {
                key: 'prior',
                label: t('reports.form.priorCompleted'),
                children: <Amount value={plan.priorCompletedWanYuan} />,
              },
            ]
          : []),
        {
          key: 'total',
          label: t('reports.form.totalInvestment'),
          children: <Amount value={data.totalInvestmentWanYuan} />,
        },
        {
          key: 'ytd',
          label: t('reports.form.ytdBefore'),
          children: <Amount value={data.ytdBeforeWanYuan} />,
        },
        ...(milestones.length > 0
          ? [{ key: 'milestones', label: t('reports.form.plan'), children: milestones.join('；') }]
          : []),
        ...(plan?.goals ? [{ key: 'goals', label: t('reports.form.goals'), children: plan.goals }] : []),
        {
          key: 'last',
          label: t('reports.form.lastMonthProgress'),
          children: data.lastMonthProgress ? (
            <span className="tj-prewrap" data-testid="report-last-progress">
              {data.lastMonthProgress}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('reports.form.noLastMonth')}</Typography.Text>
          ),
        },
      ]}
    />
  );
}
