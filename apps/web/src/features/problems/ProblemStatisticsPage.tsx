import type { ProblemStatistics, ProblemStatisticsQuery } from '@tuijin/contracts';
import { problemStatisticsDimensions } from '@tuijin/contracts';
import { Card, DatePicker, Flex, Segmented, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { QueryError } from '../../components/QueryError';
import { useProblemStatistics } from './problems.queries';

type Dimension = ProblemStatisticsQuery['by'];
type Row = ProblemStatistics['rows'][number];
type Figures = Row['figures'];

/** "89.6%", or a dash when nothing was received. */
const percentText = (figures: Figures) =>
  figures.resolutionRate.percent === null ? '—' : `${figures.resolutionRate.percent}%`;

function chartOption(rows: Row[], labels: { received: string; solved: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 64 },
    xAxis: {
      type: 'category',
      data: rows.map((row) => row.label),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.received, type: 'bar', barMaxWidth: 40, data: rows.map((row) => row.figures.received) },
      { name: labels.solved, type: 'bar', barMaxWidth: 40, data: rows.map((row) => row.figures.solved) },
    ],
  };
}

/** 问题统计: received, solved, overdue, resolution rate and average days by category, region, department or level. */
export default function ProblemStatisticsPage() {
  const { t } = useTranslation();
  const [by, setBy] = useState<Dimension>('category');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query: Partial<ProblemStatisticsQuery> = {
    by,
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  };
  const statistics = useProblemStatistics(query);
  const data = statistics.data?.by === by ? statistics.data : undefined;
  const option = useMemo(
    () =>
      chartOption(data?.rows ?? [], {
        received: t('problems.statistics.received'),
        solved: t('problems.statistics.solved'),
      }),
    [data, t],
  );
  const figureColumns = [
    {
      key: 'received',
      title: t('problems.statistics.received'),
      align: 'right' as const,
      render: (_: unknown, row: Row) => row.figures.received,
    },
    {
      key: 'solved',
      title: t('problems.statistics.solved'),
      align: 'right' as const,
      render: (_: unknown, row: Row) => row.figures.solved,
    },
    {
      key: 'overdue',
      title: t('problems.statistics.overdue'),
      align: 'right' as const,
      render: (_: unknown, row: Row) => row.figures.overdue,
    },
    {
      key: 'rate',
      title: t('problems.statistics.rate'),
      align: 'right' as const,
      render: (_: unknown, row: Row) => (
        <span title={`${row.figures.resolutionRate.numerator} / ${row.figures.resolutionRate.denominator}`}>
          {percentText(row.figures)}
        </span>
      ),
    },
    {
      key: 'average',
      title: t('problems.statistics.averageDays'),
      align: 'right' as const,
      render: (_: unknown, row: Row) => row.figures.averageDaysToSolve ?? '—',
    },
  ];

  return (
    <Card title={t('problems.statistics.title')}>
      <Typography.Paragraph type="secondary">{t('problems.statistics.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<Dimension>
          aria-label={t('problems.statistics.by')}
          value={by}
          onChange={setBy}
          options={problemStatisticsDimensions.map((value) => ({
            value,
            label: t(`problems.statistics.dimensions.${value}`),
          }))}
          data-testid="statistics-by"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => setRange(value)}
          allowEmpty={[true, true]}
          placeholder={[t('problems.statistics.from'), t('problems.statistics.to')]}
        />
      </Flex>
      {statistics.isError && (
        <QueryError error={statistics.error} onRetry={() => void statistics.refetch()} />
      )}
      <EChart
        option={option}
        height={300}
        ariaLabel={t('problems.statistics.chart')}
        testId="statistics-chart"
      />
      <Table<Row>
        rowKey="key"
        size="small"
        loading={statistics.isFetching}
        dataSource={data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="statistics-table"
        columns={[
          { key: 'label', title: t('problems.statistics.group'), dataIndex: 'label' },
          ...figureColumns,
        ]}
        summary={() =>
          data && (
            <Table.Summary.Row data-testid="statistics-total">
              <Table.Summary.Cell index={0}>{t('problems.statistics.total')}</Table.Summary.Cell>
              {figureColumns.map((column, index) => (
                <Table.Summary.Cell key={column.key} index={index + 1} align="right">
                  {column.render(null, { key: 'total', label: '', figures: data.total })}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
