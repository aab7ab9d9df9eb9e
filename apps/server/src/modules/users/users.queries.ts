import type { UserQuery } from '@tuijin/contracts';
import { type Actor, AppError, authorize, type Role } from '@tuijin/domain';
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations, regions, users } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { ancestorPaths, inRegionSubtree, isOwnerOnly } from '../../lib/scope';
import { loadRegion } from '../regions';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  phone: users.phone,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  regionCode: organisations.regionCode,
  regionName: regions.name,
  regionPath: organisations.regionPath,
  roles: users.roles,
  isActive: users.isActive,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
};

const source = (db: Queryable) =>
  db
    .select(columns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(regions, eq(regions.code, organisations.regionCode));

export type UserView = Awaited<ReturnType<typeof getUser>>;

/** People in scope: by their organisation's region (owners see only their own unit's people). */
function userScope(actor: Actor): SQL {
  if (isOwnerOnly(actor)) return eq(users.organisationId, actor.organisationId);
  return inRegionSubtree(organisations.regionPath, actor.regionPath);
}

/** A user the actor may see, else NOT_FOUND. */
export async function getUser(db: Queryable, actor: Actor, id: string) {
  const [row] = await source(db).where(eq(users.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  authorize(actor, 'user.read', { regionPath: row.regionPath, organisationId: row.organisationId });
  return { ...row, roles: row.roles as Role[] };
}

/** A page of users in scope, filtered by text, organisation, region subtree or role. */
export async function findUsers(db: Queryable, actor: Actor, query: UserQuery) {
  authorize(actor, 'user.read');
  const above = ancestorPaths(actor.regionPath);
  // For assigning responsibilities: leaders and service officers of the regions above as well.
  const assignable =
    query.assignable && above.length > 0
      ? and(
          inArray(organisations.regionPath, above),
          sql`${users.roles} && array['leader','service_officer']::text[]`,
        )
      : undefined;
  const filters: (SQL | undefined)[] = [assignable ? or(userScope(actor), assignable) : userScope(actor)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (query.organisationId) filters.push(eq(users.organisationId, query.organisationId));
  if (query.role) filters.push(sql`${query.role} = any(${users.roles})`);
  if (query.region) {
    const region = await loadRegion(db, query.region);
    if (!region) return { rows: [], total: 0 };
    filters.push(inRegionSubtree(organisations.regionPath, region.path));
  }
  const where = and(...filters);
  const [totalRow] = await db
    .select({ total: count() })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where);
  const rows = await source(db)
    .where(where)
    .orderBy(asc(organisations.regionPath), asc(users.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows: rows.map((row) => ({ ...row, roles: row.roles as Role[] })), total: totalRow?.total ?? 0 };
}
