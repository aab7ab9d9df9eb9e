/** The warnings module's public face: what other modules may import. */
export { defaultWarningMonth, recomputeWarnings } from './recompute-warnings';
export { loadWarningFacts } from './warning-facts';
export { warningsJob } from './warnings.job';
export {
  currentWarnings,
  listSnails,
  monthOrDefault,
  redProjectsIn,
  warningColourSql,
} from './warnings.queries';
