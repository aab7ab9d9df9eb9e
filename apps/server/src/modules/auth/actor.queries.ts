import type { Actor, Role } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations, regions, users } from '../../db/schema';

/** Columns that make an actor, shared by the login and session queries. */
export const actorColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  isActive: users.isActive,
  mustChangePassword: users.mustChangePassword,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  organisationActive: organisations.isActive,
  sector: organisations.sector,
  regionCode: regions.code,
  regionName: regions.name,
  regionLevel: regions.level,
  regionPath: regions.path,
};

export type ActorRow = {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  isActive: boolean;
  mustChangePassword: boolean;
  organisationId: string;
  organisationName: string;
  organisationKind: Actor['organisationKind'];
  organisationActive: boolean;
  sector: string | null;
  regionCode: string;
  regionName: string;
  regionLevel: 'province' | 'city' | 'county' | 'zone';
  regionPath: string;
};

/** users ⋈ organisations ⋈ regions, the join every actor comes from. */
export const actorSource = (db: Queryable) =>
  db
    .select(actorColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode));

export function toActor(row: ActorRow): Actor {
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as Role[],
    organisationId: row.organisationId,
    organisationKind: row.organisationKind,
    regionCode: row.regionCode,
    regionPath: row.regionPath,
    sector: row.sector,
  };
}

/**
 * The actor of an active account by username, for commands run as a person (`tuijin … --as`): the
 * same roles, organisation and jurisdiction as when that person signs in. Unknown or disabled → null.
 */
export async function loadActorByUsername(db: Queryable, username: string): Promise<Actor | null> {
  const [row] = await actorSource(db).where(eq(users.username, username));
  if (!row?.isActive || !row.organisationActive) return null;
  return toActor(row);
}
