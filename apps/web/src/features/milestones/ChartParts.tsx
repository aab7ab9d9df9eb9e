import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chartColours, type MonthTick, textWidth } from './gantt-geometry';

/** System fonts with Chinese glyphs first; the exported PNG is drawn with the same ones. */
export const chartFont = "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** A diamond centred on (x, y): filled for an actual date, hollow for a planned one. */
export function Diamond({
  x,
  y,
  size = 6,
  colour,
  isFilled = true,
  children,
}: {
  x: number;
  y: number;
  size?: number;
  colour: string;
  isFilled?: boolean;
  children?: ReactNode;
}) {
  return (
    <polygon
      points={`${x},${y - size} ${x + size},${y} ${x},${y + size} ${x - size},${y}`}
      fill={isFilled ? colour : '#ffffff'}
      stroke={colour}
      strokeWidth={isFilled ? 1 : 1.5}
    >
      {children}
    </polygon>
  );
}

/** Month grid lines over the plot and their labels in the axis band, years on a line above the months. */
export function MonthGrid({
  ticks,
  axisY,
  plotTop,
  plotBottom,
  width,
}: {
  ticks: readonly MonthTick[];
  width: number;
  axisY: number;
  plotTop: number;
  plotBottom: number;
}) {
  const { t } = useTranslation();
  return (
    <g>
      {ticks.map((tick) => (
        <g key={`${tick.year}-${tick.month}`}>
          <line x1={tick.x} x2={tick.x} y1={axisY} y2={plotBottom} stroke={chartColours.grid} />
          {tick.showsYear && (
            <text x={tick.x + 3} y={axisY + 12} fill={chartColours.text} fontSize={11} fontWeight={600}>
              {t('milestones.gantt.year', { year: tick.year })}
            </text>
          )}
          <text x={tick.x + 3} y={axisY + 27} fill={chartColours.muted} fontSize={11}>
            {t('milestones.gantt.month', { month: tick.month })}
          </text>
        </g>
      ))}
      <line x1={0} x2={width} y1={plotTop} y2={plotTop} stroke={chartColours.axis} />
    </g>
  );
}

/** The dashed 今天 line across the plot, labelled under it. */
export function TodayLine({ x, top, bottom }: { x: number; top: number; bottom: number }) {
  const { t } = useTranslation();
  return (
    <g>
      <line
        x1={x}
        x2={x}
        y1={top}
        y2={bottom}
        stroke={chartColours.today}
        strokeWidth={1.5}
        strokeDasharray="4 3"
      />
      <text x={x} y={bottom + 14} fill={chartColours.today} fontSize={11} textAnchor="middle">
        {t('milestones.gantt.today')}
      </text>
    </g>
  );
}

/** The solid 手续最早可开工 line across the plot, labelled with its date under it. */
export function EarliestStartLine({
  x,
  top,
  bottom,
  date,
  width,
}: {
  x: number;
  top: number;
  bottom: number;
  date: string;
  /** The chart's width: a label near an edge is anchored inside it. */
  width: number;
}) {
  const { t } = useTranslation();
  const anchor = x > width - 90 ? 'end' : x < 90 ? 'start' : 'middle';
  return (
    <g data-testid="gantt-earliest-start">
      <line x1={x} x2={x} y1={top} y2={bottom} stroke={chartColours.earliestStart} strokeWidth={1.5} />
      <text x={x} y={bottom + 28} fill={chartColours.earliestStart} fontSize={11} textAnchor={anchor}>
        {t('milestones.gantt.earliestStart', { date })}
      </text>
    </g>
  );
}

export type LegendEntry =
  | { kind: 'bar'; colour: string; label: string }
  | { kind: 'diamond'; colour: string; isFilled: boolean; label: string }
  | { kind: 'line'; colour: string; dashed: boolean; label: string };

/** A row of legend entries starting at (x, y), each sized by its label. */
export function Legend({ x, y, entries }: { x: number; y: number; entries: readonly LegendEntry[] }) {
  let cursor = x;
  return (
    <g>
      {entries.map((entry) => {
        const at = cursor;
        cursor += 30 + textWidth(entry.label, 11);
        return (
          <g key={entry.label}>
            {entry.kind === 'bar' && (
              <rect x={at} y={y - 5} width={14} height={10} rx={2} fill={entry.colour} />
            )}
            {entry.kind === 'diamond' && (
              <Diamond x={at + 7} y={y} size={5} colour={entry.colour} isFilled={entry.isFilled} />
            )}
            {entry.kind === 'line' && (
              <line
                x1={at + 7}
                x2={at + 7}
                y1={y - 7}
                y2={y + 7}
                stroke={entry.colour}
                strokeWidth={2}
                strokeDasharray={entry.dashed ? '3 2' : undefined}
              />
            )}
            <text x={at + 18} y={y + 4} fill={chartColours.text} fontSize={11}>
              {entry.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
