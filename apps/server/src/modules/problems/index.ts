/** The problems module's public face: what other modules may import. */

export { answerProblem } from './answer-problem';
export { confirmProblem, sendBackProblem } from './confirm-problem';
export { recordJobFailure } from './escalation-failures';
export { applyEscalationPreset } from './escalation-ladders';
export { escalationsJob } from './escalations.job';
export { createProblemClass } from './problem-classes';
export { appendProblemStep, type LoadedProblem, loadProblem } from './problem-context';
export { problemScope } from './problem-scope';
export { findProblems, openProblemsAtLevel, type ProblemListQuery } from './problems.queries';
export { registerProblemRoutes } from './problems.routes';
export { type OpenProblemJson, openProblemsJsonSql } from './project-open-problems';
export { raiseProblem } from './raise-problem';
export { recomputeProvisionalDueDates } from './recompute-provisional-due-dates';
export { rejectProblem } from './reject-problem';
export { createRoutingRule } from './routing-rules';
export { runEscalations } from './run-escalations';
export { startProblem } from './start-problem';
export { writeOffProblem } from './write-off-problem';
