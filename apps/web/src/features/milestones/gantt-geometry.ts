/**
 * Pure geometry of the milestone charts (时间节点图): dates to x on a month-aligned axis, month ticks
 * that never crowd, label fitting, and the rows of the project Gantt (the portfolio chart, built on
 * the same axis, is in portfolio-layout.ts). The
 * components only draw what these functions place, so the placing is tested here.
 */

const dayMs = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD), counted in UTC so no time zone shifts a day. */
export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / dayMs);

/** The ISO date of a day number. */
export const isoOf = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayOf(to) - dayOf(from);

/** A time axis from the first day of a month to the first day of a later month, drawn from x0 to x1. */
export interface TimeAxis {
  fromDay: number;
  toDay: number;
  x0: number;
  x1: number;
}

const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
const nextMonthStart = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};

/**
 * The axis covering every date given: from the first of the earliest date's month to the first of
 * the month after the latest, so bars never touch the edges. Empty input: the month of `fallback`.
 */
export function timeAxis(dates: readonly string[], x0: number, x1: number, fallback: string): TimeAxis {
  const sorted = dates.filter((date) => date.length >= 10).sort();
  const first = sorted[0] ?? fallback;
  const last = sorted.at(-1) ?? fallback;
  return { fromDay: dayOf(monthStart(first)), toDay: dayOf(nextMonthStart(last)), x0, x1 };
}

/** The x of a date on the axis (dates outside it are placed proportionally beyond its ends). */
export function xOf(axis: TimeAxis, iso: string): number {
  const span = Math.max(1, axis.toDay - axis.fromDay);
  return axis.x0 + ((dayOf(iso) - axis.fromDay) / span) * (axis.x1 - axis.x0);
}

export interface MonthTick {
  x: number;
  year: number;
  month: number;
  /** Every January carries its year (on a line above the months), and so does the first tick when it has room. */
  showsYear: boolean;
}

/** Room a year label (2027年) needs before the next one. */
const yearLabelGap = 44;

/** Months between ticks, the shortest that leaves at least `minGap` pixels between labels. */
const tickSteps = [1, 2, 3, 6, 12] as const;

/**
 * Month ticks on the axis: every month when there is room, otherwise every 2, 3, 6 or 12 months
 * (aligned to the calendar: quarters start in January, April …), so labels never overlap. Years
 * stand on their own line: at each January, and at the first tick unless a January follows too closely.
 */
export function monthTicks(axis: TimeAxis, minGap = 36): MonthTick[] {
  const from = isoOf(axis.fromDay);
  const to = isoOf(axis.toDay);
  const months: { iso: string; year: number; month: number }[] = [];
  for (let iso = from; iso < to; iso = nextMonthStart(iso))
    months.push({ iso, year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });
  const monthCount = Math.max(1, months.length);
  const perMonth = (axis.x1 - axis.x0) / monthCount;
  const step = tickSteps.find((candidate) => candidate * perMonth >= minGap) ?? 12;
  const shown = months
    .filter(({ year, month }) => (year * 12 + month - 1) % step === 0)
    .map(({ iso, year, month }) => ({ x: xOf(axis, iso), year, month, showsYear: month === 1 }));
  const first = shown[0];
  if (first && !first.showsYear) {
    const nextJanuary = shown.find((tick) => tick.showsYear);
    first.showsYear = !nextJanuary || nextJanuary.x - first.x >= yearLabelGap;
  }
  return shown;
}

/** Rough width of a text at a font size: CJK and full-width characters square, others about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.6;
  return width;
}

/** The text cut (with …) to fit `maxWidth` pixels; the whole text when it fits. */
export function fitLabel(text: string, maxWidth: number, fontSize = 12): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', fontSize);
  let kept = '';
  for (const char of text) {
    if (textWidth(kept + char, fontSize) > room) break;
    kept += char;
  }
  return `${kept}…`;
}

/** The state of a node as drawn and listed: reached, late (not reached, planned date passed), or open. */
export type NodeTone = 'done' | 'overdue' | 'open';

export const nodeTone = (node: { actualOn: string | null; overdue: boolean }): NodeTone =>
  node.actualOn ? 'done' : node.overdue ? 'overdue' : 'open';

/** Colours of the charts (also used by the legend). */
export const chartColours = {
  open: '#1677ff',
  done: '#52c41a',
  overdue: '#f5222d',
  baseline: '#8c8c8c',
  today: '#fa8c16',
  earliestStart: '#722ed1',
  grid: '#f0f0f0',
  axis: '#d9d9d9',
  text: '#262626',
  muted: '#8c8c8c',
} as const;

/** Bar colours of the approval time-limit colours (未计时 grey, 已办结 green). */
export const approvalBarColours = {
  none: '#bfbfbf',
  green: '#52c41a',
  yellow: '#faad14',
  red: '#fa541c',
  overdue: '#cf1322',
  done: '#95de64',
} as const;
export type ApprovalBarColour = keyof typeof approvalBarColours;

export interface GanttApprovalInput {
  id: string;
  name: string;
  startOn: string;
  finishOn: string;
  colour: ApprovalBarColour;
}

export interface GanttNodeInput {
  id: string;
  name: string;
  startOn: string;
  plannedOn: string;
  baselineOn: string | null;
  actualOn: string | null;
  overdue: boolean;
}

export interface GanttBar {
  x: number;
  width: number;
}

export type GanttRow =
  | { kind: 'approval'; id: string; label: string; name: string; y: number; bar: GanttBar; colour: string }
  | {
      kind: 'node';
      id: string;
      label: string;
      name: string;
      y: number;
      bar: GanttBar;
      tone: NodeTone;
      /** The planned date's x (the bar's end). */
      plannedX: number;
      /** Where the baseline date lies, when it differs from the planned one. */
      baselineX: number | null;
      actualX: number | null;
    };

export interface GanttLayout {
  width: number;
  height: number;
  labelWidth: number;
  /** y of the month labels and of the top of the plotting area. */
  axisY: number;
  plotTop: number;
  plotBottom: number;
  axis: TimeAxis;
  ticks: MonthTick[];
  todayX: number;
  /** x of the approvals' earliest start (手续最早可开工), when there is one. */
  earliestStartX: number | null;
  /** Group headings (前期手续 / 节点) with the y of their band. */
  groups: { key: 'approvals' | 'nodes'; y: number }[];
  rows: GanttRow[];
}

export const ganttMetrics = {
  headerHeight: 44,
  axisHeight: 32,
  groupHeight: 22,
  rowHeight: 26,
  barHeight: 12,
  rightPadding: 16,
  minWidth: 720,
} as const;

const minBarWidth = 3;
/** Room under the plot for the 今天 label. */
export const todayLabelRoom = 20;

export function barBetween(axis: TimeAxis, from: string, to: string): GanttBar {
  const start = xOf(axis, from);
  const end = xOf(axis, to < from ? from : to);
  return { x: start, width: Math.max(minBarWidth, end - start) };
}

/**
 * The project's 时间节点图: approvals (when any) in a band above the nodes, one row each; a node's bar
 * runs from its start to its planned date, with its baseline date (when it moved), its actual date and
 * its tone; the axis covers every date drawn and today. `width` is the box (never under 720 px, the
 * box scrolls instead).
 */
export function layoutGantt(
  input: {
    approvals: readonly GanttApprovalInput[];
    nodes: readonly GanttNodeInput[];
    today: string;
    /** 手续最早可开工: drawn as a marker line and kept on the axis. */
    earliestStartOn?: string | null;
  },
  width: number,
): GanttLayout {
  const m = ganttMetrics;
  const chartWidth = Math.max(m.minWidth, Math.floor(width));
  const labelWidth = Math.round(Math.min(220, Math.max(140, chartWidth * 0.2)));
  const dates = [
    input.today,
    ...(input.earliestStartOn ? [input.earliestStartOn] : []),
    ...input.approvals.flatMap((item) => [item.startOn, item.finishOn]),
    ...input.nodes.flatMap((node) =>
      [node.startOn, node.plannedOn, node.baselineOn, node.actualOn].filter((d): d is string => d !== null),
    ),
  ];
  const axis = timeAxis(dates, labelWidth, chartWidth - m.rightPadding, input.today);
  const axisY = m.headerHeight;
  const plotTop = axisY + m.axisHeight;
  const labelRoom = labelWidth - 16;
  const groups: GanttLayout['groups'] = [];
  const rows: GanttRow[] = [];
  let y = plotTop;
  if (input.approvals.length > 0) {
    groups.push({ key: 'approvals', y });
    y += m.groupHeight;
    for (const item of input.approvals) {
      rows.push({
        kind: 'approval',
        id: item.id,
        name: item.name,
        label: fitLabel(item.name, labelRoom),
        y,
        bar: barBetween(axis, item.startOn, item.finishOn),
        colour: approvalBarColours[item.colour],
      });
      y += m.rowHeight;
    }
    groups.push({ key: 'nodes', y });
    y += m.groupHeight;
  }
  for (const node of input.nodes) {
    rows.push({
      kind: 'node',
      id: node.id,
      name: node.name,
      label: fitLabel(node.name, labelRoom),
      y,
      bar: barBetween(axis, node.startOn, node.plannedOn),
      tone: nodeTone(node),
      plannedX: xOf(axis, node.plannedOn),
      baselineX: node.baselineOn && node.baselineOn !== node.plannedOn ? xOf(axis, node.baselineOn) : null,
      actualX: node.actualOn ? xOf(axis, node.actualOn) : null,
    });
    y += m.rowHeight;
  }
  const plotBottom = y + 4;
  return {
    width: chartWidth,
    // The 手续最早可开工 label sits on its own line under the 今天 label.
    height: plotBottom + todayLabelRoom + (input.earliestStartOn ? todayLabelRoom - 6 : 0),
    labelWidth,
    axisY,
    plotTop,
    plotBottom,
    axis,
    ticks: monthTicks(axis),
    todayX: xOf(axis, input.today),
    earliestStartX: input.earliestStartOn ? xOf(axis, input.earliestStartOn) : null,
    groups,
    rows,
  };
}
