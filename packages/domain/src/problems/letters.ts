import { type HolidayCalendar, workingDeadline } from '../calendar/working-days';
import { AppError } from '../errors';
import { isOpenProblem, type ProblemStatus } from './problem-status';

/**
 * Kinds of supervision letter: 提醒函 (reminder, the first nudge on an overdue problem) and 督办单
 * (supervision order, the formal one). Source: DOMAIN.md "Reminder letters (提醒函) and supervision (督办)".
 */
export const problemLetterKinds = ['reminder', 'supervision'] as const;
export type ProblemLetterKind = (typeof problemLetterKinds)[number];

/** A letter's life: issued (签发) → sent (已送达) → replied (已回复). */
export const problemLetterStatuses = ['issued', 'sent', 'replied'] as const;
export type ProblemLetterStatus = (typeof problemLetterStatuses)[number];

export const problemLetterActions = ['send', 'reply'] as const;
export type ProblemLetterAction = (typeof problemLetterActions)[number];

/** The letter lifecycle as a table: mark sent once issued; the handler replies once it is sent. */
export const problemLetterTransitions: Record<
  ProblemLetterAction,
  { from: ProblemLetterStatus; to: ProblemLetterStatus }
> = {
  send: { from: 'issued', to: 'sent' },
  reply: { from: 'sent', to: 'replied' },
};

/** zh-CN names of the kinds (the document title) and of the statuses. */
export const problemLetterKindNames: Record<ProblemLetterKind, string> = {
  reminder: '提醒函',
  supervision: '督办单',
};
export const problemLetterStatusNames: Record<ProblemLetterStatus, string> = {
  issued: '已签发',
  sent: '已送达',
  replied: '已回复',
};

/** The serial number's word per kind: 提醒〔2026〕3号, 督办〔2026〕12号. */
const serialWords: Record<ProblemLetterKind, string> = { reminder: '提醒', supervision: '督办' };

/**
 * The status after an action; throws INVALID_TRANSITION naming both statuses when the letter is
 * not where the action starts (a letter is marked sent once, replied to once it was sent).
 */
export function transitionProblemLetter(
  status: ProblemLetterStatus,
  action: ProblemLetterAction,
): ProblemLetterStatus {
  const rule = problemLetterTransitions[action];
  if (rule.from !== status)
    throw new AppError(
      'INVALID_TRANSITION',
      `${problemLetterStatusNames[status]}的函件不能${action === 'send' ? '标记送达' : '登记回复'}`,
      [{ path: 'status', message: status }],
    );
  return rule.to;
}

/**
 * The serial number of a letter, 督办〔2026〕12号: the kind's word, the year in 六角括号 (as official
 * documents number themselves, GB/T 9704) and the number within the jurisdiction, kind and year.
 */
export function formatLetterSerial(kind: ProblemLetterKind, year: number, number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`letter number ${number}`);
  return `${serialWords[kind]}〔${year}〕${number}号`;
}

/**
 * The kind a new letter defaults to: 提醒函 for the first letter on a problem, 督办单 once a letter
 * was issued before (the reminder did not work).
 */
export function defaultLetterKind(lettersIssuedBefore: number): ProblemLetterKind {
  return lettersIssuedBefore === 0 ? 'reminder' : 'supervision';
}

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Calendar days a due date is past on `today` (0 when not past). */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, dayNumber(today) - dayNumber(dueOn));
}

/**
 * Checks a letter may be issued on a problem and computes its reply deadline: only an open
 * problem (still owed an answer) past its due date, with a handler to write to; the reply is due
 * `replyWorkingDays` working days after `today` (调休 counted; 暂定 when counted through a year
 * without holiday data). Throws VALIDATION_FAILED naming
 * the field otherwise.
 */
export function planProblemLetter(input: {
  status: ProblemStatus;
  dueOn: string;
  handlerOrganisationId: string | null;
  today: string;
  replyWorkingDays: number;
  calendar: HolidayCalendar;
}): { daysOverdue: number; replyDueOn: string; isReplyDueOnProvisional: boolean } {
  if (!isOpenProblem(input.status))
    throw new AppError('INVALID_TRANSITION', '只能对未办结的问题发函', [
      { path: 'status', message: input.status },
    ]);
  const overdue = daysOverdue(input.dueOn, input.today);
  if (overdue === 0)
    throw new AppError('VALIDATION_FAILED', `问题尚未逾期（办理期限 ${input.dueOn}），不能发函`, [
      { path: 'dueOn', message: '未逾期' },
    ]);
  if (!input.handlerOrganisationId)
    throw new AppError('VALIDATION_FAILED', '问题尚未交办承办单位，不能发函', [
      { path: 'handlerOrganisationId', message: '未交办' },
    ]);
  const reply = workingDeadline(input.today, input.replyWorkingDays, input.calendar);
  return { daysOverdue: overdue, replyDueOn: reply.on, isReplyDueOnProvisional: reply.isProvisional };
}
