import { describe, expect, it } from 'vitest';
import { parseQuarter, quartersUpTo } from './quarter';
import {
  assertEvaluationRules,
  type EvaluationRules,
  evaluationPresets,
  evaluationRulesProblems,
} from './scheme';
import { competitionRanks, type EntityInput, scoreEntities } from './score';
import { whatItTakes } from './what-it-takes';

const rules: EvaluationRules = {
  indicators: [
    { key: 'planCompletionRate', weight: '40' },
    { key: 'startRate', weight: '20' },
    { key: 'newStarts', weight: '10' },
    { key: 'problemResolution', weight: '15' },
    { key: 'reportingTimeliness', weight: '15' },
  ],
  redTopN: 2,
  blackBottomM: 2,
  requireTimeProgress: true,
  passScore: null,
};

const q3 = parseQuarter('2026Q3');

function entity(
  code: string,
  f: {
    plan: [string, string];
    start: [number, number];
    news: number;
    prob: [number, number];
    rep: [number, number];
  },
  extra: Partial<EntityInput> = {},
): EntityInput {
  return {
    code,
    name: `区${code}`,
    figures: {
      planCompletionRate: { numerator: f.plan[0], denominator: f.plan[1] },
      startRate: { numerator: String(f.start[0]), denominator: String(f.start[1]) },
      newStarts: { numerator: String(f.news), denominator: '0' },
      problemResolution: { numerator: String(f.prob[0]), denominator: String(f.prob[1]) },
      reportingTimeliness: { numerator: String(f.rep[0]), denominator: String(f.rep[1]) },
    },
    adjustments: [],
    exemptionReason: null,
    ...extra,
  };
}

describe('parseQuarter', () => {
  it.each([
    ['2026Q1', 1, 3, '2026-01-01', '2026-03-31'],
    ['2026Q3', 7, 9, '2026-07-01', '2026-09-30'],
    ['2026Q4', 10, 12, '2026-10-01', '2026-12-31'],
  ])('reads %s', (key, startMonth, endMonth, startDate, endDate) => {
    expect(parseQuarter(key)).toMatchObject({ startMonth, endMonth, startDate, endDate });
  });

  it.each(['2026Q5', '2026-3', 'Q3', ''])('refuses %j naming the field', (key) => {
    expect(() => parseQuarter(key)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('lists the quarters of the year so far', () => {
    expect(quartersUpTo('2026Q3')).toEqual(['2026Q1', '2026Q2', '2026Q3']);
  });
});

describe('scheme rules', () => {
  it('accepts the preset', () => {
    expect(() => assertEvaluationRules(evaluationPresets.standard.rules)).not.toThrow();
  });

  it('names every bad field', () => {
    const problems = evaluationRulesProblems({
      ...rules,
      indicators: [
        { key: 'startRate', weight: '0' },
        { key: 'startRate', weight: '1.234' },
      ],
      passScore: 'x',
    });
    expect(problems.map((p) => p.path)).toEqual([
      'indicators.0.weight',
      'indicators.1.key',
      'indicators.1.weight',
      'passScore',
    ]);
  });
});

describe('competitionRanks', () => {
  it('gives equal totals the same rank and skips the next', () => {
    expect(competitionRanks(['90.00', '85.50', '85.50', '70.00'])).toEqual([1, 2, 2, 4]);
  });
});

describe('scoreEntities', () => {
  const entities = [
    // 80% plan (≥ 75% time progress), 9/10 starts, 4 new (best), 9/10 problems, 27/30 reports.
    entity('A', { plan: ['800', '1000'], start: [9, 10], news: 4, prob: [9, 10], rep: [27, 30] }),
    // 60% plan: misses the target.
    entity('B', { plan: ['600', '1000'], start: [5, 10], news: 2, prob: [1, 2], rep: [15, 30] }),
    // 120% plan is capped at 100%; no problems received → full points.
    entity('C', { plan: ['1200', '1000'], start: [2, 2], news: 1, prob: [0, 0], rep: [30, 30] }),
    entity('D', { plan: ['100', '1000'], start: [0, 4], news: 0, prob: [0, 3], rep: [0, 30] }),
  ];

  it('breaks every score into numerator, denominator, rate, weight and points', () => {
    const [c, a] = scoreEntities({ rules, quarter: q3, entities });
    expect(a!.code).toBe('A');
    expect(a!.indicators).toEqual([
      expect.objectContaining({
        key: 'planCompletionRate',
        numerator: '800',
        denominator: '1000',
        percent: '80.0',
        weight: '40',
        points: '32.00',
      }),
      expect.objectContaining({ key: 'startRate', percent: '90.0', points: '18.00' }),
      expect.objectContaining({
        key: 'newStarts',
        numerator: '4',
        denominator: '4',
        percent: '100.0',
        points: '10.00',
      }),
      expect.objectContaining({ key: 'problemResolution', percent: '90.0', points: '13.50' }),
      expect.objectContaining({ key: 'reportingTimeliness', percent: '90.0', points: '13.50' }),
    ]);
    expect(a!.total).toBe('87.00');
    expect(c!.indicators[0]).toMatchObject({ percent: '120.0', scoredPercent: '100.0', points: '40.00' });
    expect(c!.indicators[3]).toMatchObject({ isNotApplicable: true, percent: null, points: '15.00' });
    // new starts relative to the best: 1 of 4 → 25% of 10 points.
    expect(c!.indicators[2]).toMatchObject({ numerator: '1', denominator: '4', points: '2.50' });
    expect(c!.total).toBe('92.50');
  });

  it('lists the top N that met the target red and the bottom M that missed it black', () => {
    const results = scoreEntities({ rules, quarter: q3, entities });
    expect(results.map((r) => [r.code, r.rank, r.isTargetMet, r.list])).toEqual([
      ['C', 1, true, 'red'],
      ['A', 2, true, 'red'],
      ['B', 3, false, 'black'],
      ['D', 4, false, 'black'],
    ]);
    expect(results[0]!.timeProgressPercent).toBe('75.0');
  });

  it('keeps a top-ranked entity that missed the target off the red list', () => {
    const results = scoreEntities({
      rules: { ...rules, passScore: '90' },
      quarter: q3,
      entities,
    });
    expect(results.find((r) => r.code === 'A')).toMatchObject({ rank: 2, isTargetMet: false, list: null });
  });

  it('never black-lists an exempted entity, keeps its reason and does not back-fill the list', () => {
    const exempt = entities.map((e) =>
      e.code === 'D' ? { ...e, exemptionReason: '台风“杜苏芮”不可抗力停工' } : e,
    );
    const results = scoreEntities({ rules, quarter: q3, entities: exempt });
    const d = results.find((r) => r.code === 'D')!;
    expect(d).toMatchObject({
      list: null,
      isSparedByExemption: true,
      exemptionReason: '台风“杜苏芮”不可抗力停工',
    });
    expect(results.filter((r) => r.list === 'black').map((r) => r.code)).toEqual(['B']);
  });

  it('adds bonuses and subtracts penalties, and ties share a rank and a list place', () => {
    const twins = [
      entity('A', { plan: ['800', '1000'], start: [9, 10], news: 4, prob: [9, 10], rep: [27, 30] }),
      entity('B', { plan: ['800', '1000'], start: [9, 10], news: 4, prob: [9, 10], rep: [27, 30] }),
      entity(
        'C',
        { plan: ['760', '1000'], start: [9, 10], news: 4, prob: [9, 10], rep: [27, 30] },
        {
          adjustments: [
            { kind: 'bonus', points: '3', reason: '承办全市集中开工活动' },
            { kind: 'penalty', points: '1.4', reason: '月报数据失实' },
          ],
        },
      ),
    ];
    const results = scoreEntities({ rules: { ...rules, redTopN: 1 }, quarter: q3, entities: twins });
    expect(results.map((r) => [r.code, r.total, r.rank, r.list])).toEqual([
      ['A', '87.00', 1, 'red'],
      ['B', '87.00', 1, 'red'],
      ['C', '87.00', 1, 'red'],
    ]);
    expect(results[2]!.adjustmentPoints).toBe('1.60');
    expect(results[2]!.indicatorPoints).toBe('85.40');
  });

  it('black-lists every entity tied at the bottom cut-off', () => {
    const tied = [
      entity('A', { plan: ['900', '1000'], start: [1, 1], news: 1, prob: [1, 1], rep: [1, 1] }),
      entity('B', { plan: ['100', '1000'], start: [0, 1], news: 0, prob: [0, 1], rep: [0, 1] }),
      entity('C', { plan: ['100', '1000'], start: [0, 1], news: 0, prob: [0, 1], rep: [0, 1] }),
    ];
    const results = scoreEntities({ rules: { ...rules, blackBottomM: 1 }, quarter: q3, entities: tied });
    expect(results.filter((r) => r.list === 'black').map((r) => r.code)).toEqual(['B', 'C']);
  });
});

describe('whatItTakes', () => {
  const entities = [
    entity('A', { plan: ['800', '1000'], start: [9, 10], news: 4, prob: [9, 10], rep: [27, 30] }),
    entity('B', { plan: ['600', '1000'], start: [5, 10], news: 2, prob: [1, 2], rep: [15, 30] }),
    entity('D', { plan: ['500', '1000'], start: [2, 4], news: 0, prob: [1, 3], rep: [20, 30] }),
  ];
  const results = scoreEntities({ rules, quarter: q3, entities });

  it('answers the extra points and, per indicator, the raw amount that would give them', () => {
    const b = results.find((r) => r.code === 'B')!;
    const a = results.find((r) => r.code === 'A')!;
    expect(b.total).toBe('54.00');
    expect(a.total).toBe('87.00');
    const need = whatItTakes(results, 'B', 1);
    expect(need).toMatchObject({ currentRank: 2, extraPoints: '33.00', thresholdTotal: '87.00' });
    // plan completion: 24 + 33 = 57 > 40 points: not possible on that indicator alone.
    expect(need.indicators.find((i) => i.key === 'planCompletionRate')).toMatchObject({ isFeasible: false });
    const toSecond = whatItTakes(results, 'D', 2);
    expect(toSecond.extraPoints).toBe(
      (Number(b.total) - Number(results.find((r) => r.code === 'D')!.total)).toFixed(2),
    );
  });

  it('gives a raw amount that, when reached, really reaches the rank', () => {
    const need = whatItTakes(results, 'D', 2);
    const plan = need.indicators.find((i) => i.key === 'planCompletionRate')!;
    expect(plan.isFeasible).toBe(true);
    const d = entities.find((e) => e.code === 'D')!;
    const improved = entities.map((e) =>
      e.code === 'D'
        ? {
            ...d,
            figures: {
              ...d.figures,
              planCompletionRate: { numerator: plan.neededNumerator!, denominator: '1000' },
            },
          }
        : e,
    );
    const again = scoreEntities({ rules, quarter: q3, entities: improved });
    expect(again.find((r) => r.code === 'D')!.rank).toBeLessThanOrEqual(2);
    // One unit less would not be enough for a count indicator.
    const starts = need.indicators.find((i) => i.key === 'startRate')!;
    expect(starts).toMatchObject({
      isFeasible: true,
      neededPercent: '95.0',
      neededNumerator: '4',
      extraNumerator: '2',
    });
    expect(need.indicators.find((i) => i.key === 'reportingTimeliness')!.isFeasible).toBe(false);
    const short = entities.map((e) =>
      e.code === 'D'
        ? {
            ...d,
            figures: {
              ...d.figures,
              startRate: { numerator: String(Number(starts.neededNumerator) - 1), denominator: '4' },
            },
          }
        : e,
    );
    expect(scoreEntities({ rules, quarter: q3, entities: short }).find((r) => r.code === 'D')!.rank).toBe(3);
  });

  it('needs nothing to keep a rank already held and refuses a rank out of range', () => {
    expect(whatItTakes(results, 'A', 1).extraPoints).toBe('0.00');
    expect(() => whatItTakes(results, 'A', 4)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => whatItTakes(results, 'Z', 1)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('ties the entity at the threshold, which is enough under competition ranking', () => {
    const need = whatItTakes(results, 'B', 1);
    expect(Number(results.find((r) => r.code === 'B')!.total) + Number(need.extraPoints)).toBe(87);
  });
});
