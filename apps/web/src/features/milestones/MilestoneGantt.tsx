import type { ProjectApprovals, ProjectMilestones } from '@tuijin/contracts';
import { type Ref, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  chartFont,
  Diamond,
  EarliestStartLine,
  Legend,
  type LegendEntry,
  MonthGrid,
  TodayLine,
} from './ChartParts';
import {
  chartColours,
  type GanttApprovalInput,
  type GanttRow,
  ganttMetrics,
  layoutGantt,
  type NodeTone,
} from './gantt-geometry';
import { earliestStartMarker } from './milestone-logic';
import { useElementWidth } from './use-element-width';

const toneColours: Record<NodeTone, string> = {
  open: chartColours.open,
  done: chartColours.done,
  overdue: chartColours.overdue,
};

/** The approval rows of the chart: items the schedule places, in checklist order, with their colour. */
export function ganttApprovals(approvals: ProjectApprovals | undefined): GanttApprovalInput[] {
  if (!approvals) return [];
  const planned = new Map(approvals.schedule.items.map((item) => [item.id, item]));
  return approvals.items.flatMap((item) => {
    const schedule = planned.get(item.id);
    return schedule
      ? [
          {
            id: item.id,
            name: item.name,
            startOn: schedule.startOn,
            finishOn: schedule.finishOn,
            colour: item.timing.colour,
          },
        ]
      : [];
  });
}

interface MilestoneGanttProps {
  plan: ProjectMilestones;
  approvals: ProjectApprovals | undefined;
  svgRef: Ref<SVGSVGElement>;
}

/**
 * 时间节点图 of one project: the approvals (coloured by their time limit) above the nodes; each node a
 * bar from its start to its planned date (red when late, green once reached), its baseline date as a
 * dashed tick when the plan moved, a diamond on its actual date; month ticks and a 今天 line. It takes
 * the width of its box and scrolls sideways inside it below 720 px.
 */
export function MilestoneGantt({ plan, approvals, svgRef }: MilestoneGanttProps) {
  const { t } = useTranslation();
  const [box, width] = useElementWidth<HTMLDivElement>();
  const earliestOn = earliestStartMarker(plan);
  const layout = useMemo(
    () =>
      layoutGantt(
        {
          approvals: ganttApprovals(approvals),
          nodes: plan.nodes,
          today: plan.today,
          earliestStartOn: earliestOn,
        },
        width || ganttMetrics.minWidth,
      ),
    [approvals, plan.nodes, plan.today, earliestOn, width],
  );
  const m = ganttMetrics;
  const barTop = (m.rowHeight - m.barHeight) / 2;
  const legend: LegendEntry[] = [
    { kind: 'bar', colour: chartColours.open, label: t('milestones.gantt.legendPlan') },
    { kind: 'bar', colour: chartColours.done, label: t('milestones.gantt.legendDone') },
    { kind: 'bar', colour: chartColours.overdue, label: t('milestones.gantt.legendOverdue') },
    {
      kind: 'line',
      colour: chartColours.baseline,
      dashed: true,
      label: t('milestones.gantt.legendBaseline'),
    },
    { kind: 'diamond', colour: '#237804', isFilled: true, label: t('milestones.gantt.legendActual') },
    { kind: 'line', colour: chartColours.today, dashed: true, label: t('milestones.gantt.today') },
    ...(earliestOn
      ? [
          {
            kind: 'line' as const,
            colour: chartColours.earliestStart,
            dashed: false,
            label: t('milestones.gantt.legendEarliestStart'),
          },
        ]
      : []),
  ];

  const nodeRow = (row: Extract<GanttRow, { kind: 'node' }>) => {
    const node = plan.nodes.find((candidate) => candidate.id === row.id);
    const centre = row.y + m.rowHeight / 2;
    return (
      <g key={`node-${row.id}`} data-testid="gantt-node" data-tone={row.tone}>
        <rect
          x={row.bar.x}
          y={row.y + barTop}
          width={row.bar.width}
          height={m.barHeight}
          rx={2}
          fill={toneColours[row.tone]}
          fillOpacity={0.85}
        >
          <title>
            {t('milestones.gantt.tipNode', {
              name: row.name,
              start: node?.startOn ?? '',
              planned: node?.plannedOn ?? '',
            })}
          </title>
        </rect>
        {row.baselineX !== null && (
          <line
            x1={row.baselineX}
            x2={row.baselineX}
            y1={row.y + 2}
            y2={row.y + m.rowHeight - 2}
            stroke={chartColours.baseline}
            strokeWidth={2}
            strokeDasharray="3 2"
          >
            <title>{t('milestones.gantt.tipBaseline', { date: node?.baselineOn ?? '' })}</title>
          </line>
        )}
        {row.actualX !== null && (
          <Diamond x={row.actualX} y={centre} colour="#237804">
            <title>{t('milestones.gantt.tipActual', { date: node?.actualOn ?? '' })}</title>
          </Diamond>
        )}
      </g>
    );
  };

  const approvalRow = (row: Extract<GanttRow, { kind: 'approval' }>) => {
    const item = approvals?.items.find((candidate) => candidate.id === row.id);
    const schedule = approvals?.schedule.items.find((candidate) => candidate.id === row.id);
    return (
      <rect
        key={`approval-${row.id}`}
        data-testid="gantt-approval"
        x={row.bar.x}
        y={row.y + barTop}
        width={row.bar.width}
        height={m.barHeight}
        rx={2}
        fill={row.colour}
      >
        <title>
          {t('milestones.gantt.tipApproval', {
            name: row.name,
            start: schedule?.startOn ?? '',
            finish: schedule?.finishOn ?? '',
            colour: item ? t(`approvals.colour.${item.timing.colour}`) : '',
          })}
        </title>
      </rect>
    );
  };

  return (
    <div ref={box} className="tj-chart-scroll" data-testid="milestone-gantt">
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        fontFamily={chartFont}
        fontSize={12}
        role="img"
        aria-label={t('milestones.gantt.titleOf', { name: plan.projectName })}
      >
        <rect width={layout.width} height={layout.height} fill="#ffffff" />
        <text x={8} y={18} fontSize={14} fontWeight={600} fill={chartColours.text}>
          {t('milestones.gantt.titleOf', { name: plan.projectName })}
        </text>
        <Legend x={8} y={34} entries={legend} />
        <MonthGrid
          ticks={layout.ticks}
          width={layout.width}
          axisY={layout.axisY}
          plotTop={layout.plotTop}
          plotBottom={layout.plotBottom}
        />
        {layout.groups.map((group) => (
          <g key={group.key}>
            <rect x={0} y={group.y} width={layout.width} height={m.groupHeight} fill="#fafafa" />
            <text x={8} y={group.y + 15} fontWeight={600} fill={chartColours.text}>
              {t(`milestones.gantt.${group.key}`)}
            </text>
          </g>
        ))}
        {layout.rows.map((row) => (
          <g key={`${row.kind}-${row.id}`}>
            <line
              x1={0}
              x2={layout.width}
              y1={row.y + m.rowHeight}
              y2={row.y + m.rowHeight}
              stroke={chartColours.grid}
            />
            <text x={8} y={row.y + 17} fill={chartColours.text}>
              {row.label}
              <title>{row.name}</title>
            </text>
          </g>
        ))}
        {layout.rows.map((row) => (row.kind === 'node' ? nodeRow(row) : approvalRow(row)))}
        <TodayLine x={layout.todayX} top={layout.axisY} bottom={layout.plotBottom} />
        {layout.earliestStartX !== null && earliestOn && (
          <EarliestStartLine
            x={layout.earliestStartX}
            top={layout.axisY}
            bottom={layout.plotBottom}
            date={earliestOn}
            width={layout.width}
          />
        )}
      </svg>
    </div>
  );
}
