import type { Me, User } from '@tuijin/contracts';
import { permissionToChangeAccount, type Role, grantableRoles as rolesGrantableWith } from '@tuijin/domain';
import { hasAbility } from '../auth/use-current-user';

/**
 * Which buttons to offer, from the same 三权分立 rules the server applies (permissionToGrant,
 * permissionToChangeAccount in @tuijin/domain); nobody changes their own account here. The server
 * still decides.
 */
export const grantableRoles = (me: Me): Role[] => rolesGrantableWith(me.abilities);

/** Whether the signed-in person may create accounts at all (with some role they can grant). */
export const canCreateUsers = (me: Me) => grantableRoles(me).length > 0;

/** Whether the signed-in person may edit, disable, reset or unlock this account. */
export function canChangeAccount(me: Me, user: Pick<User, 'id' | 'roles'>): boolean {
  if (user.id === me.user.id) return false;
  return hasAbility(me, permissionToChangeAccount(user.roles));
}
