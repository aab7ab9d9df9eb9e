import { describe, expect, it } from 'vitest';
import {
  assertProjectLagging,
  type CountedLetter,
  type ProjectLetterFacts,
  type ProjectLetterReason,
  summariseLetters,
} from './project-letters';

const facts: ProjectLetterFacts = {
  month: '2026-11',
  colour: 'red',
  plannedWanYuan: '1000',
  completedWanYuan: '500',
  completionPercent: '50.0',
  timePercent: '91.7',
  overdueMilestones: 2,
  plannedStartMonth: '2026-03',
  actualStartOn: null,
};

describe('assertProjectLagging', () => {
  it.each<[ProjectLetterReason, Partial<ProjectLetterFacts>, string | null]>([
    ['red', {}, null],
    ['red', { colour: 'yellow' }, '预警为黄色，不是红色预警'],
    ['red', { colour: null }, '尚无预警结果'],
    ['yellow', { colour: 'yellow' }, null],
    ['yellow', { colour: 'green' }, '预警为绿色'],
    ['behindSchedule', {}, null],
    ['behindSchedule', { completionPercent: '91.7' }, '不低于序时进度 91.7%'],
    ['behindSchedule', { completionPercent: null, timePercent: null }, '无 2026 年度投资计划'],
    ['milestoneOverdue', {}, null],
    ['milestoneOverdue', { overdueMilestones: 0 }, '没有逾期节点'],
    ['notStarted', {}, null],
    ['notStarted', { actualStartOn: '2026-04-01' }, '已于 2026-04-01 开工'],
    ['notStarted', { plannedStartMonth: '2026-12' }, '计划开工时间（2026-12）未到'],
    ['other', { colour: 'green', overdueMilestones: 0 }, null],
  ])('%s with %o → %s', (reason, change, message) => {
    const run = () => assertProjectLagging(reason, { ...facts, ...change });
    if (message === null) expect(run).not.toThrow();
    else expect(run).toThrow(message);
  });
});

describe('summariseLetters', () => {
  const letter = (over: Partial<CountedLetter>): CountedLetter => ({
    kind: 'reminder',
    issuedOn: '2026-02-10',
    recipientOrganisationName: '甲公司',
    status: 'sent',
    replyDueOn: '2026-02-20',
    ...over,
  });

  it('counts the year by kind, month, quarter and recipient, replied and overdue', () => {
    const summary = summariseLetters(
      [
        letter({}),
        letter({ issuedOn: '2026-03-31', replyDueOn: '2026-12-31' }),
        letter({
          kind: 'supervision',
          issuedOn: '2026-04-01',
          recipientOrganisationName: '乙局',
          status: 'replied',
        }),
        letter({ issuedOn: '2025-12-31' }),
      ],
      2026,
      '2026-03-02',
    );
    expect(summary.total).toBe(3);
    expect(summary.byKind).toEqual({ reminder: 2, supervision: 1 });
    expect(summary.byMonth.slice(0, 4)).toEqual([0, 1, 1, 1]);
    expect(summary.byQuarter).toEqual([2, 1, 0, 0]);
    expect(summary.byRecipient).toEqual([
      { recipientOrganisationName: '甲公司', count: 2 },
      { recipientOrganisationName: '乙局', count: 1 },
    ]);
    expect(summary.replied).toBe(1);
    expect(summary.overdueReply).toBe(1);
  });
});
