import { type Actor, AppError, pathInSubtree } from '@tuijin/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { regions } from '../../db/schema';
import type { RegionRow } from './regions.queries';

/**
 * The region a view (the cockpit, a module's overview or ledger) is rooted at, the path down to it
 * from the actor's own, and its children.
 */
export interface RegionView {
  region: RegionRow;
  breadcrumb: RegionRow[];
  children: RegionRow[];
}

/**
 * Resolves the requested region (default: the actor's own) inside the actor's jurisdiction; a
 * region outside it, or unknown, is NOT_FOUND — the same answer as a missing one.
 */
export async function resolveRegionView(
  db: Queryable,
  actor: Actor,
  code: string | undefined,
): Promise<RegionView> {
  const [region] = code
    ? await db.select().from(regions).where(eq(regions.code, code))
    : actor.regionCode
      ? await db.select().from(regions).where(eq(regions.code, actor.regionCode))
      : await db.select().from(regions).where(sql`${regions.parentCode} is null`).orderBy(asc(regions.path));
  if (!region || !pathInSubtree(region.path, actor.regionPath)) throw new AppError('NOT_FOUND');
  const parts = region.path.split('.');
  const ancestorPaths = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const [lineage, children] = await Promise.all([
    db
      .select()
      .from(regions)
      .where(
        sql`${regions.path} in (${sql.join(
          ancestorPaths.map((p) => sql`${p}`),
          sql`, `,
        )})`,
      ),
    db
      .select()
      .from(regions)
      .where(eq(regions.parentCode, region.code))
      .orderBy(asc(regions.sortOrder), asc(regions.code)),
  ]);
  const breadcrumb = lineage
    .filter((r) => pathInSubtree(r.path, actor.regionPath))
    .sort((a, b) => a.path.length - b.path.length);
  return { region, breadcrumb, children };
}
