/** The evaluation module's public face: what other modules may import. */

export { computeAllEvaluations } from './compute-all-evaluations';
export { computeEvaluation, publishEvaluation } from './compute-evaluation';
export { registerEvaluationRoutes } from './evaluation.routes';
export { addEvaluationAdjustment } from './evaluation-adjustments';
export { loadEvaluationInputs } from './evaluation-inputs';
export { createEvaluationScheme } from './evaluation-schemes';
