import { describe, expect, it } from 'vitest';
import { evaluateRegionWarning, type RegionMonthFacts, sumRegionMonth } from './region-warning';
import { WarningRuleSet, warningPresets, warningRuleProblems } from './warning-rules';

const sanya = warningPresets.sanya.rules;
const yinchuan = warningPresets.yinchuan.rules;

/** A region month with 1200 planned: time progress at month m is m × 100 of it. */
const month = (m: number, completed: string, planned = '1200'): RegionMonthFacts => ({
  period: { year: 2026, month: m },
  plannedWanYuan: planned,
  completedWanYuan: completed,
});

describe('evaluateRegionWarning', () => {
  it('is red after two missed months in a row, with the numbers of the latest', () => {
    const result = evaluateRegionWarning([month(4, '300'), month(5, '450')], sanya);
    expect(result.colour).toBe('red');
    expect(result.reasons).toEqual([
      {
        colour: 'red',
        code: 'region.missedConsecutive',
        params: {
          month: '2026-05',
          months: 2,
          completionPercent: '37.5',
          timePercent: '41.7',
          gapPoints: '4.2',
          gapShare: '10.1',
        },
      },
    ]);
  });

  it('is yellow when only the latest month missed, in any input order', () => {
    const result = evaluateRegionWarning([month(5, '450'), month(4, '400')], sanya);
    expect(result.colour).toBe('yellow');
    expect(result.reasons[0]).toMatchObject({ code: 'region.missedLatest', params: { months: 1 } });
  });

  it('is green when the latest month is on target, even after misses', () => {
    expect(evaluateRegionWarning([month(3, '0'), month(4, '0'), month(5, '500')], sanya)).toEqual({
      colour: 'green',
      reasons: [],
    });
    // Exactly on 序时进度 is not behind (Sanya: behind means a share above 0).
    expect(evaluateRegionWarning([month(6, '600')], sanya).colour).toBe('green');
  });

  it('breaks the run on a month absent from the facts or with nothing planned', () => {
    expect(evaluateRegionWarning([month(3, '0'), month(5, '0')], sanya).colour).toBe('yellow');
    expect(evaluateRegionWarning([month(4, '0', '0'), month(5, '0')], sanya).colour).toBe('yellow');
    expect(evaluateRegionWarning([month(5, '0', '0')], sanya).colour).toBe('green');
    expect(evaluateRegionWarning([], sanya).colour).toBe('green');
  });

  it('counts N consecutive months when the rule asks for more than two', () => {
    const three = { ...sanya, regionRule: { enabled: true, consecutiveMonths: 3 } };
    expect(evaluateRegionWarning([month(4, '0'), month(5, '0')], three).colour).toBe('yellow');
    expect(evaluateRegionWarning([month(3, '0'), month(4, '0'), month(5, '0')], three).colour).toBe('red');
    // Runs across the new year when December is given.
    const turn = [
      { period: { year: 2025, month: 12 }, plannedWanYuan: '100', completedWanYuan: '10' },
      { period: { year: 2026, month: 1 }, plannedWanYuan: '100', completedWanYuan: '0' },
    ];
    expect(evaluateRegionWarning(turn, sanya).colour).toBe('red');
  });

  it('reads the shortfall with the progress measure and threshold', () => {
    // Yinchuan's progress yellow is ≥ 10 points: 5 points behind is not a miss there.
    const points = { ...yinchuan, regionRule: { enabled: true, consecutiveMonths: 2 } };
    expect(evaluateRegionWarning([month(5, '440'), month(6, '540')], points).colour).toBe('green');
    expect(evaluateRegionWarning([month(5, '300'), month(6, '480')], points).colour).toBe('red');
  });

  it('is off in the Yinchuan and Ouhai presets, and in rule sets stored before the rule', () => {
    expect(yinchuan.regionRule.enabled).toBe(false);
    expect(warningPresets.ouhai.rules.regionRule.enabled).toBe(false);
    expect(sanya.regionRule).toEqual({ enabled: true, consecutiveMonths: 2 });
    expect(evaluateRegionWarning([month(4, '0'), month(5, '0')], yinchuan).colour).toBe('green');
    const { regionRule: _, ...old } = sanya;
    const parsed = WarningRuleSet.parse(old);
    expect(parsed.regionRule).toEqual({ enabled: false, consecutiveMonths: 2 });
    expect(evaluateRegionWarning([month(4, '0'), month(5, '0')], parsed).colour).toBe('green');
  });

  it('rejects a bad run length and an enabled rule without progress thresholds', () => {
    expect(
      WarningRuleSet.safeParse({ ...sanya, regionRule: { enabled: true, consecutiveMonths: 1 } }).success,
    ).toBe(false);
    const bare = {
      ...sanya,
      progress: {
        ...sanya.progress,
        enabled: false,
        yellow: null,
        red: null,
        redAfterConsecutiveMonths: null,
      },
    };
    expect(warningRuleProblems(bare)).toContainEqual({
      path: 'regionRule.enabled',
      message: expect.any(String),
    });
  });
});

describe('sumRegionMonth', () => {
  it('adds the planned projects and leaves out those without a plan', () => {
    expect(
      sumRegionMonth({ year: 2026, month: 2 }, [
        { plannedWanYuan: '100.5', completedWanYuan: '10' },
        { plannedWanYuan: null, completedWanYuan: '999' },
        { plannedWanYuan: '200', completedWanYuan: '20.25' },
      ]),
    ).toEqual({ period: { year: 2026, month: 2 }, plannedWanYuan: '300.5', completedWanYuan: '30.25' });
  });
});
