/** The regions module's public face: what other modules may import. */
export { createRegion } from './create-region';
export { type RegionView, resolveRegionView } from './region-view';
export { loadRegion, type RegionRow } from './regions.queries';
export { registerRegionRoutes } from './regions.routes';
