import {
  barBetween,
  fitLabel,
  type GanttBar,
  ganttMetrics,
  type MonthTick,
  monthTicks,
  type NodeTone,
  nodeTone,
  type TimeAxis,
  timeAxis,
  todayLabelRoom,
  xOf,
} from './gantt-geometry';

export interface PortfolioProjectInput {
  projectId: string;
  projectName: string;
  nodes: readonly {
    code: string;
    name: string;
    startOn: string;
    plannedOn: string;
    baselineOn: string | null;
    actualOn: string | null;
    overdue: boolean;
  }[];
}

export interface PortfolioMarker {
  code: string;
  name: string;
  plannedOn: string;
  actualOn: string | null;
  plannedX: number;
  actualX: number | null;
  tone: NodeTone;
}

export interface PortfolioRow {
  projectId: string;
  name: string;
  label: string;
  y: number;
  /** The thin line from the first node's start to the last date of the project. */
  span: GanttBar | null;
  markers: PortfolioMarker[];
  hasOverdue: boolean;
}

export interface PortfolioLayout {
  width: number;
  height: number;
  labelWidth: number;
  axisY: number;
  plotTop: number;
  plotBottom: number;
  axis: TimeAxis;
  ticks: MonthTick[];
  todayX: number;
  rows: PortfolioRow[];
}

export const portfolioMetrics = { headerHeight: 44, axisHeight: 32, rowHeight: 30, minWidth: 720 } as const;

/**
 * The 时间节点图 of many projects: one row per project on one time axis, each node a diamond at its
 * planned date (hollow) and at its actual date (filled), late ones red, and a thin line over the
 * project's whole span.
 */
export function layoutPortfolio(
  projects: readonly PortfolioProjectInput[],
  today: string,
  width: number,
): PortfolioLayout {
  const m = portfolioMetrics;
  const chartWidth = Math.max(m.minWidth, Math.floor(width));
  const labelWidth = Math.round(Math.min(240, Math.max(150, chartWidth * 0.2)));
  const dates = [
    today,
    ...projects.flatMap((project) =>
      project.nodes.flatMap((node) =>
        [node.startOn, node.plannedOn, node.actualOn].filter((d): d is string => d !== null),
      ),
    ),
  ];
  const axis = timeAxis(dates, labelWidth, chartWidth - ganttMetrics.rightPadding, today);
  const axisY = m.headerHeight;
  const plotTop = axisY + m.axisHeight;
  const rows = projects.map((project, index): PortfolioRow => {
    const y = plotTop + index * m.rowHeight;
    const own = project.nodes.flatMap((node) =>
      [node.startOn, node.plannedOn, node.actualOn].filter((d): d is string => d !== null),
    );
    own.sort();
    const first = own[0];
    const last = own.at(-1);
    return {
      projectId: project.projectId,
      name: project.projectName,
      label: fitLabel(project.projectName, labelWidth - 16),
      y,
      span: first && last ? barBetween(axis, first, last) : null,
      markers: project.nodes.map((node) => ({
        code: node.code,
        name: node.name,
        plannedOn: node.plannedOn,
        actualOn: node.actualOn,
        plannedX: xOf(axis, node.plannedOn),
        actualX: node.actualOn ? xOf(axis, node.actualOn) : null,
        tone: nodeTone(node),
      })),
      hasOverdue: project.nodes.some((node) => node.overdue),
    };
  });
  const plotBottom = plotTop + rows.length * m.rowHeight + 4;
  return {
    width: chartWidth,
    height: plotBottom + todayLabelRoom,
    labelWidth,
    axisY,
    plotTop,
    plotBottom,
    axis,
    ticks: monthTicks(axis),
    todayX: xOf(axis, today),
    rows,
  };
}
