/** The map module's public face: what other modules may import. */

export type { TileFetcher } from './basemap';
export { fetchTile } from './basemap';
export { registerBasemapRoutes } from './basemap.routes';
export { deleteRegionMap } from './delete-region-map';
export { getMapRegions } from './map.queries';
export { registerMapRoutes } from './map.routes';
export { uploadRegionMap } from './upload-region-map';
