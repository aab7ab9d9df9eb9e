/** The project-letters module's public face: what other modules may import. */
export { issueProjectLetter } from './issue-project-letter';
export { markProjectLetterSent, replyProjectLetter } from './move-project-letter';
export { registerProjectLetterRoutes } from './project-letters.routes';
export { findProjectLettersAwaitingReply } from './project-letters-awaiting-reply';
