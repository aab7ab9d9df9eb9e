/** The map module's public face: what other modules may import. */
export { getMapRegions } from './map.queries';
