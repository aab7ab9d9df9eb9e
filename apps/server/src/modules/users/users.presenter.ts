import type { User } from '@tuijin/contracts';
import type { UserView } from './users.queries';

/** User row → wire shape; never the password hash. */
export function presentUser(row: UserView): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: row.phone,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    roles: row.roles,
    isActive: row.isActive,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    version: row.version,
  };
}
