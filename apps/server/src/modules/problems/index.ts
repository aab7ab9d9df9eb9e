/** The problems module's public face: what other modules may import. */

export { recordJobFailure } from './escalation-failures';
export { escalationsJob } from './escalations.job';
export { type LoadedProblem, loadProblem } from './problem-context';
export { problemScope } from './problem-scope';
export { findProblems, openProblemsAtLevel, type ProblemListQuery } from './problems.queries';
export { runEscalations } from './run-escalations';
