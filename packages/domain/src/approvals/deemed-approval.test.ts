import { describe, expect, it } from 'vitest';
import { china2025And2026 } from '../calendar/china-calendar.fixture';
import { emptyHolidayCalendar } from '../calendar/working-days';
import { deemedNoticeDue, formatDeemedNoticeNumber } from './deemed-approval';

const calendar = china2025And2026;
// 2026-09-21 Mon; 25–27 中秋 off; 10-01…07 国庆 off; 10-10 Sat works (调休).
const item = {
  deemedApproval: true,
  status: 'accepted' as const,
  committedDays: 5,
  acceptedOn: '2026-09-21',
  approvedOn: null,
};

describe('超时默认 notice', () => {
  it.each([
    ['2026-09-30', null],
    ['2026-10-01', null],
    ['2026-10-07', null],
    ['2026-10-08', '2026-10-08'],
    ['2026-10-20', '2026-10-08'],
  ] as const)('for a 5-day limit ending 2026-09-29, before 国庆, on %s: due %s', (today, noticeOn) => {
    const plan = deemedNoticeDue(item, today, calendar);
    expect(plan?.noticeOn ?? null).toBe(noticeOn);
    if (plan) expect(plan.deadlineOn).toBe('2026-09-29');
  });

  it.each([
    ['not marked for deemed approval', { deemedApproval: false }],
    ['still 容缺受理', { status: 'accepted_with_gaps' as const }],
    ['approved', { status: 'approved' as const, approvedOn: '2026-10-09' }],
    ['not accepted', { status: 'preparing' as const, acceptedOn: null }],
  ])('is never due for an item %s', (_, change) => {
    expect(deemedNoticeDue({ ...item, ...change }, '2026-12-01', calendar)).toBeNull();
  });

  it('waits while the dates run through a year whose holidays are not entered', () => {
    expect(deemedNoticeDue(item, '2026-12-01', emptyHolidayCalendar)).toBeNull();
  });

  it('numbers a notice by region, year and sequence', () => {
    expect(formatDeemedNoticeNumber('350902', 2026, 1)).toBe('超时默认〔2026〕350902-1号');
  });
});
