/** The security module's public face: what other modules may import. */
export { getSecurityPolicy } from './security-policy.queries';
