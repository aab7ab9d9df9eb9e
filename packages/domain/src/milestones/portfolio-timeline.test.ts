import { describe, expect, it } from 'vitest';
import { nextMonth, type TimelineNode, timelineMonths, timelineRow } from './portfolio-timeline';

const node = (name: string, startOn: string, plannedOn: string, extra: Partial<TimelineNode> = {}) => ({
  name,
  startOn,
  plannedOn,
  actualOn: null,
  overdue: false,
  ...extra,
});

describe('the portfolio text Gantt', () => {
  it.each([
    ['2026-01', '2026-02'],
    ['2026-12', '2027-01'],
  ])('steps from %s to %s', (from, to) => expect(nextMonth(from)).toBe(to));

  it('spans the months from the earliest start to the latest planned or actual date, capped', () => {
    const rows = [[node('签约', '2025-11-20', '2025-12-01')], [node('开工', '2026-01-05', '2026-02-10')]];
    expect(timelineMonths(rows)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(timelineMonths(rows, 2)).toEqual(['2025-11', '2025-12']);
    expect(timelineMonths([])).toEqual([]);
  });

  it('names the nodes of each month and fills overdue red, all reached green, the span blue', () => {
    const nodes = [
      node('签约', '2026-01-05', '2026-01-05', { actualOn: '2026-01-06' }),
      node('供地', '2026-01-06', '2026-02-27', { overdue: true }),
      node('开工', '2026-03-02', '2026-04-28'),
    ];
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
    expect(timelineRow(nodes, months)).toEqual([
      { month: '2025-12', names: [], fill: 'none' },
      { month: '2026-01', names: ['签约'], fill: 'reached' },
      { month: '2026-02', names: ['供地'], fill: 'overdue' },
      { month: '2026-03', names: [], fill: 'planned' },
      { month: '2026-04', names: ['开工'], fill: 'planned' },
      { month: '2026-05', names: [], fill: 'none' },
    ]);
  });
});
