import type { Me } from '@tuijin/contracts';
import { abilities } from '@tuijin/domain';
import { type ActorRow, toActor } from './actor.queries';

/** The signed-in person as the web app needs them, with their abilities. */
export function presentMe(row: ActorRow): Me {
  const actor = toActor(row);
  return {
    user: { id: row.userId, username: row.username, displayName: row.displayName },
    roles: actor.roles,
    organisation: { id: row.organisationId, name: row.organisationName, kind: row.organisationKind },
    region: { code: row.regionCode, name: row.regionName, level: row.regionLevel },
    abilities: abilities(actor),
    mustChangePassword: row.mustChangePassword,
  };
}
