import { describe, expect, it } from 'vitest';
import {
  consecutiveRedMonths,
  evaluateWarning,
  parseMonthKey,
  type WarningFacts,
  type WarningResult,
  warningChanges,
} from './evaluate-warning';
import { WarningRuleSet, warningPresets, warningRuleProblems } from './warning-rules';

const yinchuan = warningPresets.yinchuan.rules;
const sanya = warningPresets.sanya.rules;
const ouhai = warningPresets.ouhai.rules;

/** A project on track: plan 1200 万元 split evenly, year-to-date exactly on plan, started in January. */
function facts(overrides: Partial<WarningFacts> = {}): WarningFacts {
  const months = Array.from({ length: 12 }, (_, i) => String((i + 1) * 100));
  return {
    plannedStart: null,
    actualStartOn: '2026-01-10',
    inStatistics: true,
    plannedWanYuan: '1200',
    ytdByMonth: months,
    cumulativePlanByMonth: months,
    reportByMonth: Array(12).fill('onTime'),
    overdueProblems: 0,
    excused: [],
    ...overrides,
  };
}

/** Year-to-date that gives a completion rate of `percent` against a 1000 万元 plan. */
const ytdAt = (month: number, percent: number, before = 500) =>
  Array.from({ length: month }, (_, i) => (i + 1 === month ? String(percent * 10) : String(before)));

describe('Yinchuan start rule (yellow when the planned month ended unstarted, red at 3 months overdue)', () => {
  it.each([
    { month: 3, colour: 'green', why: 'planned month not reached' },
    { month: 4, colour: 'yellow', why: 'due this month, not started (0 months overdue)' },
    { month: 5, colour: 'yellow', why: '1 month overdue' },
    { month: 6, colour: 'yellow', why: '2 months overdue' },
    { month: 7, colour: 'red', why: 'exactly 3 months overdue' },
    { month: 9, colour: 'red', why: '5 months overdue' },
  ])('month $month: $colour ($why)', ({ month, colour }) => {
    const result = evaluateWarning(
      facts({ plannedStart: { year: 2026, month: 4 }, actualStartOn: null }),
      yinchuan,
      { year: 2026, month },
    );
    expect(result.colour).toBe(colour);
    if (colour !== 'green')
      expect(result.reasons).toEqual([
        {
          dimension: 'start',
          colour,
          code: 'start.notStarted',
          params: { plannedMonth: '2026-04', monthsOverdue: month - 4 },
          excused: false,
        },
      ]);
  });

  it('a start reported in a later month does not clear an earlier month', () => {
    const f = facts({ plannedStart: { year: 2026, month: 4 }, actualStartOn: '2026-08-03' });
    expect(evaluateWarning(f, yinchuan, { year: 2026, month: 7 }).colour).toBe('red');
    expect(evaluateWarning(f, yinchuan, { year: 2026, month: 8 }).colour).toBe('green');
  });
});

describe('Yinchuan progress rule (10–30 points below 序时进度 yellow, beyond 30 red)', () => {
  // June: 序时进度 50.0%.
  it.each([
    { completion: 45, gap: '5.0', colour: 'green' },
    { completion: 40.1, gap: '9.9', colour: 'green' },
    { completion: 40, gap: '10.0', colour: 'yellow' },
    { completion: 30, gap: '20.0', colour: 'yellow' },
    { completion: 20, gap: '30.0', colour: 'yellow' },
    { completion: 19.9, gap: '30.1', colour: 'red' },
    { completion: 0, gap: '50.0', colour: 'red' },
    { completion: 60, gap: '0', colour: 'green' },
  ])('completion $completion% → gap $gap points → $colour', ({ completion, gap, colour }) => {
    const result = evaluateWarning(
      facts({ plannedWanYuan: '1000', ytdByMonth: ytdAt(6, completion) }),
      yinchuan,
      { year: 2026, month: 6 },
    );
    expect(result.colour).toBe(colour);
    if (colour !== 'green')
      expect(result.reasons[0]?.params).toMatchObject({ gapPoints: gap, timePercent: '50.0' });
  });

  it('a project without a plan for the year is not measured', () => {
    expect(
      evaluateWarning(facts({ plannedWanYuan: null, ytdByMonth: ['0'] }), yinchuan, { year: 2026, month: 1 })
        .colour,
    ).toBe('green');
  });
});

describe('Yinchuan statistics rule (yellow 1 month after start without 入统, red beyond 2)', () => {
  it.each([
    { month: 3, months: 0, colour: 'green' },
    { month: 4, months: 1, colour: 'yellow' },
    { month: 5, months: 2, colour: 'yellow' },
    { month: 6, months: 3, colour: 'red' },
  ])('$months months after a March start → $colour', ({ month, months, colour }) => {
    const result = evaluateWarning(facts({ actualStartOn: '2026-03-15', inStatistics: false }), yinchuan, {
      year: 2026,
      month,
    });
    expect(result.colour).toBe(colour);
    if (colour !== 'green')
      expect(result.reasons[0]).toMatchObject({ code: 'statistics.notEntered', params: { months } });
  });

  it('入统 clears it', () => {
    const result = evaluateWarning(facts({ actualStartOn: '2026-01-15', inStatistics: true }), yinchuan, {
      year: 2026,
      month: 6,
    });
    expect(result.colour).toBe('green');
  });
});

describe('Sanya rule (behind up to 50% of 序时进度 yellow, beyond red; two behind months in a row red)', () => {
  // June: 序时进度 50.0%; May: 41.7%. May kept on track (500 of 1000) so only June counts.
  it.each([
    { completion: 50, share: '0.0', colour: 'green' },
    { completion: 49.9, share: '0.2', colour: 'yellow' },
    { completion: 25, share: '50.0', colour: 'yellow' },
    { completion: 24.9, share: '50.2', colour: 'red' },
  ])('completion $completion% → $share% below → $colour', ({ completion, colour, share }) => {
    const result = evaluateWarning(
      facts({ plannedWanYuan: '1000', ytdByMonth: ytdAt(6, completion) }),
      sanya,
      { year: 2026, month: 6 },
    );
    expect(result.colour).toBe(colour);
    if (colour !== 'green') expect(result.reasons[0]?.params).toMatchObject({ gapShare: share });
  });

  it('is red after two behind months in a row, each on its own only yellow', () => {
    // May 400 of 1000 = 40.0% < 41.7%; June 450 = 45.0% < 50.0%.
    const f = facts({ plannedWanYuan: '1000', ytdByMonth: ['100', '200', '300', '400', '400', '450'] });
    expect(evaluateWarning(f, sanya, { year: 2026, month: 5 }).colour).toBe('yellow');
    const june = evaluateWarning(f, sanya, { year: 2026, month: 6 });
    expect(june.colour).toBe('red');
    expect(june.reasons[0]?.params).toMatchObject({ consecutiveMonths: 2 });
  });
});

describe('Ouhai month rule (met on time green, missed red, made up later yellow)', () => {
  const plan = ['100', '200', '300', '400'];
  it.each([
    { ytd: ['100', '200', '300'], month: 3, colour: 'green', code: null },
    { ytd: ['100', '150', '250'], month: 2, colour: 'red', code: 'monthTarget.missed' },
    { ytd: ['100', '150', '300'], month: 3, colour: 'yellow', code: 'monthTarget.caughtUp' },
    { ytd: ['100', '150', '300', '400'], month: 4, colour: 'green', code: null },
  ])('month $month with $ytd → $colour', ({ ytd, month, colour, code }) => {
    const result = evaluateWarning(facts({ ytdByMonth: ytd, cumulativePlanByMonth: plan }), ouhai, {
      year: 2026,
      month,
    });
    expect(result.colour).toBe(colour);
    expect(result.reasons.map((r) => r.code)).toEqual(code ? [code] : []);
  });
});

describe('problems, reports, 正当理由 and the worst colour', () => {
  const custom: WarningRuleSet = {
    ...yinchuan,
    problems: { enabled: true, yellow: { value: 1, inclusive: true }, red: { value: 3, inclusive: true } },
    reports: {
      enabled: true,
      countLate: true,
      yellow: { value: 1, inclusive: true },
      red: { value: 2, inclusive: true },
    },
  };

  it.each([
    { count: 0, colour: 'green' },
    { count: 1, colour: 'yellow' },
    { count: 2, colour: 'yellow' },
    { count: 3, colour: 'red' },
  ])('$count overdue problems → $colour', ({ count, colour }) => {
    expect(evaluateWarning(facts({ overdueProblems: count }), custom, { year: 2026, month: 3 }).colour).toBe(
      colour,
    );
  });

  it('warns on approval items past their limit and nodes past their date once the office turns them on', () => {
    const withBoth = {
      ...custom,
      approvals: { enabled: true, yellow: { value: 1, inclusive: true }, red: { value: 2, inclusive: true } },
      milestones: {
        enabled: true,
        yellow: { value: 1, inclusive: true },
        red: { value: 3, inclusive: true },
      },
    };
    const march = { year: 2026, month: 3 };
    expect(evaluateWarning(facts({ overdueApprovals: 1 }), custom, march).colour).toBe('green');
    const one = evaluateWarning(facts({ overdueApprovals: 1 }), withBoth, march);
    expect(one.colour).toBe('yellow');
    expect(one.reasons).toEqual([
      {
        dimension: 'approvals',
        colour: 'yellow',
        code: 'approvals.overdue',
        params: { count: 1 },
        excused: false,
      },
    ]);
    expect(evaluateWarning(facts({ overdueApprovals: 2 }), withBoth, march).colour).toBe('red');
    expect(evaluateWarning(facts({ overdueMilestones: 2 }), withBoth, march).reasons[0]).toMatchObject({
      dimension: 'milestones',
      colour: 'yellow',
      code: 'milestones.overdue',
    });
    expect(
      evaluateWarning(facts({ overdueMilestones: 3, excused: ['milestones'] }), withBoth, march).colour,
    ).toBe('green');
  });

  it('reads a rule set stored before the approval and milestone dimensions as having them off', () => {
    const { approvals: _a, milestones: _m, ...stored } = yinchuan;
    const parsed = WarningRuleSet.parse(stored);
    expect(parsed.approvals).toEqual({ enabled: false, yellow: null, red: null });
    expect(parsed.milestones.enabled).toBe(false);
  });

  it('counts missed reports in a row ending with the month', () => {
    const reportByMonth = ['onTime', 'missing', 'onTime', 'late', 'missing'] as const;
    expect(evaluateWarning(facts({ reportByMonth }), custom, { year: 2026, month: 2 }).colour).toBe('yellow');
    expect(evaluateWarning(facts({ reportByMonth }), custom, { year: 2026, month: 3 }).colour).toBe('green');
    const may = evaluateWarning(facts({ reportByMonth }), custom, { year: 2026, month: 5 });
    expect(may.colour).toBe('red');
    expect(may.reasons[0]).toMatchObject({
      code: 'reports.missed',
      params: { months: 2, thisMonth: 'missing' },
    });
  });

  it('takes the worst dimension and lists every reason; an excused one is listed but not counted', () => {
    const f = facts({ overdueProblems: 1, plannedStart: { year: 2026, month: 1 }, actualStartOn: null });
    const result = evaluateWarning(f, custom, { year: 2026, month: 4 });
    expect(result.colour).toBe('red');
    expect(result.reasons.map((r) => [r.dimension, r.colour])).toEqual([
      ['start', 'red'],
      ['problems', 'yellow'],
    ]);
    const excused = evaluateWarning({ ...f, excused: ['start'] }, custom, { year: 2026, month: 4 });
    expect(excused.colour).toBe('yellow');
    expect(excused.reasons[0]).toMatchObject({ dimension: 'start', excused: true });
  });
});

describe('snails, changes and rule checks', () => {
  it('counts red months in a row at the end of the history', () => {
    const h = (colours: string[]) =>
      colours.map((colour, i) => ({ month: `2026-0${i + 1}`, colour: colour as 'red' | 'green' | 'yellow' }));
    expect(consecutiveRedMonths(h(['red', 'red', 'yellow', 'red', 'red', 'red']))).toBe(3);
    expect(consecutiveRedMonths(h(['red', 'red', 'green']))).toBe(0);
    expect(consecutiveRedMonths([])).toBe(0);
  });

  it('lists exactly the keys whose colour changed', () => {
    const g: WarningResult = { colour: 'green', reasons: [] };
    const y: WarningResult = { colour: 'yellow', reasons: [] };
    const before = new Map<string, WarningResult>([
      ['a', g],
      ['b', y],
    ]);
    const after = new Map<string, WarningResult>([
      ['a', y],
      ['b', y],
      ['c', g],
    ]);
    expect(warningChanges(before, after).map((c) => c.key)).toEqual(['a', 'c']);
  });

  it('refuses red below yellow and an enabled dimension without thresholds', () => {
    expect(warningRuleProblems(yinchuan)).toEqual([]);
    const bad: WarningRuleSet = {
      ...yinchuan,
      progress: {
        ...yinchuan.progress,
        yellow: { value: 30, inclusive: true },
        red: { value: 10, inclusive: true },
      },
      problems: { enabled: true, yellow: null, red: null },
    };
    expect(warningRuleProblems(bad).map((p) => p.path)).toEqual(['progress.red', 'problems.yellow']);
  });

  it('reads month keys', () => {
    expect(parseMonthKey('2026-05')).toEqual({ year: 2026, month: 5 });
    expect(parseMonthKey('2026-13')).toBeNull();
    expect(parseMonthKey('26-5')).toBeNull();
  });
});

describe('三数比对 as a dimension (|自报 − 入统| as a share of 入统: yellow ≥ 10%, red > 30%)', () => {
  const rules: WarningRuleSet = {
    ...yinchuan,
    start: { enabled: false, yellow: null, red: null },
    progress: { ...yinchuan.progress, enabled: false },
    statistics: { enabled: false, yellow: null, red: null },
    reconciliation: {
      enabled: true,
      yellow: { value: 10, inclusive: true },
      red: { value: 30, inclusive: false },
    },
  };
  // 自报 1–9 月 is 900 万元 (the helper's on-plan year); 入统 varies.
  it.each([
    { statistics: '900', month: 9, colour: 'green', percent: null, why: 'the same figure' },
    { statistics: '850', month: 9, colour: 'green', percent: null, why: '5.9% apart' },
    { statistics: '1000', month: 9, colour: 'yellow', percent: '10.0', why: 'exactly 10% (inclusive)' },
    { statistics: '692.3077', month: 9, colour: 'yellow', percent: '30.0', why: '30.0% is not above 30' },
    { statistics: '600', month: 9, colour: 'red', percent: '50.0', why: '50% apart' },
    { statistics: '0', month: 9, colour: 'red', percent: '—', why: 'reported against a 入统 of zero' },
  ])('入统 $statistics at month $month: $colour ($why)', ({ statistics, month, colour, percent }) => {
    const result = evaluateWarning(facts({ statisticsFigure: { month, wanYuan: statistics } }), rules, {
      year: 2026,
      month: 10,
    });
    expect(result.colour).toBe(colour);
    if (percent === null) return expect(result.reasons).toEqual([]);
    expect(result.reasons).toEqual([
      {
        dimension: 'reconciliation',
        colour,
        code: 'reconciliation.gap',
        params: { month, reported: '900', statistics, gapPercent: percent },
        excused: false,
      },
    ]);
  });

  it('reads nothing without a figure, from a later month, or with the dimension off', () => {
    const period = { year: 2026, month: 6 };
    expect(evaluateWarning(facts(), rules, period).reasons).toEqual([]);
    expect(
      evaluateWarning(facts({ statisticsFigure: { month: 7, wanYuan: '10' } }), rules, period).reasons,
    ).toEqual([]);
    expect(
      evaluateWarning(facts({ statisticsFigure: { month: 6, wanYuan: '10' } }), yinchuan, period).colour,
    ).toBe('green');
  });

  it('reads stored rule sets from before the dimension as off, and checks its thresholds', () => {
    const { reconciliation: _dropped, ...stored } = yinchuan;
    expect(WarningRuleSet.parse(stored).reconciliation).toEqual({ enabled: false, yellow: null, red: null });
    expect(
      warningRuleProblems({ ...rules, reconciliation: { enabled: true, yellow: null, red: null } }),
    ).toEqual([{ path: 'reconciliation.yellow', message: '启用的维度至少需要一个阈值' }]);
  });
});
