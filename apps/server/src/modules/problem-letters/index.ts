/** The problem-letters module's public face: what other modules may import. */

export { issueProblemLetter } from './issue-problem-letter';
export { nextLetterNumber } from './letter-numbers';
export { findLettersAwaitingReply } from './letters-awaiting-reply';
export { markProblemLetterSent, replyProblemLetter } from './mark-problem-letter-sent';
export { registerProblemLetterRoutes } from './problem-letters.routes';
export { provisionalReplyDatesJob } from './provisional-reply-dates.job';
export { recomputeProvisionalReplyDates } from './recompute-provisional-reply-dates';
