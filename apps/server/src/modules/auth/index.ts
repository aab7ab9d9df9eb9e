/** The auth module's public face: what other modules may import. */
export { actorSource, loadActorByUsername, toActor } from './actor.queries';
export { registerAuthRoutes } from './auth.routes';
export { findLockedAccounts } from './locked-accounts';
export {
  assertPasswordAcceptable,
  isDemoInstallation,
  markDemoInstallation,
  rememberPassword,
} from './password-policy';
export { hashPassword } from './passwords';
export { resolveSession, revokeUserSessions, sessionCookieName } from './sessions';
export { totpCodeAt } from './totp';
export { removeTwoFactor } from './two-factor-store';
