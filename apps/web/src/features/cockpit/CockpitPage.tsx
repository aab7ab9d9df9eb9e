import {
  type CockpitBasis,
  type CockpitDimension,
  type CockpitMeasure,
  type CockpitRow,
  parseCockpitCategoryKey,
} from '@tuijin/contracts';
import type { ConstructionType, ProjectLevel, ProjectStage, SizeBandKey } from '@tuijin/domain';
import { Alert, Breadcrumb, Card, Col, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ChartClick, EChart } from '../../components/EChart';
import { QueryError } from '../../components/QueryError';
import { useLabels } from '../../i18n/use-labels';
import { summaryUnit } from '../../lib/amount';
import { useAmount } from '../../lib/use-amount';
import { useCan } from '../auth/use-current-user';
import { ReportingMonthGate } from '../reports/ReportingMonthGate';
import { CockpitApprovalsPanel } from './CockpitApprovalsPanel';
import { CockpitFilterBar } from './CockpitFilterBar';
import { CockpitProgrammes } from './CockpitProgrammes';
import { CockpitProjectsDrawer, type DrillTarget } from './CockpitProjectsDrawer';
import { CockpitTable } from './CockpitTable';
import { useCockpitRollup, useCockpitSeries } from './cockpit.queries';
import {
  completionOption,
  cumulativeOption,
  funnelOption,
  lateMissingOption,
  startOption,
} from './cockpit-charts';
import { cockpitDimensions, useCockpitParams } from './cockpit-params';
import { HeadlineCards } from './HeadlineCards';

/**
 * 驾驶舱: headline figures, charts by region and month, and a table by any dimension for the
 * chosen year, month and plan basis. Clicking a region's bar goes into that region; every number
 * opens its formula, its numerator and denominator and the projects behind it.
 */
export default function CockpitPage() {
  return <ReportingMonthGate>{(_, current) => <Cockpit current={current} />}</ReportingMonthGate>;
}

function Cockpit({ current }: { current: { year: number; month: number } }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const amount = useAmount();
  const { year, month, basis, region, dimension, filters, set } = useCockpitParams(current);
  const can = useCan();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const byRegion = useCockpitRollup({ year, month, basis, dimension: 'region', region, ...filters });
  const byDimension = useCockpitRollup({ year, month, basis, dimension, region, ...filters });
  const series = useCockpitSeries({ year, month, region, ...filters });
  const lastYear = useCockpitRollup({
    year: year - 1,
    month,
    basis,
    dimension: 'region',
    region,
    ...filters,
  });
  const rollup = byRegion.data;
  /** 亿元 for a city's or a province's figures, 万元 for a county's. */
  const unit = summaryUnit(rollup?.region.level);

  /** A 分类汇总 row: a tag as the dictionary names it, 新建/续建, or a size threshold (5000 万元以上…). */
  const categoryLabel = (row: CockpitRow) => {
    const category = parseCockpitCategoryKey(row.key);
    if (category?.kind === 'constructionType')
      return labels.constructionType(category.value as ConstructionType);
    if (category?.kind === 'size') return t(`amounts.sizeBands.${category.value as SizeBandKey}`);
    return row.label;
  };
  const labelOf = (row: CockpitRow) => {
    if (dimension === 'category') return categoryLabel(row);
    if (row.kind === 'regionSelf') return t('cockpit.self', { name: row.label });
    if (row.kind === 'none') return dimension === 'tag' ? t('cockpit.noTag') : t('cockpit.none');
    if (row.kind !== 'value') return row.label;
    if (dimension === 'level') return labels.projectLevel(row.label as ProjectLevel);
    if (dimension === 'constructionType') return labels.constructionType(row.label as ConstructionType);
    if (dimension === 'sizeBand') return t(`amounts.sizeBands.${row.label as SizeBandKey}`);
    return row.label;
  };
  const regionRows = rollup?.rows ?? [];
  const regionNames = regionRows.map((r) =>
    r.kind === 'regionSelf' ? t('cockpit.self', { name: r.label }) : r.label,
  );

  /** Opens the region behind a bar, a project's file at a leaf, or the projects placed on the region itself. */
  const openRow = (index: number, measure: CockpitMeasure = 'all') => {
    const row = regionRows[index];
    if (!row) return;
    if (row.kind === 'region' && measure === 'all') set({ region: row.key });
    else if (row.kind === 'project' && measure === 'all') navigate(`/projects/${row.key}`);
    else
      setDrill({
        year,
        month,
        basis,
        dimension: 'region',
        region: rollup?.region.code,
        ...filters,
        key: row.key,
        measure,
        groupLabel: regionNames[index] ?? row.label,
      });
  };
  /** Opens the project list filtered to the region's subtree and the stage of the funnel item clicked. */
  const openStage = (index: number) => {
    const stage = series.data?.stages[index]?.stage;
    if (!series.data || !stage) return;
    navigate(`/projects?${new URLSearchParams({ region: series.data.region.code, stage, ...filters })}`);
  };
  const showTotal = (measure: CockpitMeasure) =>
    setDrill({
      year,
      month,
      basis,
      dimension: 'region',
      region: rollup?.region.code,
      ...filters,
      measure,
      groupLabel: rollup?.region.name ?? '',
    });

  const options = useMemo(
    () =>
      rollup
        ? {
            completion: completionOption(regionRows, regionNames, t),
            start: startOption(regionRows, regionNames, t),
            lateMissing: lateMissingOption(regionRows, regionNames, t),
          }
        : null,
    [rollup, t],
  );
  const cumulative = useMemo(
    () => (series.data ? cumulativeOption(series.data, unit, amount.unitName(unit), t) : null),
    [series.data, unit, t],
  );
  const funnel = useMemo(
    () =>
      series.data
        ? funnelOption(
            series.data.stages.map((s) => ({
              name: labels.projectStage(s.stage as ProjectStage),
              count: s.count,
            })),
          )
        : null,
    [series.data, labels],
  );

  const yearOptions = Array.from({ length: 7 }, (_, i) => current.year - 5 + i).map((value) => ({
    value,
    label: t('cockpit.yearOption', { year: value }),
  }));
  const monthOptions = Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: t('cockpit.monthOption', { month: i + 1 }),
  }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('cockpit.title')}
        extra={
          <a href="/screen" target="_blank" rel="noopener" data-testid="open-screen">
            {t('screen.open')}
          </a>
        }
      >
        <Typography.Paragraph type="secondary">{t('cockpit.intro')}</Typography.Paragraph>
        <Space wrap size={[16, 8]}>
          <Select<number>
            aria-label={t('cockpit.year')}
            data-testid="cockpit-year"
            value={year}
            options={yearOptions}
            onChange={(value) => set({ year: String(value) })}
            virtual={false}
            style={{ width: 110 }}
          />
          <Select<number>
            aria-label={t('cockpit.month')}
            data-testid="cockpit-month"
            value={month}
            options={monthOptions}
            onChange={(value) => set({ month: String(value) })}
            virtual={false}
            style={{ width: 100 }}
          />
          <Segmented<CockpitBasis>
            aria-label={t('cockpit.basis')}
            value={basis}
            onChange={(value) => set({ basis: value })}
            options={[
              { value: 'adjusted', label: t('cockpit.basisAdjusted') },
              { value: 'baseline', label: t('cockpit.basisBaseline') },
            ]}
          />
          {rollup && (
            <Breadcrumb
              aria-label={t('cockpit.breadcrumb')}
              data-testid="cockpit-breadcrumb"
              items={rollup.breadcrumb.map((r, i) => ({
                key: r.code,
                title:
                  i === rollup.breadcrumb.length - 1 ? (
                    <strong>{r.name}</strong>
                  ) : (
                    <Typography.Link onClick={() => set({ region: r.code })}>{r.name}</Typography.Link>
                  ),
              }))}
            />
          )}
          <CockpitFilterBar filters={filters} onChange={set} />
          {rollup?.deadlineOn && <Tag>{t('cockpit.deadline', { date: rollup.deadlineOn })}</Tag>}
        </Space>
      </Card>

      {byRegion.isError && <QueryError error={byRegion.error} onRetry={() => void byRegion.refetch()} />}
      {rollup && (
        <HeadlineCards
          figures={rollup.total}
          year={year}
          month={month}
          unit={unit}
          lastYear={lastYear.data?.total ?? null}
          onShowProjects={showTotal}
        />
      )}

      <Row gutter={[16, 16]}>
        <ChartCard
          span={12}
          title={t('cockpit.charts.completionByRegion')}
          hint={rollup?.isLeaf ? undefined : t('cockpit.clickHint')}
          option={options?.completion}
          onClick={({ dataIndex }) => openRow(dataIndex)}
          testId="chart-completion"
        />
        <ChartCard
          span={12}
          title={t('cockpit.charts.cumulative', { unit: amount.unitName(unit) })}
          option={cumulative}
          testId="chart-cumulative"
        />
        <ChartCard
          span={8}
          title={t('cockpit.charts.funnel')}
          hint={t('cockpit.funnelHint')}
          option={funnel}
          onClick={({ dataIndex }) => openStage(dataIndex)}
          testId="chart-funnel"
        />
        <ChartCard
          span={8}
          title={t('cockpit.charts.startByRegion')}
          option={options?.start}
          onClick={({ dataIndex }) => openRow(dataIndex, 'notStarted')}
          testId="chart-start"
        />
        <ChartCard
          span={8}
          title={t('cockpit.charts.lateMissing')}
          option={options?.lateMissing}
          onClick={({ dataIndex }) => openRow(dataIndex, 'missing')}
          testId="chart-late-missing"
        />
      </Row>

      <Card
        size="small"
        title={
          <Space>
            {t('cockpit.dimension')}
            <Segmented<CockpitDimension>
              value={dimension}
              onChange={(value) => set({ dimension: value === 'region' ? undefined : value })}
              options={cockpitDimensions.map((d) => ({ value: d, label: t(`cockpit.dimensions.${d}`) }))}
            />
          </Space>
        }
      >
        {rollup?.isLeaf && dimension === 'region' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('cockpit.leafHint', { region: rollup.region.name })}
          />
        )}
        {byDimension.data && !byDimension.data.isAdditive && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('cockpit.notAdditive')} />
        )}
        {byDimension.isError && (
          <QueryError error={byDimension.error} onRetry={() => void byDimension.refetch()} />
        )}
        {byDimension.data && (
          <CockpitTable
            rollup={byDimension.data}
            unit={byDimension.data.isLeaf && dimension === 'region' ? 'wanYuan' : unit}
            labelOf={labelOf}
            loading={byDimension.isFetching}
            onOpenRegion={(code) => set({ region: code })}
            onShowProjects={(row, measure) =>
              setDrill({
                year,
                month,
                basis,
                dimension,
                region: byDimension.data.region.code,
                ...filters,
                key: row?.key,
                measure,
                groupLabel: row ? labelOf(row) : t('cockpit.total'),
              })
            }
          />
        )}
      </Card>
      {can('approval.read') && <CockpitApprovalsPanel year={year} region={region} filters={filters} />}
      <CockpitProgrammes year={year} region={region} />
      <CockpitProjectsDrawer target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}

interface ChartCardProps {
  span: number;
  title: string;
  /** A grey line beside the title, e.g. what a click on the chart does. */
  hint?: string;
  /** The chart's option, once its figures are here. */
  option: EChartsCoreOption | null | undefined;
  onClick?: (click: ChartClick) => void;
  testId: string;
}

/** One chart of the cockpit in its card, titled and labelled for screen readers by the same text. */
function ChartCard({ span, title, hint, option, onClick, testId }: ChartCardProps) {
  return (
    <Col xs={24} xl={span}>
      <Card
        size="small"
        title={title}
        extra={hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      >
        {option && <EChart option={option} onClick={onClick} ariaLabel={title} testId={testId} />}
      </Card>
    </Col>
  );
}
