/** The security module's public face: what other modules may import. */

export { registerSecurityRoutes } from './security.routes';
export { getSecurityPolicy } from './security-policy.queries';
export { updateSecurityPolicy } from './update-security-policy';
