import { describe, expect, it } from 'vitest';
import { nodesForReportMonth } from './report-month-nodes';

describe('the nodes a monthly report shows', () => {
  const nodes = [
    { code: 'start', plannedOn: '2026-03-20', actualOn: null },
    { code: 'signing', plannedOn: '2026-01-10', actualOn: '2026-01-12' },
    { code: 'land', plannedOn: '2026-02-27', actualOn: null },
    { code: 'filing', plannedOn: '2026-03-02', actualOn: '2026-03-01' },
    { code: 'structure', plannedOn: '2026-04-01', actualOn: null },
  ];

  it('are those planned in the month and the earlier ones not reached, in planned order', () => {
    expect(nodesForReportMonth(nodes, 2026, 3).map((n) => n.code)).toEqual(['land', 'filing', 'start']);
  });

  it.each([
    [2026, 1, ['signing']],
    [2026, 2, ['land']],
    [2025, 12, []],
  ])('for %i-%i: %j', (year, month, codes) => {
    expect(nodesForReportMonth(nodes, year, month).map((n) => n.code)).toEqual(codes);
  });
});
