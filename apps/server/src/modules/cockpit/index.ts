/** The cockpit module's public face: what other modules may import. */
export { getCockpitRollup } from './cockpit.queries';
export { registerCockpitRoutes } from './cockpit.routes';
export { cockpitBaseSql } from './cockpit-base';
export { reportingDeadlines, resolveCockpitRegion } from './cockpit-regions';
