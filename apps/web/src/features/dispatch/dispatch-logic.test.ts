import { taskDueOn } from '@tuijin/domain';
import { describe, expect, it } from 'vitest';
import {
  agendaRecordLink,
  cadenceWords,
  currentEdits,
  holidayCalendarOf,
  isoWeekdayOf,
  movedOrder,
  toggledDrop,
  withAddedItem,
} from './dispatch-logic';

describe('cadenceWords', () => {
  it.each([
    [
      { kind: 'weekly', weekday: 1, everyWeeks: 1, anchorOn: '2026-03-02' } as const,
      { key: 'weekly', weekday: '1' },
    ],
    [
      { kind: 'weekly', weekday: 3, everyWeeks: 2, anchorOn: '2026-03-04' } as const,
      { key: 'everyWeeks', weekday: '3', count: 2 },
    ],
    [{ kind: 'monthly', nthWorkingDay: 3 } as const, { key: 'monthly', n: 3 }],
    [{ kind: 'adHoc' } as const, { key: 'adHoc' }],
  ])('words %j as %j', (cadence, words) => {
    expect(cadenceWords(cadence)).toEqual(words);
  });
});

describe('isoWeekdayOf', () => {
  it.each([
    ['2026-03-02', 1],
    ['2026-03-06', 5],
    ['2026-03-08', 7],
  ])('%s is weekday %i', (date, weekday) => expect(isoWeekdayOf(date)).toBe(weekday));
});

describe('holidayCalendarOf', () => {
  const year2026 = {
    year: 2026,
    isKnown: true,
    days: [
      { date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'package' },
      { date: '2026-10-02', kind: 'holiday', name: '国庆节', source: 'package' },
      { date: '2026-10-05', kind: 'holiday', name: '国庆节', source: 'package' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班', source: 'override' },
    ],
  } as const;

  it('counts working days as the server does: holidays skipped, a make-up Saturday worked', () => {
    const calendar = holidayCalendarOf([{ ...year2026, days: [...year2026.days] }]);
    // Assigned Wed 09-30: Thu 10-01, Fri 10-02 off, Mon 10-05 off, Tue 10-06 is the first working day.
    expect(taskDueOn('2026-09-30', 1, calendar)).toBe('2026-10-06');
    // Fri 10-09 + 1 = Sat 10-10 (调休上班).
    expect(taskDueOn('2026-10-09', 1, calendar)).toBe('2026-10-10');
    expect([...calendar.knownYears]).toEqual([2026]);
  });

  it('leaves a year without an arrangement unknown', () => {
    expect(holidayCalendarOf([{ year: 2031, isKnown: false, days: [] }]).knownYears.size).toBe(0);
  });
});

describe('agenda edits', () => {
  const meeting = {
    agenda: [
      { key: 'problem:p1', source: 'problem', title: 'P1' },
      { key: 'custom:1', source: 'custom', title: '电力接入' },
      { key: 'redProject:x', source: 'redProject', title: 'X' },
    ],
    dropped: [
      { key: 'overdueTask:t1', title: 'T1' },
      { key: 'custom:2', title: '已移出的议题' },
    ],
  } as unknown as Parameters<typeof currentEdits>[0];

  it('keeps the agenda as shown: dropped keys, typed-in items (dropped ones too) and the order', () => {
    expect(currentEdits(meeting)).toEqual({
      dropped: ['overdueTask:t1', 'custom:2'],
      added: [
        { key: 'custom:1', title: '电力接入' },
        { key: 'custom:2', title: '已移出的议题' },
      ],
      order: ['problem:p1', 'custom:1', 'redProject:x'],
    });
  });

  it('moves an item up and down, never past an end', () => {
    const order = ['a', 'b', 'c'];
    expect(movedOrder(order, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(movedOrder(order, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(movedOrder(order, 'a', -1)).toEqual(order);
    expect(movedOrder(order, 'c', 1)).toEqual(order);
    expect(movedOrder(order, 'z', 1)).toEqual(order);
  });

  it('drops an item out of the order and restores it at the end', () => {
    const edits = currentEdits(meeting);
    const dropped = toggledDrop(edits, 'problem:p1', true);
    expect(dropped.order).toEqual(['custom:1', 'redProject:x']);
    expect(dropped.dropped).toContain('problem:p1');
    const restored = toggledDrop(dropped, 'overdueTask:t1', false);
    expect(restored.dropped).toEqual(['custom:2', 'problem:p1']);
    expect(restored.order.at(-1)).toBe('overdueTask:t1');
  });

  it('adds a typed-in item under a key not yet used', () => {
    const added = withAddedItem(currentEdits(meeting), '协调用地');
    expect(added.added.at(-1)).toEqual({ key: 'custom:3', title: '协调用地' });
    expect(added.order.at(-1)).toBe('custom:3');
  });
});

describe('agendaRecordLink', () => {
  it.each([
    [{ source: 'problem', sourceId: 'p', projectId: 'x' }, '/problems/p'],
    [{ source: 'overdueTask', sourceId: 't', projectId: 'x' }, '/tasks?task=t'],
    [{ source: 'redProject', sourceId: 'x', projectId: 'x' }, '/projects/x'],
    [{ source: 'approval', sourceId: 'a', projectId: 'x' }, '/projects/x?tab=approvals'],
    [{ source: 'milestone', sourceId: 'n', projectId: 'x' }, '/projects/x?tab=milestones'],
    [{ source: 'custom', sourceId: null, projectId: null }, null],
  ] as const)('links %j to %s', (item, link) => expect(agendaRecordLink(item)).toBe(link));
});
