/**
 * Submission checks (报送校验) by id. Which of them block a submission and which only warn is the
 * reporting calendar's `blocking_checks`; {@link defaultBlockingChecks} when a region has no row.
 */
export const reportCheckIds = [
  'negativeAmount',
  'sinceStartAboveTotal',
  'ytdDecrease',
  'outOfLine',
  'progressUnchanged',
  'startedWithoutDate',
] as const;
export type ReportCheckId = (typeof reportCheckIds)[number];

/** Blocking by default: a negative amount and a since-start total above the total investment. */
export const defaultBlockingChecks: readonly ReportCheckId[] = ['negativeAmount', 'sinceStartAboveTotal'];
