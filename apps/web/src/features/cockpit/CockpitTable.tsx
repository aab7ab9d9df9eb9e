import type { CockpitMeasure, CockpitRollup, CockpitRow } from '@tuijin/contracts';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AmountUnit, formatAmount } from '../../lib/amount';
import { useAmount } from '../../lib/use-amount';
import { FigureExplain } from './FigureExplain';

/** The 预警 columns: colour, the measure its count opens, and the colour it is written in. */
const warningColumns = [
  ['red', 'warningRed', '#f5222d'],
  ['yellow', 'warningYellow', '#d48806'],
  ['green', 'warningGreen', '#389e0d'],
] as const;

/** Amount columns: two decimals in either unit, and wide enough that neighbours never touch. */
const amountColumn: Record<AmountUnit, { decimals: number; width: number }> = {
  yiYuan: { decimals: 2, width: 120 },
  wanYuan: { decimals: 2, width: 150 },
};

interface CockpitTableProps {
  rollup: CockpitRollup;
  /** 亿元 for a city's or province's groups, 万元 where the rows are projects or a county's groups. */
  unit: AmountUnit;
  labelOf: (row: CockpitRow) => string;
  loading: boolean;
  onOpenRegion: (code: string) => void;
  /** Opens the projects behind a cell; row null is the total. */
  onShowProjects: (row: CockpitRow | null, measure: CockpitMeasure) => void;
}

type Line = { row: CockpitRow | null; key: string };

/** The rollup as a table: one line per group plus the total, every cell explaining itself. */
export function CockpitTable({
  rollup,
  unit,
  labelOf,
  loading,
  onOpenRegion,
  onShowProjects,
}: CockpitTableProps) {
  const { t } = useTranslation();
  const amount = useAmount();
  const { decimals, width } = amountColumn[unit];
  const figuresOf = (line: Line) => (line.row ? line.row.figures : rollup.total);
  const show = (line: Line) => (measure: CockpitMeasure) => onShowProjects(line.row, measure);
  const pct = (value: string | null) => (value === null ? t('cockpit.noPercent') : `${value}%`);
  const lines: Line[] = [
    ...rollup.rows.map((row) => ({ row, key: row.key || '∅' })),
    { row: null, key: '__total' },
  ];

  const columns: ColumnsType<Line> = [
    {
      key: 'name',
      title: t('cockpit.table.name'),
      fixed: 'left',
      width: 200,
      render: (_, line) => {
        if (!line.row) return <Typography.Text strong>{t('cockpit.total')}</Typography.Text>;
        const label = labelOf(line.row);
        if (line.row.kind === 'region')
          return <Typography.Link onClick={() => onOpenRegion(line.row!.key)}>{label}</Typography.Link>;
        if (line.row.kind === 'project') return <Link to={`/projects/${line.row.key}`}>{label}</Link>;
        return label;
      },
    },
    {
      key: 'count',
      title: t('cockpit.table.projectCount'),
      align: 'right',
      render: (_, line) => {
        const f = figuresOf(line).projectCount;
        return (
          <FigureExplain formula="projectCount" value={f.value} onShowProjects={show(line)}>
            {f.value}
          </FigureExplain>
        );
      },
    },
    ...(['plannedInvestment', 'cumulativePlan', 'completedYtd'] as const).map((formula) => ({
      key: formula,
      title: t(
        `cockpit.table.${formula === 'plannedInvestment' ? 'planned' : formula === 'cumulativePlan' ? 'cumulativePlan' : 'completedYtd'}`,
        { unit: amount.unitName(unit) },
      ),
      align: 'right' as const,
      width,
      render: (_: unknown, line: Line) => {
        const f = figuresOf(line)[formula];
        return (
          <FigureExplain formula={formula} value={f.value} onShowProjects={show(line)}>
            {formatAmount(f.value, { unit, decimals })}
          </FigureExplain>
        );
      },
    })),
    ...(
      [
        ['planCompletionRate', 'completion'],
        ['startRate', 'startRate'],
        ['reportingTimeliness', 'timeliness'],
        ['statisticsEntry', 'statisticsEntry'],
      ] as const
    ).map(([formula, title]) => ({
      key: formula,
      title: t(`cockpit.table.${title}`),
      align: 'right' as const,
      render: (_: unknown, line: Line) => {
        const f = figuresOf(line)[formula];
        return (
          <FigureExplain {...f} formula={formula} onShowProjects={show(line)}>
            {pct(f.percent)}
          </FigureExplain>
        );
      },
    })),
    ...(['lateCount', 'missingCount'] as const).map((formula) => ({
      key: formula,
      title: t(`cockpit.table.${formula === 'lateCount' ? 'late' : 'missing'}`),
      align: 'right' as const,
      render: (_: unknown, line: Line) => {
        const f = figuresOf(line)[formula];
        return (
          <FigureExplain formula={formula} value={f.value} onShowProjects={show(line)}>
            {f.value}
          </FigureExplain>
        );
      },
    })),
    {
      key: 'warnings',
      title: t('cockpit.table.warnings'),
      children: warningColumns.map(([colour, measure, ink]) => ({
        key: `warning-${colour}`,
        title: <span style={{ color: ink }}>{t(`cockpit.table.${colour}`)}</span>,
        align: 'right' as const,
        width: 56,
        render: (_: unknown, line: Line) => {
          const count = figuresOf(line).warnings[colour];
          if (count === 0) return <Typography.Text type="secondary">0</Typography.Text>;
          return (
            <Typography.Link
              strong
              style={{ color: ink }}
              data-testid={`warning-${colour}`}
              onClick={() => onShowProjects(line.row, measure)}
            >
              {count}
            </Typography.Link>
          );
        },
      })),
    },
  ];

  return (
    <Table<Line>
      rowKey="key"
      size="small"
      loading={loading}
      dataSource={lines}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-unit={unit}
      data-testid="cockpit-table"
    />
  );
}
