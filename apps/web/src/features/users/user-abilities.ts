import type { Me, User } from '@tuijin/contracts';
import {
  type AccountAction,
  accountChangeRefusal,
  type Permission,
  type Role,
  grantableRoles as rolesGrantableWith,
} from '@tuijin/domain';

/**
 * Which buttons to offer, from the same 三权分立 rules the server applies (permissionToGrant,
 * accountChangeRefusal in @tuijin/domain): nobody changes their own account here, and nobody changes
 * an administrator account through the app. The server still decides.
 */
export const grantableRoles = (me: Me): Role[] => rolesGrantableWith(me.abilities);

/** Whether the signed-in person may create accounts at all (with some role they can grant). */
export const canCreateUsers = (me: Me) => grantableRoles(me).length > 0;

/** Whether the signed-in person may do `action` (edit, disable, reset, re-role, unlock) to this account. */
export function canChangeAccount(me: Me, user: Pick<User, 'id' | 'roles'>, action: AccountAction): boolean {
  const changer = { userId: me.user.id, permissions: me.abilities as Permission[], isSystem: false };
  return accountChangeRefusal(changer, { userId: user.id, roles: user.roles }, action) === null;
}
