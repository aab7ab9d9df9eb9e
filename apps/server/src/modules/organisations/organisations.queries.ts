import type { OrganisationQuery } from '@tuijin/contracts';
import { type Actor, AppError, authorize, inJurisdiction } from '@tuijin/domain';
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations, regions } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { ancestorPaths, inRegionSubtree, isOwnerOnly } from '../../lib/scope';
import { loadRegion } from '../regions';

const columns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  regionCode: organisations.regionCode,
  regionName: regions.name,
  regionPath: organisations.regionPath,
  sector: organisations.sector,
  contactPerson: organisations.contactPerson,
  contactPhone: organisations.contactPhone,
  isActive: organisations.isActive,
  version: organisations.version,
};

const source = (db: Queryable) =>
  db.select(columns).from(organisations).innerJoin(regions, eq(regions.code, organisations.regionCode));

export type OrganisationView = Awaited<ReturnType<typeof getOrganisation>>;

/** The SQL form of the organisation scope: owners see their own unit, others their subtree. */
export function organisationScope(actor: Actor): SQL {
  if (isOwnerOnly(actor)) return eq(organisations.id, actor.organisationId);
  return inRegionSubtree(organisations.regionPath, actor.regionPath);
}

/**
 * Organisations of the regions above the actor's that a project in the actor's jurisdiction can be
 * assigned to (a city department, the city government) — never owner units of other places.
 */
function assignableAbove(actor: Actor): SQL | undefined {
  const above = ancestorPaths(actor.regionPath);
  if (isOwnerOnly(actor) || above.length === 0) return undefined;
  return and(inArray(organisations.regionPath, above), ne(organisations.kind, 'owner'));
}

/** An organisation the actor may see, else NOT_FOUND. */
export async function getOrganisation(db: Queryable, actor: Actor, id: string) {
  const [row] = await source(db).where(eq(organisations.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  authorize(actor, 'organisation.read', { regionPath: row.regionPath, organisationId: row.id });
  return row;
}

/** A page of organisations in scope, filtered; the total counts the same rows. */
export async function findOrganisations(db: Queryable, actor: Actor, query: OrganisationQuery) {
  authorize(actor, 'organisation.read');
  const filters: (SQL | undefined)[] = [
    query.assignable ? or(organisationScope(actor), assignableAbove(actor)) : organisationScope(actor),
  ];
  if (query.q) filters.push(ilike(organisations.name, `%${escapeLike(query.q)}%`));
  if (query.kind) filters.push(eq(organisations.kind, query.kind));
  if (query.region) {
    const region = await loadRegion(db, query.region);
    if (!region) return { rows: [], total: 0 };
    filters.push(inRegionSubtree(organisations.regionPath, region.path));
  }
  const where = and(...filters);
  const [totalRow] = await db.select({ total: count() }).from(organisations).where(where);
  const rows = await source(db)
    .where(where)
    .orderBy(asc(organisations.regionPath), asc(organisations.kind), asc(organisations.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows, total: totalRow?.total ?? 0 };
}

/** Whether a target organisation is one the actor may see (used when assigning people to it). */
export function organisationVisible(actor: Actor, row: { id: string; regionPath: string }) {
  return inJurisdiction(actor, { regionPath: row.regionPath, organisationId: row.id });
}
