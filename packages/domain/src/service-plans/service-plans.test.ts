import { describe, expect, it } from 'vitest';
import { assertMeasureMove, countMeasures, isMeasureOverdue, type MeasureStatus } from './service-plans';

describe('isMeasureOverdue', () => {
  it.each([
    ['notStarted', '2026-03-01', true],
    ['inProgress', '2026-03-01', true],
    ['inProgress', '2026-03-02', false],
    ['notStarted', '2026-03-03', false],
    ['done', '2026-01-01', false],
    ['cancelled', '2026-01-01', false],
  ] as [MeasureStatus, string, boolean][])(
    'a %s measure due %s is overdue on 2026-03-02: %s',
    (status, dueOn, expected) => {
      expect(isMeasureOverdue({ status, dueOn }, '2026-03-02')).toBe(expected);
    },
  );
});

describe('countMeasures', () => {
  it('counts by status and the open ones past their date', () => {
    const counts = countMeasures(
      [
        { status: 'notStarted', dueOn: '2026-02-01' },
        { status: 'inProgress', dueOn: '2026-02-28' },
        { status: 'inProgress', dueOn: '2026-04-01' },
        { status: 'done', dueOn: '2026-01-15' },
        { status: 'cancelled', dueOn: '2026-01-15' },
      ],
      '2026-03-02',
    );
    expect(counts).toEqual({ total: 5, notStarted: 1, inProgress: 2, done: 1, cancelled: 1, overdue: 2 });
  });
});

describe('assertMeasureMove', () => {
  it('allows the table moves and refuses the others naming both statuses', () => {
    expect(() => assertMeasureMove('notStarted', 'done')).not.toThrow();
    expect(() => assertMeasureMove('done', 'inProgress')).not.toThrow();
    expect(() => assertMeasureMove('done', 'cancelled')).toThrow('措施不能从「已完成」改为「已取消」');
    expect(() => assertMeasureMove('notStarted', 'notStarted')).toThrow();
  });
});
