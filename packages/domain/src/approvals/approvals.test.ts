import { describe, expect, it } from 'vitest';
import { china2025And2026 } from '../calendar/china-calendar.fixture';
import { procedureApplies, standardProcedures } from './approval-presets';
import { approvalSchedule, dependencyOrder, type ScheduleItem } from './approval-schedule';
import { approvalTransitions, assertApprovalTransition } from './approval-status';
import { approvalTiming, colourOf, promiseDueOn } from './approval-timing';
import { startBlockedMessage, startBlockers } from './start-gate';

const calendar = china2025And2026;
const accepted = (acceptedOn: string, committedDays = 10) => ({
  status: 'accepted' as const,
  committedDays,
  acceptedOn,
  approvedOn: null,
  gapsClearedOn: null,
  openPromises: [],
});

describe('容缺 promise', () => {
  it('falls due 20 working days after an acceptance on the Friday before 国庆, over the holiday and its 调休 days', () => {
    // 2025-09-26 Fri; 09-28 Sun works (调休); 10-01…08 off; 10-11 Sat works (调休).
    expect(promiseDueOn('2025-09-26', 20, calendar)).toBe('2025-10-30');
    expect(promiseDueOn('2025-09-26', 1, calendar)).toBe('2025-09-28');
    expect(promiseDueOn('2025-09-26', 4, calendar)).toBe('2025-10-09');
  });
});

describe('time-limit colours', () => {
  it.each([
    ['2025-09-30', 'green', 3],
    ['2025-10-08', 'green', 3],
    ['2025-10-09', 'green', 4],
    ['2025-10-10', 'yellow', 5],
    ['2025-10-14', 'yellow', 8],
    ['2025-10-15', 'red', 9],
    ['2025-10-16', 'red', 10],
    ['2025-10-17', 'overdue', 11],
  ] as const)('a 10-day item accepted 2025-09-26 is %s on %s', (today, colour, elapsed) => {
    const timing = approvalTiming(accepted('2025-09-26'), today, calendar, 2);
    expect(timing.colour).toBe(colour);
    expect(timing.elapsedDays).toBe(elapsed);
    expect(timing.dueOn).toBe('2025-10-16');
    expect(timing.isProvisional).toBe(false);
  });

  it('is none before acceptance and done after approval, saying whether the limit was kept', () => {
    expect(
      approvalTiming(
        { ...accepted('2025-09-26'), status: 'preparing', acceptedOn: null },
        '2025-10-20',
        calendar,
        2,
      ).colour,
    ).toBe('none');
    const late = approvalTiming(
      { ...accepted('2025-09-26'), status: 'approved', approvedOn: '2025-10-17' },
      '2025-12-01',
      calendar,
      2,
    );
    expect(late).toMatchObject({ colour: 'done', elapsedDays: 11, approvedInTime: false });
    const onTime = approvalTiming(
      { ...accepted('2025-09-26'), status: 'approved', approvedOn: '2025-10-16' },
      '2025-12-01',
      calendar,
      2,
    );
    expect(onTime.approvedInTime).toBe(true);
  });

  it('turns a green item red when a missing material is past its promise or the conversion limit passed', () => {
    const gaps = {
      ...accepted('2025-09-26', 30),
      status: 'accepted_with_gaps' as const,
      openPromises: ['2025-10-09'],
    };
    expect(approvalTiming(gaps, '2025-10-09', calendar, 2)).toMatchObject({
      colour: 'green',
      promiseOverdue: false,
    });
    expect(approvalTiming(gaps, '2025-10-10', calendar, 2)).toMatchObject({
      colour: 'red',
      promiseOverdue: true,
    });
    const cleared = { ...accepted('2025-09-26', 30), gapsClearedOn: '2025-09-30' };
    // Two working days after 09-30 skip the holiday: 10-09, 10-10.
    expect(approvalTiming(cleared, '2025-10-10', calendar, 2)).toMatchObject({
      colour: 'green',
      conversionDueOn: '2025-10-10',
      conversionOverdue: false,
    });
    expect(approvalTiming(cleared, '2025-10-11', calendar, 2)).toMatchObject({
      colour: 'red',
      conversionOverdue: true,
    });
  });

  it('marks a limit counted into a year without holiday data as provisional', () => {
    expect(approvalTiming(accepted('2026-12-24', 10), '2026-12-28', calendar, 2).isProvisional).toBe(true);
    expect(approvalTiming(accepted('2026-11-02', 10), '2026-11-05', calendar, 2).isProvisional).toBe(false);
  });

  it('puts a zero-day limit straight to red and then overdue', () => {
    expect(colourOf(0, 0)).toBe('red');
    expect(colourOf(1, 0)).toBe('overdue');
    expect(colourOf(0, 3)).toBe('green');
  });
});

describe('status moves', () => {
  it('refuses a formal approval while documents are missing, saying why', () => {
    expect(() => assertApprovalTransition('accepted_with_gaps', 'approved')).toThrow(
      /容缺材料补齐后才能正式批复/,
    );
    expect(() => assertApprovalTransition('not_started', 'approved')).toThrow(
      /可转为：准备中、已受理、容缺受理、不需办理/,
    );
    expect(() => assertApprovalTransition('accepted', 'approved')).not.toThrow();
  });

  it('never offers a move to the same status', () => {
    for (const [from, tos] of Object.entries(approvalTransitions)) expect(tos).not.toContain(from);
  });
});

const item = (
  code: string,
  committedDays: number,
  dependsOn: string[] = [],
  over: Partial<ScheduleItem> = {},
): ScheduleItem => ({
  id: code,
  code,
  name: code,
  status: 'not_started',
  committedDays,
  dependsOn,
  requiredBeforeStart: true,
  acceptedOn: null,
  approvedOn: null,
  ...over,
});

describe('parallel approval and the critical path', () => {
  // Today 2026-03-02 (Mon); 清明 04-04…06 and 劳动节 05-01…05 are off. Two branches: land (yushen 10 → guihua 10 → gongcheng 10) and the
  // assessments (huanping 30), meeting at the permit (xuke 3, after gongcheng and tushen 10).
  const checklist = [
    item('yushen', 10),
    item('guihua', 10, ['yushen']),
    item('gongcheng', 10, ['guihua']),
    item('huanping', 30),
    item('tushen', 10, ['gongcheng']),
    item('xuke', 3, ['gongcheng', 'tushen']),
    item('beian', 1, [], { status: 'approved', acceptedOn: '2026-02-02', approvedOn: '2026-02-03' }),
  ];

  it.each([
    ['yushen', '2026-03-02', '2026-03-16', null],
    ['guihua', '2026-03-16', '2026-03-30', 'yushen'],
    ['gongcheng', '2026-03-30', '2026-04-14', 'guihua'],
    ['huanping', '2026-03-02', '2026-04-14', null],
    ['tushen', '2026-04-14', '2026-04-28', 'gongcheng'],
    ['xuke', '2026-04-28', '2026-05-06', 'tushen'],
  ])('schedules %s from %s to %s (bound by %s)', (id, startOn, finishOn, boundBy) => {
    const schedule = approvalSchedule(checklist, '2026-03-02', calendar);
    expect(schedule.items.find((s) => s.id === id)).toEqual({ id, startOn, finishOn, boundBy });
  });

  it('gives the earliest start after the permit and the chain that sets it', () => {
    const schedule = approvalSchedule(checklist, '2026-03-02', calendar);
    expect(schedule.criticalChain).toEqual(['yushen', 'guihua', 'gongcheng', 'tushen', 'xuke']);
    // 劳动节 (05-01…05) lies between the permit's start and end; the day after it is 05-07.
    expect(schedule.earliestStartOn).toBe('2026-05-07');
  });

  it('counts an accepted item by its remaining days and leaves out items not needed', () => {
    const schedule = approvalSchedule(
      [
        item('huanping', 30, [], { status: 'accepted', acceptedOn: '2026-02-02' }),
        item('jieneng', 10, [], { status: 'not_needed' }),
        item('xuke', 3, ['jieneng']),
      ],
      '2026-03-02',
      calendar,
    );
    // 2026-02-02 → 03-02 used 16 working days (春节 off, 02-14 and 02-28 worked): 14 remain.
    expect(schedule.items.find((s) => s.id === 'huanping')?.finishOn).toBe('2026-03-20');
    expect(schedule.items.map((s) => s.id)).toEqual(['huanping', 'xuke']);
    expect(schedule.criticalChain).toEqual(['huanping']);
    expect(schedule.earliestStartOn).toBe('2026-03-23');
  });

  it('answers today when everything required is approved, and null when nothing is required', () => {
    expect(approvalSchedule([checklist[6]!], '2026-03-02', calendar).earliestStartOn).toBe('2026-03-02');
    expect(
      approvalSchedule([item('x', 5, [], { requiredBeforeStart: false })], '2026-03-02', calendar)
        .earliestStartOn,
    ).toBeNull();
  });

  it('refuses a cycle, naming it', () => {
    expect(() => dependencyOrder([item('a', 1, ['b']), item('b', 1, ['a'])])).toThrow(
      /循环：a → b → a|循环：b → a → b/,
    );
  });
});

describe('the start gate', () => {
  it('names every open required procedure and every unfulfilled 容缺 promise', () => {
    const blockers = startBlockers([
      { id: '1', name: '施工许可', status: 'accepted', requiredBeforeStart: true, missingMaterials: [] },
      {
        id: '2',
        name: '环境影响评价审批',
        status: 'accepted_with_gaps',
        requiredBeforeStart: false,
        missingMaterials: ['专家评审意见'],
      },
      { id: '3', name: '节能审查', status: 'not_needed', requiredBeforeStart: true, missingMaterials: [] },
      { id: '4', name: '项目备案', status: 'approved', requiredBeforeStart: true, missingMaterials: [] },
      {
        id: '5',
        name: '水土保持方案审批',
        status: 'preparing',
        requiredBeforeStart: false,
        missingMaterials: [],
      },
    ]);
    expect(blockers.map((b) => [b.itemId, b.kind])).toEqual([
      ['1', 'open'],
      ['2', 'gaps'],
    ]);
    expect(startBlockedMessage(blockers)).toContain(
      '施工许可（已受理）；环境影响评价审批：容缺材料未补齐（专家评审意见）',
    );
  });
});

describe('the standard catalogue', () => {
  it('has unique codes, dependencies inside itself and no cycle', () => {
    const codes = standardProcedures.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of standardProcedures) for (const code of p.dependsOn) expect(codes).toContain(code);
    expect(dependencyOrder(standardProcedures)).toHaveLength(codes.length);
  });

  it('gives each 立项 route its own procedure', () => {
    const lixiang = (route: 'approval' | 'ratification' | 'filing') =>
      standardProcedures
        .filter((p) => p.code.startsWith('lixiang') && procedureApplies(p, route, '现代产业'))
        .map((p) => p.name);
    expect(lixiang('approval')).toEqual(['项目建议书及可行性研究报告审批']);
    expect(lixiang('ratification')).toEqual(['项目核准']);
    expect(lixiang('filing')).toEqual(['项目备案']);
  });
});
