/** The users module's public face: what other modules may import. */
export { createUser } from './create-user';
export { findUsers } from './users.queries';
