import { describe, expect, it } from 'vitest';
import { china2025And2026 } from '../calendar/china-calendar.fixture';
import {
  approvalFigures,
  approvalStatistics,
  calendarDaysBetween,
  type FigureItem,
  projectSpan,
} from './approval-statistics';

const calendar = china2025And2026;
const approved = (
  code: string,
  departmentName: string,
  acceptedOn: string,
  approvedOn: string,
  committedDays = 10,
) => ({
  projectId: 'p',
  projectName: '项目',
  code,
  name: code,
  departmentName,
  committedDays,
  acceptedOn,
  approvedOn,
});

describe('approval statistics', () => {
  it('averages and takes the median per procedure and department, in working and calendar days', () => {
    const stats = approvalStatistics(
      [
        // 2026-03-02 Mon → 03-09 Mon: 5 working, 7 calendar.
        approved('huanping', '生态环境局', '2026-03-02', '2026-03-09'),
        // → 03-16: 10 working, 14 calendar.
        approved('huanping', '生态环境局', '2026-03-02', '2026-03-16'),
        // → 03-23: 15 working, 21 calendar (over the limit of 10).
        approved('huanping', '生态环境局', '2026-03-02', '2026-03-23'),
        // 2026-09-30 → 10-09: 国庆 10-01…07 off, 10-08 and 10-09 work → 2 working days, 9 calendar.
        approved('xuke', '住建局', '2026-09-30', '2026-10-09', 3),
      ],
      [],
      calendar,
    );
    expect(stats.count).toBe(4);
    expect(stats.byProcedure).toEqual([
      {
        key: 'huanping',
        name: 'huanping',
        count: 3,
        averageWorkingDays: 10,
        medianWorkingDays: 10,
        averageCalendarDays: 14,
        medianCalendarDays: 14,
        onTime: 2,
      },
      {
        key: 'xuke',
        name: 'xuke',
        count: 1,
        averageWorkingDays: 2,
        medianWorkingDays: 2,
        averageCalendarDays: 9,
        medianCalendarDays: 9,
        onTime: 1,
      },
    ]);
    expect(stats.medianWorkingDays).toBe(7.5); // 2, 5, 10, 15
    expect(stats.byDepartment.map((d) => d.name)).toEqual(['生态环境局', '住建局']);
  });

  it('spans a project from its first acceptance to its construction permit, and not before the permit', () => {
    const items = [
      { code: 'huanping', acceptedOn: '2026-03-02', approvedOn: '2026-03-20' },
      { code: 'yongdi-yushen', acceptedOn: '2026-02-24', approvedOn: '2026-03-06' },
      { code: 'shigong-xuke', acceptedOn: '2026-04-01', approvedOn: null },
    ];
    const project = { projectId: 'p', projectName: '项目' };
    expect(projectSpan(project, items, calendar)).toBeNull();
    const span = projectSpan(
      project,
      items.map((i) => (i.code === 'shigong-xuke' ? { ...i, approvedOn: '2026-04-03' } : i)),
      calendar,
    );
    // 02-24 → 04-03: 29 working days (02-28 a Saturday worked), 38 calendar days.
    expect(span).toMatchObject({
      firstAcceptedOn: '2026-02-24',
      lastApprovedOn: '2026-04-03',
      calendarDays: 38,
    });
    expect(span?.workingDays).toBe(29);
    expect(calendarDaysBetween('2026-02-24', '2026-04-03')).toBe(38);
  });
});

describe('the cockpit’s approval figures', () => {
  const item = (
    status: FigureItem['status'],
    colour: FigureItem['colour'],
    approvedOn: string | null = null,
    elapsedDays: number | null = null,
  ): FigureItem => ({ status, colour, approvedOn, elapsedDays });

  it('counts open, 容缺, colours, approvals of the year and their average working days', () => {
    const figures = approvalFigures(
      [
        item('not_started', 'none'),
        item('accepted', 'yellow'),
        item('accepted_with_gaps', 'red'),
        item('accepted', 'overdue'),
        item('returned', 'none'),
        item('approved', 'done', '2026-02-10', 12),
        item('approved', 'done', '2026-03-01', 17),
        item('approved', 'done', '2025-12-30', 40),
        item('approved', 'done', '2026-01-15', null),
        item('not_needed', 'none'),
      ],
      2026,
    );
    expect(figures).toEqual({
      open: 5,
      gapsOpen: 1,
      yellow: 1,
      red: 1,
      overdue: 1,
      approvedThisYear: 3,
      averageWorkingDays: 14.5,
    });
  });

  it('has no average without approvals', () => {
    expect(approvalFigures([], 2026)).toMatchObject({
      open: 0,
      approvedThisYear: 0,
      averageWorkingDays: null,
    });
  });
});
