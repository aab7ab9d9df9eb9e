/** The users module's public face: what other modules may import. */

export { addAccount, resetPasswordByUsername, systemCtx } from './account-ops';
export { createUser } from './create-user';
export { userCtx } from './user-ctx';
export { findUsers } from './users.queries';
export { registerUserRoutes } from './users.routes';
