/** The warnings module's public face: what other modules may import. */
export { defaultWarningMonth, recomputeWarnings } from './recompute-warnings';
export { createWarningDraft, publishWarningDraft } from './rule-sets';
export { loadWarningFacts } from './warning-facts';
export { warningsJob } from './warnings.job';
export {
  currentWarnings,
  latestProjectColour,
  latestWarningJsonSql,
  listSnails,
  monthOrDefault,
  redProjectsIn,
  warningColourSql,
} from './warnings.queries';
export { registerWarningRoutes } from './warnings.routes';
