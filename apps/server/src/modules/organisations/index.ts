/** The organisations module's public face: what other modules may import. */
export { getOrganisation } from './organisations.queries';
export { createOrganisation } from './save-organisation';
