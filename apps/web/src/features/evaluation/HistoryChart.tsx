import type { EvaluationHistory } from '@tuijin/contracts';
import { Card, Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';

/** Each unit's rank across the year's quarters (rank 1 on top), one line per unit. */
export function HistoryChart({ history }: { history: EvaluationHistory | undefined }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!history || history.quarters.length === 0) return null;
    const quarters = history.quarters.map((q) => q.quarter);
    const units = new Map<string, string>();
    for (const q of history.quarters) for (const e of q.entries) units.set(e.code, e.name);
    const most = Math.max(...history.quarters.map((q) => q.entries.length));
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 48, right: 24, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: quarters },
      yAxis: {
        type: 'value',
        name: t('evaluation.history.rankAxis'),
        inverse: true,
        min: 1,
        max: most,
        interval: 1,
      },
      series: [...units].map(([code, name]) => ({
        type: 'line',
        name,
        data: history.quarters.map((q) => q.entries.find((e) => e.code === code)?.rank ?? null),
      })),
    };
  }, [history, t]);
  return (
    <Card size="small" title={t('evaluation.history.title')}>
      {option ? (
        <EChart
          option={option}
          height={320}
          ariaLabel={t('evaluation.history.title')}
          testId="chart-history"
        />
      ) : (
        <Empty description={t('evaluation.history.empty')} />
      )}
    </Card>
  );
}
