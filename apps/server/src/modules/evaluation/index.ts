/** The evaluation module's public face: what other modules may import. */
export { loadEvaluationInputs } from './evaluation-inputs';
