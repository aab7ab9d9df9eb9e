/** The resumption module's public face: what other modules (and the demo) may import. */

export { registerResumptionRoutes } from './resumption.routes';
export { saveResumptionSettings } from './resumption-overview';
export {
  resumptionCountIn,
  type StoppedProject,
  stoppedProjectsOn,
  whitelistCountsIn,
} from './resumption-summary';
export { acceptStoppage, fileStoppage, recordStoppage, resumeStoppage } from './stoppages';
export { includeInWhitelist, removeFromWhitelist } from './whitelist';
export { createZone } from './zones';
