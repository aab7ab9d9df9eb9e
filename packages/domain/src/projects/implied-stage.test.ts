import { describe, expect, it } from 'vitest';
import { hasStarted, impliedStage, inferredStartOn, stageAsOfMonth } from './implied-stage';
import { impliedStageCases } from './implied-stage-cases';

const facts = (stage: 'started' | 'preparing', start: string | null = null) => ({
  recordedStage: stage,
  actualStartOn: start,
  actualCompletionOn: null,
  actualOperationOn: null,
});
const at = (year: number, asOf: string) => ({ year, asOf });

describe('impliedStage', () => {
  it.each(impliedStageCases)('%s', (_name, input, when, expected) => {
    expect(impliedStage(input, when)).toBe(expected);
  });

  it('counts as started only what the stage says is started', () => {
    expect(hasStarted(facts('started'), at(2026, '2026-12-06'))).toBe(false);
    expect(hasStarted(facts('preparing', '2026-11-08'), at(2026, '2026-12-06'))).toBe(true);
    expect(hasStarted(facts('preparing', '2026-11-08'), at(2026, '2026-10-31'))).toBe(false);
  });
});

describe('stageAsOfMonth', () => {
  it('judges a past month at its last day', () => {
    expect(stageAsOfMonth(2026, 2, '2026-12-06')).toEqual({ year: 2026, asOf: '2026-02-28' });
  });
  it('judges the running month at today', () => {
    expect(stageAsOfMonth(2026, 12, '2026-12-06')).toEqual({ year: 2026, asOf: '2026-12-06' });
  });
});

describe('inferredStartOn', () => {
  it('dates a 续建 project entered as 在建 by its start year and month', () => {
    expect(inferredStartOn('underway', 2024, 3, '2026-12-06')).toBe('2024-03-01');
    expect(inferredStartOn('underway', 2025, null, '2026-12-06')).toBe('2025-01-01');
  });
  it('gives no date to a project listed to start this year or not started', () => {
    expect(inferredStartOn('started', 2026, 3, '2026-12-06')).toBeNull();
    expect(inferredStartOn('preparing', 2024, 3, '2026-12-06')).toBeNull();
  });
});
