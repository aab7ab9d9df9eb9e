import type { Me } from '@tuijin/contracts';
import type { Permission } from '@tuijin/domain';
import { createContext, useContext } from 'react';

/** The signed-in person, provided by the route guard to every page behind it. */
export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser must be used below the authentication guard');
  return me;
}

/** Whether the server granted the signed-in person a permission (from `abilities`, never from roles). */
export const hasAbility = (me: Me, permission: Permission) => me.abilities.includes(permission);

/** `can('user.manage')` for the signed-in person. */
export function useCan(): (permission: Permission) => boolean {
  const me = useCurrentUser();
  return (permission) => hasAbility(me, permission);
}
