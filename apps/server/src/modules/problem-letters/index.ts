/** The problem-letters module's public face: what other modules may import. */

export { nextLetterNumber } from './letter-numbers';
export { findLettersAwaitingReply } from './letters-awaiting-reply';
export { provisionalReplyDatesJob } from './provisional-reply-dates.job';
export { recomputeProvisionalReplyDates } from './recompute-provisional-reply-dates';
