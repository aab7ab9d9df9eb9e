import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../calendar/working-days';
import {
  checkChecklist,
  coverageRate,
  type FindingMove,
  type FindingStatus,
  findingDeadline,
  inspectionChecklistPresets,
  inspectionPeriodOf,
  isFindingOverdue,
  mayRaiseFindingProblem,
  replyPhotoDays,
  transitionFinding,
} from './inspections';

const calendar: HolidayCalendar = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
  workdays: new Set(['2026-10-10']),
  knownYears: new Set([2026]),
};

describe('finding transitions', () => {
  it.each<[FindingStatus, FindingMove, FindingStatus]>([
    ['open', 'reply', 'replied'],
    ['returned', 'reply', 'replied'],
    ['replied', 'close', 'closed'],
    ['replied', 'return', 'returned'],
  ])('moves %s by %s to %s', (from, move, to) => {
    expect(transitionFinding(from, move)).toBe(to);
  });

  it.each<[FindingStatus, FindingMove]>([
    ['open', 'close'],
    ['open', 'return'],
    ['returned', 'close'],
    ['replied', 'reply'],
    ['closed', 'reply'],
    ['closed', 'return'],
    ['closed', 'close'],
  ])('refuses %s by %s as an invalid transition', (from, move) => {
    expect(() => transitionFinding(from, move)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });
});

describe('rectification deadlines', () => {
  it.each([
    ['minor', '2026-09-28', '2026-10-10'],
    ['major', '2026-09-28', '2026-10-08'],
    ['severe', '2026-09-30', '2026-10-08'],
    ['severe', '2026-10-09', '2026-10-10'],
    ['minor', '2026-12-04', '2026-12-11'],
  ] as const)('gives a %s finding of %s the deadline %s in working days', (severity, on, due) => {
    expect(findingDeadline(on, severity, calendar)).toEqual({
      deadlineOn: due,
      isDeadlineProvisional: false,
    });
  });

  it('marks a deadline counted into a year without its arrangement as provisional', () => {
    expect(findingDeadline('2026-12-30', 'minor', calendar).isDeadlineProvisional).toBe(true);
  });
});

describe('overdue findings', () => {
  it.each<[FindingStatus, string, string, boolean]>([
    ['open', '2026-12-04', '2026-12-07', true],
    ['returned', '2026-12-04', '2026-12-07', true],
    ['open', '2026-12-07', '2026-12-07', false],
    ['replied', '2026-12-01', '2026-12-07', false],
    ['closed', '2026-12-01', '2026-12-07', false],
  ])('a %s finding due %s is overdue on %s: %s', (status, deadlineOn, today, overdue) => {
    expect(isFindingOverdue({ status, deadlineOn }, today)).toBe(overdue);
  });

  it('raises a problem only once and only while the finding awaits rectification', () => {
    expect(mayRaiseFindingProblem({ status: 'open', problemId: null })).toBe(true);
    expect(mayRaiseFindingProblem({ status: 'returned', problemId: null })).toBe(true);
    expect(mayRaiseFindingProblem({ status: 'open', problemId: 'p1' })).toBe(false);
    expect(mayRaiseFindingProblem({ status: 'replied', problemId: null })).toBe(false);
    expect(mayRaiseFindingProblem({ status: 'closed', problemId: null })).toBe(false);
  });
});

describe('coverage', () => {
  it.each([
    [3, 4, 75],
    [1, 3, 33.3],
    [0, 5, 0],
    [2, 2, 100],
    [0, 0, null],
  ])('%i of %i sites inspected is %s %', (inspected, sites, rate) => {
    expect(coverageRate(inspected, sites)).toBe(rate);
  });

  it('reads a day as itself and a week from Monday to Sunday', () => {
    expect(inspectionPeriodOf('day', '2026-12-07')).toEqual({
      kind: 'day',
      period: '2026-12-07',
      start: '2026-12-07',
      end: '2026-12-07',
    });
    expect(inspectionPeriodOf('week', '2026-12-10')).toEqual({
      kind: 'week',
      period: '2026-W50',
      start: '2026-12-07',
      end: '2026-12-13',
    });
    expect(inspectionPeriodOf('week', '2027-01-01').period).toBe('2026-W53');
  });
});

describe('checklists', () => {
  it('ships five presets whose items have unique keys', () => {
    expect(inspectionChecklistPresets.map((p) => p.name)).toEqual([
      '安全生产',
      '疫情防控',
      '农民工工资',
      '扬尘治理',
      '实名制管理',
    ]);
    for (const preset of inspectionChecklistPresets) expect(() => checkChecklist(preset)).not.toThrow();
    const keys = inspectionChecklistPresets.flatMap((p) => p.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses an empty name, no items, a duplicate key and an empty text', () => {
    expect(() => checkChecklist({ name: ' ', items: [] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const dup = { key: 'a', text: 'x', category: 'safety' as const };
    expect(() => checkChecklist({ name: 'n', items: [dup, dup] })).toThrow(/重复/);
    expect(() => checkChecklist({ name: 'n', items: [{ ...dup, text: '' }] })).toThrow(/必填/);
  });
});

describe('photo windows', () => {
  it('spans a reply photo from the inspection day to today', () => {
    expect(replyPhotoDays('2026-12-01', '2026-12-07')).toEqual({ daysBefore: 0, daysAfter: 6 });
    expect(replyPhotoDays('2026-12-07', '2026-12-07')).toEqual({ daysBefore: 0, daysAfter: 0 });
  });
});
