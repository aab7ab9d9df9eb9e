import { describe, expect, it } from 'vitest';
import { china2025And2026 } from '../calendar/china-calendar.fixture';
import {
  daysOverdue,
  defaultLetterKind,
  formatLetterSerial,
  planProblemLetter,
  transitionProblemLetter,
} from './letters';

describe('supervision letters', () => {
  it.each([
    ['reminder', 2026, 3, '提醒〔2026〕3号'],
    ['supervision', 2026, 12, '督办〔2026〕12号'],
  ] as const)('numbers a %s of %i no. %i as %s', (kind, year, number, serial) => {
    expect(formatLetterSerial(kind, year, number)).toBe(serial);
  });

  it('refuses a number below one', () => {
    expect(() => formatLetterSerial('reminder', 2026, 0)).toThrow(RangeError);
  });

  it.each([
    [0, 'reminder'],
    [1, 'supervision'],
    [4, 'supervision'],
  ] as const)('after %i letters defaults to a %s', (before, kind) => {
    expect(defaultLetterKind(before)).toBe(kind);
  });

  it.each([
    ['issued', 'send', 'sent'],
    ['sent', 'reply', 'replied'],
  ] as const)('moves a %s letter by %s to %s', (from, action, to) => {
    expect(transitionProblemLetter(from, action)).toBe(to);
  });

  it.each([
    ['issued', 'reply'],
    ['sent', 'send'],
    ['replied', 'send'],
    ['replied', 'reply'],
  ] as const)('refuses %s → %s', (from, action) => {
    expect(() => transitionProblemLetter(from, action)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it.each([
    ['2026-03-05', '2026-03-05', 0],
    ['2026-03-05', '2026-03-04', 0],
    ['2026-02-27', '2026-03-02', 3],
  ])('due %s is overdue on %s by %i days', (due, today, days) => {
    expect(daysOverdue(due, today)).toBe(days);
  });

  const base = {
    status: 'accepted' as const,
    dueOn: '2026-09-25',
    handlerOrganisationId: 'org',
    today: '2026-09-30',
    replyWorkingDays: 3,
    calendar: china2025And2026,
  };

  it('gives the reply deadline in working days across 国庆 (10-01…10-08 off, 10-10 a make-up workday)', () => {
    expect(planProblemLetter(base)).toEqual({
      daysOverdue: 5,
      replyDueOn: '2026-10-10',
      isReplyDueOnProvisional: false,
    });
  });

  it('marks a reply date counted into a year without holiday data as provisional (暂定)', () => {
    expect(planProblemLetter({ ...base, today: '2026-12-30', replyWorkingDays: 3 })).toMatchObject({
      replyDueOn: '2027-01-05',
      isReplyDueOnProvisional: true,
    });
  });

  it.each([
    [{ status: 'answered' as const }, 'INVALID_TRANSITION'],
    [{ dueOn: '2026-09-30' }, 'VALIDATION_FAILED'],
    [{ handlerOrganisationId: null }, 'VALIDATION_FAILED'],
  ])('refuses a letter on %o', (over, code) => {
    expect(() => planProblemLetter({ ...base, ...over })).toThrow(expect.objectContaining({ code }));
  });
});
