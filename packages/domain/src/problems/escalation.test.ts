import { describe, expect, it } from 'vitest';
import { china2025And2026 } from '../calendar/china-calendar.fixture';
import { AppError } from '../errors';
import {
  type EscalatingProblem,
  escalationPresets,
  ladderProblems,
  manualEscalation,
  nextEscalation,
} from './escalation';
import { chooseProblemRoute } from './routing';

const luohe = { levels: escalationPresets.luohe.levels };
/** 09:00 Beijing time on a China date. */
const at = (date: string) => new Date(`${date}T01:00:00.000Z`);

describe('nextEscalation', () => {
  // Raised on Wednesday 2026-09-30, the eve of 国庆 (10-01..07 off, Saturday 10-10 works).
  const route = chooseProblemRoute(
    [],
    { category: '用地', regionPath: '350000.350900', raisedOn: '2026-09-30' },
    { organisationId: 'office' },
    china2025And2026,
  );
  const problem: EscalatingProblem = {
    status: 'in_progress',
    level: 1,
    levelStartedOn: '2026-09-30',
    dueOn: route.dueOn,
  };

  it('gives five working days across the holiday: due Tuesday 10-13', () => {
    expect(route.dueOn).toBe('2026-10-13');
  });

  it.each([
    ['2026-10-01', [], null],
    ['2026-10-07', [], null],
    ['2026-10-09', [], null],
    ['2026-10-10', ['half'], null],
    ['2026-10-11', ['half'], null],
    ['2026-10-12', ['half', 'threeQuarters'], null],
    ['2026-10-13', ['half', 'threeQuarters'], null],
    ['2026-10-14', ['half', 'threeQuarters', 'breach'], 2],
  ])('on %s notices %j and moves to level %s', (date, kinds, level) => {
    const decision = nextEscalation(problem, luohe, china2025And2026, at(date));
    expect(decision.notices.map((n) => n.kind)).toEqual(kinds);
    expect(decision.moveTo?.level ?? null).toBe(level);
  });

  it('starts the next level on the breach day with its own limit', () => {
    const decision = nextEscalation(problem, luohe, china2025And2026, at('2026-10-14'));
    expect(decision.moveTo).toEqual({
      level: 2,
      levelStartedOn: '2026-10-14',
      dueOn: '2026-10-21',
      limitWorkingDays: 5,
      isDueOnProvisional: false,
    });
    expect(decision.notices.find((n) => n.kind === 'breach')?.on).toBe('2026-10-14');
  });

  it('uses the China date of the moment: 23:30 Beijing on 10-13 is still in time', () => {
    const decision = nextEscalation(problem, luohe, china2025And2026, new Date('2026-10-13T15:30:00Z'));
    expect(decision.moveTo).toBeNull();
    expect(
      nextEscalation(problem, luohe, china2025And2026, new Date('2026-10-13T16:30:00Z')).moveTo?.level,
    ).toBe(2);
  });

  it('only notices at the top of the ladder', () => {
    const top = { ...problem, level: 5 };
    const decision = nextEscalation(top, luohe, china2025And2026, at('2026-10-20'));
    expect(decision.moveTo).toBeNull();
    expect(decision.notices.map((n) => n.kind)).toContain('breach');
  });

  it('leaves answered and closed problems alone', () => {
    for (const status of ['answered', 'confirmed', 'written_off', 'rejected'] as const)
      expect(nextEscalation({ ...problem, status }, luohe, china2025And2026, at('2026-12-01'))).toEqual({
        notices: [],
        moveTo: null,
      });
  });
});

describe('ladders', () => {
  it('ships Luohe five levels and Hui’an 321', () => {
    expect(escalationPresets.luohe.levels.map((l) => l.name)).toEqual([
      '首席服务官协调',
      '县区周例会',
      '市直部门专题会',
      '市周例会',
      '市委市政府联席会议',
    ]);
    expect(escalationPresets.huian321.levels).toHaveLength(3);
    expect(ladderProblems(escalationPresets.luohe.levels)).toEqual([]);
    expect(ladderProblems(escalationPresets.huian321.levels)).toEqual([]);
  });

  it('refuses gaps, blank names and bad limits', () => {
    expect(
      ladderProblems([
        { level: 1, name: ' ', handlerKind: 'department', limitWorkingDays: 0 },
        { level: 3, name: 'x', handlerKind: 'leader', limitWorkingDays: 5 },
      ]).map((p) => p.path),
    ).toEqual(['levels.0.name', 'levels.0.limitWorkingDays', 'levels.1.level']);
  });

  it('moves up into a year without holiday data on the provisional rule, marked 暂定', () => {
    // Mon 28 Dec 2026 + 5 (Luohe level 2): 29, 30, 31 Dec, 1 Jan 2027 元旦 off, weekend, Mon 4, Tue 5.
    expect(manualEscalation(1, luohe, china2025And2026, '2026-12-28')).toEqual({
      level: 2,
      levelStartedOn: '2026-12-28',
      dueOn: '2027-01-05',
      limitWorkingDays: 5,
      isDueOnProvisional: true,
    });
    const breached = nextEscalation(
      { status: 'accepted', level: 1, levelStartedOn: '2026-12-14', dueOn: '2026-12-18' },
      luohe,
      china2025And2026,
      new Date('2026-12-29T01:00:00Z'),
    );
    expect(breached.moveTo).toMatchObject({ level: 2, dueOn: '2027-01-06', isDueOnProvisional: true });
  });

  it('moves up by hand, but not past the top', () => {
    expect(manualEscalation(1, luohe, china2025And2026, '2026-03-02')).toEqual({
      level: 2,
      levelStartedOn: '2026-03-02',
      dueOn: '2026-03-09',
      limitWorkingDays: 5,
      isDueOnProvisional: false,
    });
    expect(() => manualEscalation(5, luohe, china2025And2026, '2026-03-02')).toThrow(AppError);
    expect(() => manualEscalation(1, null, china2025And2026, '2026-03-02')).toThrow('尚未配置');
  });
});
