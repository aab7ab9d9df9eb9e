import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { organisations } from '../db/schema';
import { ancestorPaths } from './scope';

/**
 * The office (重点办) of a region or, failing that, of the nearest region above it: who a problem
 * falls back to, who is told about a broken 容缺 promise, who signs a 超时默认 notice. Null when none.
 */
export async function regionOffice(
  db: Queryable,
  regionPath: string,
): Promise<{ id: string; name: string; regionPath: string } | null> {
  const [office] = await db
    .select({ id: organisations.id, name: organisations.name, regionPath: organisations.regionPath })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, 'office'),
        eq(organisations.isActive, true),
        inArray(organisations.regionPath, [...ancestorPaths(regionPath), regionPath]),
      ),
    )
    .orderBy(desc(sql`length(${organisations.regionPath})`), organisations.name)
    .limit(1);
  return office ?? null;
}
