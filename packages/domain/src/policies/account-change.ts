import { AppError } from '../errors';
import type { Actor } from './actor';
import { isSystemActor } from './actor';
import { isAdminRole, type Permission, permissionsOf, type Role } from './permissions';

/** What the user pages can do to an account. */
export const accountActions = [
  'update',
  'setActive',
  'resetPassword',
  'setRoles',
  'unlock',
  'resetTwoFactor',
] as const;
export type AccountAction = (typeof accountActions)[number];

/** Why an account change is refused; `null` when it is allowed. */
export type AccountChangeRefusal = 'self' | 'adminAccount' | 'permission';

/** Who is asking, in the form both the server (an Actor) and the web app (its abilities) have. */
export interface AccountChanger {
  userId: string;
  permissions: readonly Permission[];
  /** The server itself (the CLI `tuijin user …`), which may recover any account. */
  isSystem: boolean;
}

/**
 * 三权分立 for account changes made through the app. Nobody changes their own account there; an
 * administrator account (system, security or audit admin) is never edited, disabled, reset or
 * re-roled through the app by anyone — recovering one is `tuijin user reset-password` on the server,
 * audited as `system` — so no admin can take over another's account. Lifting a lockout grants no
 * access by itself (the password is still needed), so the security admin may unlock an admin
 * account. Business accounts need `user.manage` (the system admin).
 */
export function accountChangeRefusal(
  changer: AccountChanger,
  target: { userId: string; roles: readonly Role[] },
  action: AccountAction,
): AccountChangeRefusal | null {
  if (changer.isSystem) return null;
  if (changer.userId === target.userId) return 'self';
  // Like an unlock, a reset grants no access (the password is still needed, and the policy has the
  // person enrol again at the next login): the security admin's, for every account but their own.
  if (action === 'resetTwoFactor')
    return changer.permissions.includes('user.resetTwoFactor') ? null : 'permission';
  const isAdminAccount = target.roles.some(isAdminRole);
  if (isAdminAccount && action !== 'unlock') return 'adminAccount';
  const needed: Permission = isAdminAccount ? 'user.grantAdminRole' : 'user.manage';
  return changer.permissions.includes(needed) ? null : 'permission';
}

/** The zh-CN message of each refusal (the web app localises by `issue`). */
export const accountChangeMessages: Record<AccountChangeRefusal, string> = {
  self: '不能在管理页面修改自己的账号',
  adminAccount:
    '管理员账号不能在系统内重置、停用或修改角色，请在服务器上使用 tuijin user reset-password 恢复',
  permission: '没有执行此操作的权限',
};

/** The changer form of an actor. */
export const accountChangerOf = (actor: Actor): AccountChanger => ({
  userId: actor.userId,
  permissions: [...permissionsOf(actor.roles)],
  isSystem: isSystemActor(actor),
});

/** Throws FORBIDDEN (with the reason as `issue`) unless the actor may do `action` to the account. */
export function authorizeAccountChange(
  actor: Actor,
  target: { userId: string; roles: readonly Role[] },
  action: AccountAction,
): void {
  const refusal = accountChangeRefusal(accountChangerOf(actor), target, action);
  if (refusal) {
    const message = accountChangeMessages[refusal];
    throw new AppError('FORBIDDEN', message, [{ path: 'user', message, issue: `account.${refusal}` }]);
  }
}
