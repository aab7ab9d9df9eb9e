import type { CockpitRow, CockpitSeries } from '@tuijin/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import { type AmountUnit, chartAmount } from '../../lib/amount';

/** A percent string as a chart value; null (nothing due) draws nothing. */
const pct = (value: string | null) => (value === null ? null : Number(value));

/** A fixed plot area (labels are not fitted in), so a click maps to a category predictably. */
const grid = { left: 48, right: 24, top: 40, bottom: 64, outerBoundsMode: 'none' };
/** Longest category label drawn; project names at a leaf region are cut, the tooltip keeps them whole. */
const labelLength = 6;
const shorten = (name: string) => (name.length > labelLength ? `${name.slice(0, labelLength)}…` : name);
const categoryAxis = (names: string[]) => ({
  type: 'category',
  data: names,
  axisLabel: {
    interval: names.length > 12 ? 'auto' : 0,
    rotate: names.length > 6 ? 30 : 0,
    formatter: shorten,
  },
});

/** Plan completion by group (bars) against time progress (line). */
export function completionOption(rows: CockpitRow[], names: string[], t: TFunction): EChartsCoreOption {
  return {
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: categoryAxis(names),
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('cockpit.series.completion'),
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((r) => pct(r.figures.planCompletionRate.percent)),
      },
      {
        name: t('cockpit.series.timeProgress'),
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        data: rows.map((r) => pct(r.figures.timeProgress.percent)),
      },
    ],
  };
}

/** Start rate by group. */
export function startOption(rows: CockpitRow[], names: string[], t: TFunction): EChartsCoreOption {
  return {
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: categoryAxis(names),
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('cockpit.series.startRate'),
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: '#13a8a8' },
        data: rows.map((r) => pct(r.figures.startRate.percent)),
      },
    ],
  };
}

/** Late and missing reports of the month by group, stacked. */
export function lateMissingOption(rows: CockpitRow[], names: string[], t: TFunction): EChartsCoreOption {
  return {
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: categoryAxis(names),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('cockpit.series.late'),
        type: 'bar',
        stack: 'reports',
        barMaxWidth: 36,
        itemStyle: { color: '#fa8c16' },
        data: rows.map((r) => Number(r.figures.lateCount.value)),
      },
      {
        name: t('cockpit.series.missing'),
        type: 'bar',
        stack: 'reports',
        barMaxWidth: 36,
        itemStyle: { color: '#f5222d' },
        data: rows.map((r) => Number(r.figures.missingCount.value)),
      },
    ],
  };
}

/**
 * Cumulative plan on both bases against the approved year-to-date, by month, in the level's unit
 * (亿元 for a city or province): the axis is named with the unit and the tooltip keeps two decimals.
 */
export function cumulativeOption(
  series: CockpitSeries,
  unit: AmountUnit,
  unitName: string,
  t: TFunction,
): EChartsCoreOption {
  const amount = (value: string | null) => chartAmount(value, unit, 2);
  return {
    grid: { ...grid, left: 72, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number | null) => (value === null ? '—' : `${value} ${unitName}`),
    },
    legend: { top: 0 },
    xAxis: { type: 'category', data: series.months.map((m) => t('cockpit.monthAxis', { month: m.month })) },
    yAxis: { type: 'value', name: unitName, nameTextStyle: { align: 'right' } },
    series: [
      {
        name: t('cockpit.series.baseline'),
        type: 'line',
        lineStyle: { type: 'dashed' },
        data: series.months.map((m) => amount(m.baselineCumulativeWanYuan)),
      },
      {
        name: t('cockpit.series.adjusted'),
        type: 'line',
        data: series.months.map((m) => amount(m.adjustedCumulativeWanYuan)),
      },
      {
        name: t('cockpit.series.actual'),
        type: 'line',
        areaStyle: { opacity: 0.15 },
        data: series.months.map((m) => amount(m.actualYtdWanYuan)),
      },
    ],
  };
}

/** Projects by lifecycle stage, in lifecycle order (not sorted by size). */
export function funnelOption(stages: { name: string; count: number }[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '5%',
        width: '65%',
        top: 16,
        bottom: 16,
        minSize: '10%',
        label: { formatter: '{b} {c}' },
        data: stages.map((s) => ({ name: s.name, value: s.count })),
      },
    ],
  };
}
