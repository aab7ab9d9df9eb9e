/** The regions module's public face: what other modules may import. */
export { createRegion } from './create-region';
export { loadRegion, type RegionRow } from './regions.queries';
export { registerRegionRoutes } from './regions.routes';
