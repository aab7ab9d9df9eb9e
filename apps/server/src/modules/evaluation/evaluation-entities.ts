import type { EvaluationEntityKind } from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations, regions } from '../../db/schema';

/** One unit a scheme scores: a region code or a department's organisation id, with its name. */
export interface SchemeEntity {
  code: string;
  name: string;
  /** For a region: its path, so rows can be mapped to it by path prefix. */
  path: string | null;
}

/**
 * The units a scheme scores: the regions directly under its region (in the tree's order), or the
 * active industry departments (行业主管部门) of its region (by name).
 */
export async function listSchemeEntities(
  db: Queryable,
  scheme: { regionCode: string; entityKind: EvaluationEntityKind },
): Promise<SchemeEntity[]> {
  if (scheme.entityKind === 'department') {
    const rows = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        and(
          eq(organisations.regionCode, scheme.regionCode),
          eq(organisations.kind, 'department'),
          eq(organisations.isActive, true),
        ),
      )
      .orderBy(asc(organisations.name));
    return rows.map((r) => ({ code: r.id, name: r.name, path: null }));
  }
  const rows = await db
    .select({ code: regions.code, name: regions.name, path: regions.path })
    .from(regions)
    .where(eq(regions.parentCode, scheme.regionCode))
    .orderBy(asc(regions.sortOrder), asc(regions.code));
  return rows;
}
