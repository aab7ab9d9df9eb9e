/** The organisations module's public face: what other modules may import. */
export { getOrganisation } from './organisations.queries';
export { registerOrganisationRoutes } from './organisations.routes';
export { createOrganisation, insertOwnerUnit } from './save-organisation';
