import { describe, expect, it } from 'vitest';
import {
  assertFactorDemandMove,
  assertMetWithinDemand,
  assertQuotaCoversAllocated,
  assertQuotaFits,
  type BoardDemand,
  type FactorDemandStatus,
  factorBoard,
  factorDemandMoves,
  factorDemandStatuses,
  factorFigures,
  isFactorDemandOverdue,
  mayRaiseFactorProblem,
  quotaSplit,
} from './factors';

const today = '2026-03-02';

describe('factor demand moves', () => {
  it.each([
    ['pending', 'inProgress'],
    ['pending', 'met'],
    ['pending', 'unmet'],
    ['inProgress', 'met'],
    ['inProgress', 'pending'],
    ['met', 'inProgress'],
    ['unmet', 'inProgress'],
    ['unmet', 'pending'],
  ] as [FactorDemandStatus, FactorDemandStatus][])('allows %s → %s', (from, to) => {
    expect(() => assertFactorDemandMove(from, to)).not.toThrow();
  });

  it('refuses every move outside the table, naming both statuses', () => {
    expect(() => assertFactorDemandMove('met', 'unmet')).toThrow('要素需求不能从「已保障」改为「无法保障」');
    expect(() => assertFactorDemandMove('met', 'pending')).toThrow('「已保障」改为「待保障」');
    let refused = 0;
    for (const from of factorDemandStatuses)
      for (const to of factorDemandStatuses)
        if (!factorDemandMoves[from].includes(to)) {
          expect(() => assertFactorDemandMove(from, to)).toThrow();
          refused += 1;
        }
    // 16 pairs (staying put included), 9 allowed.
    expect(refused).toBe(7);
  });
});

describe('overdue and raise as problem', () => {
  it.each([
    ['pending', '2026-03-01', null, true, true],
    ['inProgress', '2026-02-01', null, true, true],
    ['inProgress', '2026-03-02', null, false, false],
    ['met', '2026-01-01', null, false, false],
    ['unmet', '2026-05-01', null, false, true],
    ['unmet', '2026-01-01', null, false, true],
    ['pending', '2026-01-01', 'p1', true, false],
  ] as [FactorDemandStatus, string, string | null, boolean, boolean][])(
    'a %s demand needed by %s (problem %s) on 2026-03-02: overdue %s, may raise %s',
    (status, neededBy, problemId, overdue, raise) => {
      expect(isFactorDemandOverdue({ status, neededBy }, today)).toBe(overdue);
      expect(mayRaiseFactorProblem({ status, neededBy, problemId }, today)).toBe(raise);
    },
  );
});

describe('quantities', () => {
  it('refuses more met than needed, naming the unit', () => {
    expect(() => assertMetWithinDemand('120', '120', '亩')).not.toThrow();
    expect(() => assertMetWithinDemand('120', '120.5', '亩')).toThrow(
      '已保障数量 120.5 亩超过需求数量 120 亩',
    );
  });
});

describe('factor board', () => {
  const demands: (BoardDemand & { region: string | null })[] = [
    { type: 'land', status: 'met', neededBy: '2026-01-10', quantity: '120', metQuantity: '120', region: 'a' },
    {
      type: 'land',
      status: 'inProgress',
      neededBy: '2026-02-15',
      quantity: '85.5',
      metQuantity: '30',
      region: 'a',
    },
    {
      type: 'land',
      status: 'pending',
      neededBy: '2026-06-30',
      quantity: '40',
      metQuantity: '0',
      region: 'b',
    },
    {
      type: 'energy',
      status: 'unmet',
      neededBy: '2026-04-01',
      quantity: '3200',
      metQuantity: '0',
      region: 'b',
    },
    {
      type: 'energy',
      status: 'met',
      neededBy: '2026-02-01',
      quantity: '1800',
      metQuantity: '1800',
      region: 'a',
    },
    {
      type: 'utilities',
      status: 'pending',
      neededBy: '2026-02-20',
      quantity: '2',
      metQuantity: '0',
      region: 'b',
    },
    {
      type: 'finance',
      status: 'inProgress',
      neededBy: '2026-05-01',
      quantity: '50000',
      metQuantity: '20000',
      region: null,
    },
  ];
  const board = factorBoard(
    demands,
    [
      { code: 'a', name: '蕉城区' },
      { code: 'b', name: '福安市' },
    ],
    (d) => d.region,
    today,
  );

  it('counts and sums by type (hand count)', () => {
    const land = board.byType.find((r) => r.type === 'land')!;
    expect(land).toMatchObject({
      unit: '亩',
      total: 3,
      met: 1,
      inProgress: 1,
      pending: 1,
      overdue: 1,
      quantity: '245.5',
      metQuantity: '150',
    });
    expect(board.byType.find((r) => r.type === 'energy')).toMatchObject({
      total: 2,
      unmet: 1,
      quantity: '5000',
      metQuantity: '1800',
    });
    // Utilities come in units of their own: no sum.
    expect(board.byType.find((r) => r.type === 'utilities')).toMatchObject({
      total: 1,
      overdue: 1,
      quantity: null,
      unit: null,
    });
    expect(board.totals).toMatchObject({ total: 7, met: 2, overdue: 2, quantity: null });
  });

  it('counts by region and sums each fixed-unit type there', () => {
    const [a, b] = board.byRegion;
    expect(a).toMatchObject({ regionName: '蕉城区', total: 3, met: 2, overdue: 1 });
    expect(a!.quantities.find((q) => q.type === 'land')).toEqual({
      type: 'land',
      unit: '亩',
      quantity: '205.5',
      metQuantity: '150',
    });
    expect(b).toMatchObject({ total: 3, unmet: 1, overdue: 1 });
    expect(b!.quantities.find((q) => q.type === 'energy')!.quantity).toBe('3200');
    // The demand with no region counts in the types and totals only.
    expect(board.byRegion.reduce((n, r) => n + r.total, 0)).toBe(6);
  });

  it('sums nothing over a mix of types', () => {
    expect(factorFigures(demands, today, 'land').quantity).toBeNull();
  });
});

describe('quotas', () => {
  it('refuses an allocation past the quota, naming what remains', () => {
    expect(() =>
      assertQuotaFits({ kind: 'land', quota: '1000', allocated: ['400', '350'], amount: '250' }),
    ).not.toThrow();
    expect(() =>
      assertQuotaFits({ kind: 'land', quota: '1000', allocated: ['400', '350'], amount: '250.5' }),
    ).toThrow('分配后累计 1000.5 亩，超过用地指标 1000 亩（已分配 750 亩，尚可分配 250 亩）');
    expect(() => assertQuotaFits({ kind: 'energy', quota: '0', allocated: [], amount: '1' })).toThrow(
      '能耗指标',
    );
  });

  it('refuses a quota below what is allocated', () => {
    expect(() => assertQuotaCoversAllocated('land', '750', '750')).not.toThrow();
    expect(() => assertQuotaCoversAllocated('energy', '700', '750')).toThrow(
      '能耗指标 700 吨标准煤少于已分配给项目的 750 吨标准煤',
    );
  });

  it('splits allocations by real starts up to the as-of day', () => {
    expect(
      quotaSplit(
        [
          { amount: '300', actualStartOn: '2026-01-15' },
          { amount: '120.5', actualStartOn: null },
          { amount: '80', actualStartOn: '2026-04-01' },
          { amount: '50', actualStartOn: '2026-03-02' },
        ],
        today,
      ),
    ).toEqual({ allocated: '550.5', started: '350', unstarted: '200.5' });
  });
});
