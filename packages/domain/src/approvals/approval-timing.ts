import {
  addWorkingDays,
  type HolidayCalendar,
  isProvisionalDeadline,
  workingDaysBetween,
} from '../calendar/working-days';
import { type ApprovalStatus, isAcceptedApprovalStatus } from './approval-status';

/**
 * The colour of an item's time limit (Enshi's rule): green while under half of the committed working
 * days are used, yellow from 50 %, red from 90 %, overdue once past the limit. `none` before the
 * clock starts (not accepted yet) and for items taken off the list; `done` once approved.
 */
export const approvalColours = ['none', 'green', 'yellow', 'red', 'overdue', 'done'] as const;
export type ApprovalColour = (typeof approvalColours)[number];

export const approvalColourNames: Record<ApprovalColour, string> = {
  none: '未计时',
  green: '正常',
  yellow: '过半',
  red: '临期',
  overdue: '超期',
  done: '已办结',
};

/** What the timing rule reads of an item. */
export interface ApprovalTimingInput {
  status: ApprovalStatus;
  committedDays: number;
  acceptedOn: string | null;
  approvedOn: string | null;
  /** The day the last missing material was supplied (the conversion clock's start), if any. */
  gapsClearedOn: string | null;
  /** Promised dates of the 容缺 materials still missing. */
  openPromises: readonly string[];
}

export interface ApprovalTiming {
  colour: ApprovalColour;
  /** Working days used since acceptance (to approval, or to today while open); null before acceptance. */
  elapsedDays: number | null;
  /** The last working day of the committed limit; null before acceptance. */
  dueOn: string | null;
  /** Whether an approved item kept its committed limit. */
  approvedInTime: boolean | null;
  /** The earliest promise of a missing material and whether it has passed. */
  nextPromiseOn: string | null;
  promiseOverdue: boolean;
  /** Formal approval due after the gaps closed (Jiangxi: 2 working days), while not approved yet. */
  conversionDueOn: string | null;
  conversionOverdue: boolean;
  /** Whether a date here was counted through a year whose holidays are not entered (暂定). */
  isProvisional: boolean;
}

/** Colour thresholds as fractions of the committed working days. */
export const approvalColourThresholds = { yellow: 0.5, red: 0.9 } as const;

/**
 * The time limit of one item on `today`. The clock runs from the acceptance date (受理), counting
 * working days on the shared calendar, the acceptance day itself not counted. A missing material
 * past its promised date makes an open item red at least; a formal approval not given within the
 * conversion limit after the gaps closed does too.
 */
export function approvalTiming(
  item: ApprovalTimingInput,
  today: string,
  calendar: HolidayCalendar,
  conversionDays: number,
): ApprovalTiming {
  const nextPromiseOn = [...item.openPromises].sort()[0] ?? null;
  const promiseOverdue = nextPromiseOn !== null && today > nextPromiseOn;
  const conversionDueOn =
    item.gapsClearedOn && item.status !== 'approved'
      ? addWorkingDays(item.gapsClearedOn, conversionDays, calendar)
      : null;
  const conversionOverdue = conversionDueOn !== null && today > conversionDueOn;
  const base = {
    nextPromiseOn,
    promiseOverdue,
    conversionDueOn,
    conversionOverdue,
  };
  const counted = item.status === 'approved' || isAcceptedApprovalStatus(item.status);
  if (!counted || !item.acceptedOn)
    return {
      ...base,
      colour: 'none',
      elapsedDays: null,
      dueOn: null,
      approvedInTime: null,
      isProvisional: false,
    };
  const dueOn = addWorkingDays(item.acceptedOn, item.committedDays, calendar);
  const end = item.status === 'approved' && item.approvedOn ? item.approvedOn : today;
  const elapsedDays = workingDaysBetween(item.acceptedOn, end, calendar);
  const isProvisional = isProvisionalDeadline(item.acceptedOn, [dueOn, end].sort()[1]!, calendar);
  if (item.status === 'approved')
    return {
      ...base,
      colour: 'done',
      elapsedDays,
      dueOn,
      approvedInTime: elapsedDays <= item.committedDays,
      isProvisional,
    };
  let colour = colourOf(elapsedDays, item.committedDays);
  if ((promiseOverdue || conversionOverdue) && (colour === 'green' || colour === 'yellow')) colour = 'red';
  return { ...base, colour, elapsedDays, dueOn, approvedInTime: null, isProvisional };
}

/** green / yellow (≥ 50 %) / red (≥ 90 %) / overdue (past the limit) for days used of a limit. */
export function colourOf(elapsedDays: number, committedDays: number): ApprovalColour {
  if (elapsedDays > committedDays) return 'overdue';
  if (committedDays === 0) return elapsedDays === 0 ? 'red' : 'overdue';
  const share = elapsedDays / committedDays;
  if (share >= approvalColourThresholds.red) return 'red';
  if (share >= approvalColourThresholds.yellow) return 'yellow';
  return 'green';
}

/**
 * 容缺 promise: the date a missing material is due, `days` working days after the acceptance (the
 * office's default is 20; each material may carry its own).
 */
export function promiseDueOn(acceptedOn: string, days: number, calendar: HolidayCalendar): string {
  return addWorkingDays(acceptedOn, days, calendar);
}
