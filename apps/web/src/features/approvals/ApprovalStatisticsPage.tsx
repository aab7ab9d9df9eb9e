import type { ApprovalPeriodStatistics } from '@tuijin/contracts';
import { chinaDate } from '@tuijin/domain';
import { Card, Col, DatePicker, Flex, Row, Spin, Statistic, Switch, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { useCurrentReportingPeriod } from '../reports/reporting-period';
import {
  compareGroups,
  type Period,
  readStatisticsView,
  type SpanChange,
  type StatisticsView,
  spanChange,
  statisticsQuery,
  withParams,
} from './approval-statistics';
import { useApprovalStatistics } from './approvals.queries';
import { GroupDurationsTable, ProjectSpansTable } from './StatisticsTables';
import './approvals.css';

type Range = [Dayjs | null, Dayjs | null] | null;

const dash = '—';
const shown = (value: number | null) => (value === null ? dash : value);

/** A period as the RangePicker holds it. */
const rangeOf = (period: Period): [Dayjs, Dayjs] => [dayjs(period.from), dayjs(period.to)];

/** 全流程平均用时 of one period: the average in working days, the median and the calendar days beside it. */
function SpanCard({
  label,
  statistics,
  testId,
}: {
  label: string;
  statistics: ApprovalPeriodStatistics;
  testId: string;
}) {
  const { t } = useTranslation();
  const { span } = statistics;
  return (
    <Card
      size="small"
      className="tj-approval-stat"
      title={label}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('approvals.statistics.range', { from: statistics.from, to: statistics.to })}
        </Typography.Text>
      }
      data-testid={testId}
    >
      <Statistic
        title={t('approvals.statistics.spanAverage')}
        value={span.averageWorkingDays ?? dash}
        suffix={span.averageWorkingDays === null ? undefined : t('approvals.statistics.workingDaysUnit')}
        formatter={(value) => <span data-testid={`${testId}-average`}>{value}</span>}
      />
      <Typography.Text type="secondary" data-testid={`${testId}-detail`}>
        {span.count === 0
          ? t('approvals.statistics.noSpans')
          : t('approvals.statistics.spanDetail', {
              median: shown(span.medianWorkingDays),
              calendar: shown(span.averageCalendarDays),
              count: span.count,
            })}
      </Typography.Text>
    </Card>
  );
}

/** The headline sentence: "由 66 个工作日缩短至 38 个工作日，缩短 28 个工作日（42.4%）". */
function ChangeCard({ change }: { change: SpanChange | null }) {
  const { t } = useTranslation();
  const colour = change?.kind === 'shorter' ? '#389e0d' : change?.kind === 'longer' ? '#cf1322' : undefined;
  return (
    <Card size="small" className="tj-approval-stat" title={t('approvals.statistics.changeTitle')}>
      <Typography.Paragraph
        strong={change !== null}
        type={change === null ? 'secondary' : undefined}
        style={{ fontSize: change ? 16 : undefined, color: colour, margin: 0 }}
        data-testid="statistics-change"
        data-kind={change?.kind ?? 'none'}
      >
        {change
          ? t(`approvals.statistics.change.${change.kind}`, { ...change })
          : t('approvals.statistics.change.none')}
      </Typography.Paragraph>
    </Card>
  );
}

/**
 * 审批用时统计: how long approvals take — the whole span from a project's first acceptance to its
 * construction permit, each procedure and each department — over a 统计期 by approval date, beside
 * a 对比期 (by default the last twelve months against the twelve before). The periods, the switch
 * and the region live in the address.
 */
export default function ApprovalStatisticsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = useCurrentReportingPeriod();
  // The server's today decides the default periods (Beijing time, like the server's own figures).
  const today = current.data?.today ?? (current.isError ? chinaDate(new Date()) : null);
  const view: StatisticsView | null = today ? readStatisticsView(params, today) : null;
  const statistics = useApprovalStatistics(view ? statisticsQuery(view) : null);
  const set = (changes: Record<string, string | undefined>) =>
    setParams((old) => withParams(old, changes), { replace: true });
  const data = statistics.data;
  const compare = view?.isComparing ? (data?.compare ?? null) : null;
  const onRange = (fromKey: string, toKey: string) => (range: Range) =>
    set({
      [fromKey]: range?.[0]?.format('YYYY-MM-DD'),
      [toKey]: range?.[1]?.format('YYYY-MM-DD'),
    });

  if (!view) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  return (
    <Card title={t('approvals.statistics.title')} data-testid="approval-statistics">
      <Typography.Paragraph type="secondary">{t('approvals.statistics.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Flex gap={8} align="center" wrap>
          <span>{t('approvals.statistics.period')}</span>
          <DatePicker.RangePicker
            value={rangeOf(view.period)}
            allowClear={false}
            inputReadOnly
            onChange={onRange('from', 'to')}
            aria-label={t('approvals.statistics.period')}
            data-testid="statistics-period"
          />
        </Flex>
        <Flex gap={8} align="center" wrap>
          <Switch
            checked={view.isComparing}
            onChange={(checked) => set({ compare: checked ? undefined : 'off' })}
            aria-label={t('approvals.statistics.compareSwitch')}
            data-testid="statistics-compare-switch"
          />
          <span>{t('approvals.statistics.compareSwitch')}</span>
          <DatePicker.RangePicker
            value={rangeOf(view.compare)}
            allowClear={false}
            inputReadOnly
            disabled={!view.isComparing}
            onChange={onRange('compareFrom', 'compareTo')}
            aria-label={t('approvals.statistics.compare')}
            data-testid="statistics-compare"
          />
        </Flex>
        <RegionTreeSelect
          style={{ width: 200 }}
          value={view.regionCode}
          onChange={(value) => set({ region: value || undefined })}
          aria-label={t('approvals.statistics.region')}
          placeholder={t('approvals.statistics.region')}
        />
      </Flex>
      {statistics.isError && (
        <QueryError error={statistics.error} onRetry={() => void statistics.refetch()} />
      )}
      {!data ? (
        statistics.isPending && <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={compare ? 8 : 12}>
              <SpanCard
                label={t('approvals.statistics.period')}
                statistics={data.period}
                testId="statistics-span-period"
              />
            </Col>
            {compare && (
              <>
                <Col xs={24} lg={8}>
                  <SpanCard
                    label={t('approvals.statistics.compare')}
                    statistics={compare}
                    testId="statistics-span-compare"
                  />
                </Col>
                <Col xs={24} lg={8}>
                  <ChangeCard
                    change={spanChange(compare.span.averageWorkingDays, data.period.span.averageWorkingDays)}
                  />
                </Col>
              </>
            )}
          </Row>
          <Card size="small" title={t('approvals.statistics.byProcedure')}>
            <GroupDurationsTable
              kind="procedure"
              rows={compareGroups(data.period.byProcedure, compare?.byProcedure ?? null)}
              isComparing={compare !== null}
              loading={statistics.isFetching}
              testId="statistics-procedures"
            />
          </Card>
          <Card size="small" title={t('approvals.statistics.byDepartment')}>
            <GroupDurationsTable
              kind="department"
              rows={compareGroups(data.period.byDepartment, compare?.byDepartment ?? null)}
              isComparing={compare !== null}
              loading={statistics.isFetching}
              testId="statistics-departments"
            />
          </Card>
          <Card size="small" title={t('approvals.statistics.projects')}>
            {compare ? (
              <Tabs
                size="small"
                items={[
                  {
                    key: 'period',
                    label: t('approvals.statistics.periodTab', { count: data.period.projects.length }),
                    children: (
                      <ProjectSpansTable projects={data.period.projects} testId="statistics-projects" />
                    ),
                  },
                  {
                    key: 'compare',
                    label: t('approvals.statistics.compareTab', { count: compare.projects.length }),
                    children: (
                      <ProjectSpansTable projects={compare.projects} testId="statistics-projects-compare" />
                    ),
                  },
                ]}
              />
            ) : (
              <ProjectSpansTable projects={data.period.projects} testId="statistics-projects" />
            )}
          </Card>
        </Flex>
      )}
    </Card>
  );
}
