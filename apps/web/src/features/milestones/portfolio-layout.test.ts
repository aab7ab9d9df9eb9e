import { describe, expect, it } from 'vitest';
import { isoOf, xOf } from './gantt-geometry';
import { layoutPortfolio, type PortfolioProjectInput } from './portfolio-layout';

type Node = PortfolioProjectInput['nodes'][number];
const node = (overrides: Partial<Node> & Pick<Node, 'code'>): Node => ({
  name: `节点 ${overrides.code}`,
  startOn: '2027-01-04',
  plannedOn: '2027-02-01',
  baselineOn: null,
  actualOn: null,
  overdue: false,
  ...overrides,
});

describe('layoutPortfolio', () => {
  it('puts one row per project on a shared axis with its span and markers', () => {
    const layout = layoutPortfolio(
      [
        {
          projectId: 'p1',
          projectName: '宁德港漳湾作业区',
          nodes: [
            node({ code: 'signing', startOn: '2026-10-01', plannedOn: '2026-10-01', actualOn: '2026-10-08' }),
            node({ code: 'start', startOn: '2026-11-01', plannedOn: '2027-02-01', overdue: true }),
          ],
        },
        { projectId: 'p2', projectName: '三都澳大桥', nodes: [] },
      ],
      '2027-03-01',
      1000,
    );
    expect(layout.rows.map((row) => row.projectId)).toEqual(['p1', 'p2']);
    const [first, second] = layout.rows;
    expect(second!.y - first!.y).toBe(30);
    expect(first!.span!.x).toBeCloseTo(xOf(layout.axis, '2026-10-01'));
    expect(first!.span!.x + first!.span!.width).toBeCloseTo(xOf(layout.axis, '2027-02-01'));
    expect(first!.markers.map((marker) => marker.tone)).toEqual(['done', 'overdue']);
    expect(first!.markers[0]!.actualX).toBeCloseTo(xOf(layout.axis, '2026-10-08'));
    expect(first!.hasOverdue).toBe(true);
    expect(second!.span).toBeNull();
    expect(isoOf(layout.axis.fromDay)).toBe('2026-10-01');
    expect(isoOf(layout.axis.toDay)).toBe('2027-04-01');
  });
});
