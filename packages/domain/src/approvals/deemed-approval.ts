import { addWorkingDays, type HolidayCalendar, isProvisionalDeadline } from '../calendar/working-days';
import type { ApprovalStatus } from './approval-status';

/**
 * 超时默认 (Dongguan's rule): the notice goes out on this working day after the last working day of
 * the committed limit, so a department deciding on the deadline itself or the day after is in time.
 */
export const deemedNoticeWorkingDaysAfter = 2;

/** What the rule reads of an item. */
export interface DeemedApprovalInput {
  deemedApproval: boolean;
  status: ApprovalStatus;
  committedDays: number;
  acceptedOn: string | null;
  approvedOn: string | null;
}

/** When an item's notice falls due: the deadline that passes and the day the notice is issued. */
export interface DeemedNoticePlan {
  deadlineOn: string;
  noticeOn: string;
}

/**
 * The 超时默认 notice an item calls for on `today`, or null. Only an item of a procedure marked for
 * deemed approval, fully accepted (已受理, including a 容缺受理 whose gaps have closed — still
 * 容缺受理 is not: the owner owes materials) and not approved: its limit runs from the acceptance
 * date by the committed working days; the notice is due from the second working day after that
 * (a missed day is caught up later, never issued early). A date counted through a year whose
 * holidays are not entered yet is provisional, and a formal notice waits until it is not.
 */
export function deemedNoticeDue(
  item: DeemedApprovalInput,
  today: string,
  calendar: HolidayCalendar,
): DeemedNoticePlan | null {
  if (!item.deemedApproval || item.status !== 'accepted' || !item.acceptedOn || item.approvedOn) return null;
  const deadlineOn = addWorkingDays(item.acceptedOn, item.committedDays, calendar);
  const noticeOn = addWorkingDays(deadlineOn, deemedNoticeWorkingDaysAfter, calendar);
  if (today < noticeOn || isProvisionalDeadline(item.acceptedOn, noticeOn, calendar)) return null;
  return { deadlineOn, noticeOn };
}

/** 超时默认〔2026〕350902-1号: the item's region, the year of issue and that region's sequence. */
export function formatDeemedNoticeNumber(regionCode: string, year: number, sequence: number): string {
  return `${deemedNoticeNumberPrefix(regionCode, year)}${sequence}号`;
}

/** The part of a notice number before the sequence: 超时默认〔2026〕350902- */
export const deemedNoticeNumberPrefix = (regionCode: string, year: number) =>
  `超时默认〔${year}〕${regionCode}-`;
