import { describe, expect, it } from 'vitest';
import {
  dayOf,
  daysBetween,
  fitLabel,
  type GanttNodeInput,
  ganttMetrics,
  isoOf,
  layoutGantt,
  monthTicks,
  textWidth,
  timeAxis,
  xOf,
} from './gantt-geometry';

const node = (overrides: Partial<GanttNodeInput> & Pick<GanttNodeInput, 'id'>): GanttNodeInput => ({
  name: `节点 ${overrides.id}`,
  startOn: '2027-01-04',
  plannedOn: '2027-02-01',
  baselineOn: null,
  actualOn: null,
  overdue: false,
  ...overrides,
});

describe('dates as day numbers', () => {
  it.each([
    ['2026-12-31', '2027-01-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2027-02-28', '2027-03-01', 1],
    ['2027-03-01', '2027-02-01', -28],
  ])('counts %s to %s as %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('turns a day number back into its date', () => {
    expect(isoOf(dayOf('2027-10-31'))).toBe('2027-10-31');
  });
});

describe('timeAxis', () => {
  it('runs from the first of the earliest month to the first of the month after the latest', () => {
    const axis = timeAxis(['2027-03-15', '2026-11-20', '2027-01-02'], 100, 500, '2026-12-01');
    expect(isoOf(axis.fromDay)).toBe('2026-11-01');
    expect(isoOf(axis.toDay)).toBe('2027-04-01');
  });

  it('crosses the year end from December', () => {
    const axis = timeAxis(['2026-12-31'], 0, 100, '2026-12-31');
    expect([isoOf(axis.fromDay), isoOf(axis.toDay)]).toEqual(['2026-12-01', '2027-01-01']);
  });

  it('covers the month of the fallback when there is no date', () => {
    const axis = timeAxis([], 0, 100, '2027-05-20');
    expect([isoOf(axis.fromDay), isoOf(axis.toDay)]).toEqual(['2027-05-01', '2027-06-01']);
  });

  it('places dates proportionally between its ends', () => {
    const axis = timeAxis(['2027-01-10', '2027-02-10'], 100, 690, '2027-01-10');
    // January and February 2027: 59 days over 590 px.
    expect(xOf(axis, '2027-01-01')).toBe(100);
    expect(xOf(axis, '2027-03-01')).toBe(690);
    expect(xOf(axis, '2027-02-01')).toBeCloseTo(100 + 31 * 10);
  });
});

describe('monthTicks', () => {
  it('ticks every month when each has room, the year on the first and on January', () => {
    const axis = timeAxis(['2026-11-05', '2027-02-20'], 0, 800, '2026-11-05');
    const ticks = monthTicks(axis);
    expect(ticks.map((tick) => `${tick.year}-${tick.month}`)).toEqual([
      '2026-11',
      '2026-12',
      '2027-1',
      '2027-2',
    ]);
    expect(ticks.map((tick) => tick.showsYear)).toEqual([true, false, true, false]);
  });

  it('leaves the year off the first tick when a January follows too closely for both labels', () => {
    // December and January about 40 px apart: one year label only, on January.
    const axis = timeAxis(['2026-12-05', '2027-12-20'], 0, 520, '2026-12-05');
    const ticks = monthTicks(axis);
    expect(ticks.slice(0, 2).map((tick) => [tick.month, tick.showsYear])).toEqual([
      [12, false],
      [1, true],
    ]);
  });

  it('never puts a tick on the closing boundary (its label would leave the chart)', () => {
    const axis = timeAxis(['2027-01-05', '2027-03-20'], 0, 600, '2027-01-05');
    expect(monthTicks(axis).every((tick) => tick.x < axis.x1)).toBe(true);
  });

  it('thins to quarters aligned on the calendar when months are narrow', () => {
    // Thirty months: on 600 px (20 px a month) every second month is far enough apart (40 px);
    // on 420 px (14 px a month) it takes every third (42 px), the quarters.
    const wider = monthTicks(timeAxis(['2026-02-10', '2028-07-10'], 0, 600, '2026-02-10'));
    expect(wider.slice(0, 3).map((tick) => tick.month)).toEqual([3, 5, 7]);
    const axis = timeAxis(['2026-02-10', '2028-07-10'], 0, 420, '2026-02-10');
    const ticks = monthTicks(axis);
    expect(ticks.map((tick) => tick.month).every((month) => [1, 4, 7, 10].includes(month))).toBe(true);
    expect(ticks[0]).toMatchObject({ year: 2026, month: 4, showsYear: true });
    const gaps = ticks.slice(1).map((tick, index) => tick.x - (ticks[index]?.x ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(36);
  });

  it('falls back to one tick a year on a very long axis', () => {
    const axis = timeAxis(['2020-01-01', '2039-12-31'], 0, 720, '2020-01-01');
    const ticks = monthTicks(axis);
    expect(ticks.every((tick) => tick.month === 1 && tick.showsYear)).toBe(true);
    expect(ticks).toHaveLength(20);
  });
});

describe('fitLabel', () => {
  it('keeps a label that fits', () => {
    expect(fitLabel('开工', 100)).toBe('开工');
  });

  it('cuts a long Chinese label with an ellipsis inside the width', () => {
    const label = fitLabel('立项（审批/核准/备案）及方案设计', 100);
    expect(label.endsWith('…')).toBe(true);
    expect(textWidth(label, 12)).toBeLessThanOrEqual(100);
    expect(label.startsWith('立项')).toBe(true);
  });

  it('counts Latin letters narrower than Chinese characters', () => {
    expect(textWidth('abcd', 12)).toBeLessThan(textWidth('开工投产', 12));
  });
});

describe('layoutGantt', () => {
  const today = '2027-03-10';

  it('draws approvals in a band above the nodes, each row below the last', () => {
    const layout = layoutGantt(
      {
        approvals: [
          { id: 'a1', name: '立项', startOn: '2027-01-04', finishOn: '2027-01-20', colour: 'done' },
          { id: 'a2', name: '用地预审', startOn: '2027-01-21', finishOn: '2027-03-20', colour: 'overdue' },
        ],
        nodes: [node({ id: 'n1' }), node({ id: 'n2', startOn: '2027-02-01', plannedOn: '2027-04-01' })],
        today,
      },
      1078,
    );
    expect(layout.groups.map((group) => group.key)).toEqual(['approvals', 'nodes']);
    expect(layout.rows.map((row) => `${row.kind}:${row.id}`)).toEqual([
      'approval:a1',
      'approval:a2',
      'node:n1',
      'node:n2',
    ]);
    const ys = layout.rows.map((row) => row.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const [approvalsGroup, nodesGroup] = layout.groups;
    expect(layout.rows[1]!.y).toBeLessThan(nodesGroup!.y);
    expect(layout.rows[2]!.y).toBeGreaterThan(nodesGroup!.y);
    expect(approvalsGroup!.y).toBe(layout.plotTop);
    expect(layout.rows[1]).toMatchObject({ colour: '#cf1322' });
    expect(layout.plotBottom).toBeGreaterThan(layout.rows[3]!.y + ganttMetrics.rowHeight - 1);
  });

  it('marks the approvals’ earliest start on the axis, even beyond every bar', () => {
    const layout = layoutGantt(
      { approvals: [], nodes: [node({ id: 'n1' })], today, earliestStartOn: '2027-09-01' },
      1078,
    );
    expect(layout.earliestStartX).toBe(xOf(layout.axis, '2027-09-01'));
    expect(layout.earliestStartX!).toBeGreaterThan(layout.todayX);
    expect(layout.earliestStartX!).toBeLessThanOrEqual(1078 - ganttMetrics.rightPadding);
    expect(
      layoutGantt({ approvals: [], nodes: [node({ id: 'n1' })], today }, 1078).earliestStartX,
    ).toBeNull();
  });

  it('has no approval band when there are no approvals', () => {
    const layout = layoutGantt({ approvals: [], nodes: [node({ id: 'n1' })], today }, 1078);
    expect(layout.groups).toEqual([]);
    expect(layout.rows[0]!.y).toBe(layout.plotTop);
  });

  it('runs a node bar from its start to its planned date and marks baseline and actual dates', () => {
    const layout = layoutGantt(
      {
        approvals: [],
        nodes: [
          node({ id: 'moved', baselineOn: '2027-01-20', plannedOn: '2027-02-01', overdue: true }),
          node({ id: 'kept', baselineOn: '2027-02-01', plannedOn: '2027-02-01' }),
          node({ id: 'reached', plannedOn: '2027-02-01', actualOn: '2027-02-03' }),
        ],
        today,
      },
      1078,
    );
    const [moved, kept, reached] = layout.rows;
    if (moved?.kind !== 'node' || kept?.kind !== 'node' || reached?.kind !== 'node') throw new Error('nodes');
    expect(moved.bar.x).toBeCloseTo(xOf(layout.axis, '2027-01-04'));
    expect(moved.bar.x + moved.bar.width).toBeCloseTo(xOf(layout.axis, '2027-02-01'));
    expect(moved.baselineX).toBeCloseTo(xOf(layout.axis, '2027-01-20'));
    expect(moved.tone).toBe('overdue');
    expect(kept.baselineX).toBeNull();
    expect(kept.tone).toBe('open');
    expect(reached.actualX).toBeCloseTo(xOf(layout.axis, '2027-02-03'));
    expect(reached.tone).toBe('done');
  });

  it('gives a zero-day node a visible bar', () => {
    const layout = layoutGantt(
      { approvals: [], nodes: [node({ id: 'sign', startOn: '2027-01-04', plannedOn: '2027-01-04' })], today },
      1078,
    );
    expect(layout.rows[0]!.bar.width).toBeGreaterThanOrEqual(3);
  });

  it('keeps today and every date inside the plotting area', () => {
    const layout = layoutGantt(
      { approvals: [], nodes: [node({ id: 'n1', startOn: '2027-05-06', plannedOn: '2027-09-30' })], today },
      1078,
    );
    expect(layout.todayX).toBeGreaterThanOrEqual(layout.labelWidth);
    const row = layout.rows[0]!;
    expect(row.bar.x + row.bar.width).toBeLessThanOrEqual(layout.width - ganttMetrics.rightPadding);
  });

  it('fits the width it is given on a desktop and never goes under 720 px', () => {
    const input = { approvals: [], nodes: [node({ id: 'n1' })], today };
    expect(layoutGantt(input, 1078).width).toBe(1078);
    expect(layoutGantt(input, 360).width).toBe(720);
  });

  it('cuts long names to the label column and keeps the whole name for the tooltip', () => {
    const name = '方案及初步设计（含可研、能评、环评、水保、地灾评估）';
    const layout = layoutGantt({ approvals: [], nodes: [node({ id: 'n1', name })], today }, 900);
    const row = layout.rows[0]!;
    expect(row.name).toBe(name);
    expect(row.label).not.toBe(name);
    expect(textWidth(row.label, 12)).toBeLessThanOrEqual(layout.labelWidth - 16);
  });
});
