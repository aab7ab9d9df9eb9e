import { describe, expect, it } from 'vitest';
import { china2025And2026 as calendar } from '../calendar/china-calendar.fixture';
import { type AgendaCandidate, buildAgenda } from './agenda';
import { cadenceCompliance, cadencePreset321, type DispatchActivity } from './cadence-compliance';
import { cadenceProblems, meetingDates, nextMeetingOn } from './meeting-cadence';
import { meetingSeriesPresets } from './meeting-presets';
import { nextTaskStatus, taskDueOn, taskReminderStage, taskTransitions } from './task-status';

const monday = { kind: 'weekly', weekday: 1, everyWeeks: 1, anchorOn: '2026-01-05' } as const;

describe('meeting dates on the 2026 calendar (hand-counted)', () => {
  it.each([
    // The Monday of 国庆 week (10-05) is off through 10-07: that week's meeting sits on Thursday 10-08.
    ['weekly Monday from Monday 09-28', monday, '2026-09-28', 3, ['2026-09-28', '2026-10-08', '2026-10-12']],
    // Asked on Tuesday 10-06 the holiday week's meeting is still ahead.
    ['weekly Monday from 10-06', monday, '2026-10-06', 2, ['2026-10-08', '2026-10-12']],
    ['weekly Monday from 10-09', monday, '2026-10-09', 2, ['2026-10-12', '2026-10-19']],
    // Every other Monday from 01-05: 02-16 falls in 春节 (02-15…02-23) and moves to Tuesday 02-24.
    [
      'fortnightly Monday across 春节',
      { ...monday, everyWeeks: 2 },
      '2026-02-10',
      2,
      ['2026-02-24', '2026-03-02'],
    ],
    // The 3rd working day of October 2026: 10-08, 10-09 and the 调休 Saturday 10-10.
    [
      'monthly 3rd working day',
      { kind: 'monthly', nthWorkingDay: 3 },
      '2026-10-01',
      2,
      ['2026-10-10', '2026-11-04'],
    ],
    [
      'monthly, the month’s sitting already past',
      { kind: 'monthly', nthWorkingDay: 3 },
      '2026-10-11',
      1,
      ['2026-11-04'],
    ],
    [
      'monthly 1st working day of February',
      { kind: 'monthly', nthWorkingDay: 1 },
      '2026-02-01',
      1,
      ['2026-02-02'],
    ],
    ['ad hoc has no rhythm', { kind: 'adHoc' }, '2026-02-01', 3, []],
  ] as const)('%s', (_name, cadence, from, count, expected) => {
    expect(meetingDates(cadence, from, count, calendar)).toEqual(expected);
  });

  it('answers the next sitting, or null for an ad-hoc series', () => {
    expect(nextMeetingOn(monday, '2026-12-09', calendar)).toBe('2026-12-14');
    expect(nextMeetingOn({ kind: 'adHoc' }, '2026-12-09', calendar)).toBeNull();
  });

  it('names each wrong number of a cadence by its field', () => {
    expect(
      cadenceProblems({ kind: 'weekly', weekday: 6 as 5, everyWeeks: 0, anchorOn: '2026-01-05' }),
    ).toEqual([
      { path: 'cadence.weekday', message: '例会应定在周一至周五' },
      { path: 'cadence.everyWeeks', message: '间隔周数应为 1–8 的整数' },
    ]);
    expect(cadenceProblems({ ...monday, anchorOn: '2026-01-06' })).toEqual([
      { path: 'cadence.anchorOn', message: '起始日期应是所选的星期几' },
    ]);
    expect(cadenceProblems({ kind: 'monthly', nthWorkingDay: 0 })).toHaveLength(1);
    expect(() => meetingDates({ kind: 'monthly', nthWorkingDay: 30 }, '2026-01-01', 1, calendar)).toThrow(
      /每月第几个工作日/,
    );
  });

  it('ships presets whose cadences are sound', () => {
    for (const series of Object.values(meetingSeriesPresets).flat())
      expect(cadenceProblems(series.cadence), series.code).toEqual([]);
    expect(meetingSeriesPresets.fiveOnes).toHaveLength(5);
  });
});

describe('交办事项 lifecycle and clock', () => {
  it('moves only along the table and names what is refused', () => {
    expect(nextTaskStatus('assigned', 'start')).toBe('in_progress');
    expect(nextTaskStatus('in_progress', 'reportDone')).toBe('reported_done');
    expect(nextTaskStatus('reported_done', 'sendBack')).toBe('sent_back');
    expect(nextTaskStatus('sent_back', 'reportDone')).toBe('reported_done');
    expect(nextTaskStatus('reported_done', 'verify')).toBe('verified');
    expect(() => nextTaskStatus('in_progress', 'verify')).toThrow('交办事项办理中，不能核销');
    expect(() => nextTaskStatus('verified', 'cancel')).toThrow(/已核销/);
    // Verified and cancelled are ends: no move starts from them.
    for (const { from } of Object.values(taskTransitions)) {
      expect(from).not.toContain('verified');
      expect(from).not.toContain('cancelled');
    }
  });

  // Assigned Monday 09-28 with 5 working days: 09-29, 09-30, (国庆) 10-08, 10-09, 调休 Saturday 10-10.
  it('counts the deadline over 国庆 and reminds at 50 %, 75 %, on the day and after', () => {
    const due = taskDueOn('2026-09-28', 5, calendar);
    expect(due).toBe('2026-10-10');
    const stage = (today: string) => taskReminderStage('2026-09-28', due, today, calendar);
    expect(stage('2026-09-30')).toBeNull(); // 2 of 5
    expect(stage('2026-10-05')).toBeNull(); // still 2 of 5 through the holiday
    expect(stage('2026-10-08')).toBe('half'); // 3 of 5
    expect(stage('2026-10-09')).toBe('threeQuarters'); // 4 of 5
    expect(stage('2026-10-10')).toBe('due');
    expect(stage('2026-10-11')).toBe('overdue');
  });
});

describe('the agenda built for a meeting', () => {
  const candidates: AgendaCandidate[] = [
    { source: 'milestone', sourceId: 'M', projectId: 'P3', title: '某项目 主体完工', daysOverdue: 9 },
    { source: 'laggingProject', sourceId: 'P1', projectId: 'P1', title: '甲项目', daysOverdue: 0 },
    { source: 'problem', sourceId: 'A', projectId: 'P1', title: '用地报批', daysOverdue: 3 },
    { source: 'redProject', sourceId: 'P1', projectId: 'P1', title: '甲项目', daysOverdue: 0 },
    { source: 'approval', sourceId: 'X', projectId: 'P2', title: '乙项目 环评', daysOverdue: 4 },
    { source: 'overdueTask', sourceId: 'T1', projectId: null, title: '协调电力接入', daysOverdue: 2 },
    { source: 'problem', sourceId: 'B', projectId: 'P2', title: '征迁补偿', daysOverdue: 5 },
    { source: 'laggingProject', sourceId: 'P2', projectId: 'P2', title: '乙项目', daysOverdue: 0 },
    { source: 'problem', sourceId: 'B', projectId: 'P2', title: '征迁补偿', daysOverdue: 5 },
  ];
  const keys = (edits = { dropped: [], added: [], order: [] }) =>
    buildAgenda(candidates, edits).map((item) => item.key);

  it('puts escalated problems first, most overdue first, and takes a red and lagging project up once', () => {
    expect(keys()).toEqual([
      'problem:B',
      'problem:A',
      'overdueTask:T1',
      'redProject:P1',
      'laggingProject:P2',
      'approval:X',
      'milestone:M',
    ]);
  });

  it('applies the office’s drops, additions and order', () => {
    expect(
      keys({
        dropped: ['laggingProject:P2', 'custom:gone'],
        added: [{ key: 'custom:1', title: '其他事项' }],
        order: ['redProject:P1', 'custom:1'],
      } as never),
    ).toEqual([
      'redProject:P1',
      'custom:1',
      'problem:B',
      'problem:A',
      'overdueTask:T1',
      'approval:X',
      'milestone:M',
    ]);
  });
});

describe('321 compliance of a month', () => {
  const evidence = (id: string) => ({ kind: 'meeting' as const, id, title: `会议 ${id}` });
  const visit = (id: string) => ({ kind: 'visit' as const, id, title: `走访 ${id}` });
  const activities: DispatchActivity[] = [
    { partyKey: 'dept', kind: 'meetingChaired', heldOn: '2026-10-09', evidence: evidence('m1') },
    { partyKey: 'dept', kind: 'siteVisit', heldOn: '2026-10-15', evidence: visit('v1') },
    { partyKey: 'dept', kind: 'siteVisit', heldOn: '2026-10-15', evidence: visit('v1') },
    { partyKey: 'dept', kind: 'reportHearing', heldOn: '2026-10-28', evidence: evidence('m2') },
    { partyKey: 'dept', kind: 'siteVisit', heldOn: '2026-09-30', evidence: visit('v0') },
    { partyKey: 'leader', kind: 'siteVisit', heldOn: '2026-10-20', evidence: visit('v2') },
    { partyKey: 'head', kind: 'meetingChaired', heldOn: '2026-10-12', evidence: evidence('m3') },
  ];
  it('matches the hand count, with the evidence of each dispatch', () => {
    const rows = cadenceCompliance(
      '2026-10',
      cadencePreset321,
      [
        { key: 'dept', role: 'department', name: '住建局' },
        { key: 'leader', role: 'linkedLeader', name: '挂钩领导' },
        { key: 'head', role: 'head', name: '县长' },
      ],
      activities,
    );
    expect(rows.map((r) => [r.party.key, r.required, r.held, r.shortBy, r.met])).toEqual([
      ['dept', 3, 3, 0, true],
      ['leader', 2, 1, -1, false],
      ['head', 1, 1, 0, true],
    ]);
    expect(rows[0]!.byKind).toEqual({ meetingChaired: 1, siteVisit: 1, reportHearing: 1 });
    expect(rows[0]!.evidence.map((e) => e.id)).toEqual(['m1', 'v1', 'm2']);
  });
});
