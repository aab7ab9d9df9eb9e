import { type Actor, AppError, can } from '@tuijin/domain';
import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { evaluationSchemes } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';

/**
 * Who sees a scheme: the offices, departments, leaders and supervisors whose jurisdiction holds the
 * scheme's region see it whole; those below it (a county under the city's scheme) see the scheme and
 * its published results only (晾晒) — region figures, never another county's projects.
 */
export function schemeVisibleSql(actor: Actor): SQL {
  const inside = inRegionSubtree(evaluationSchemes.regionPath, actor.regionPath);
  if (actor.regionPath === '') return inside;
  return or(inside, sql`${actor.regionPath} like ${evaluationSchemes.regionPath} || '.%'`)!;
}

/** Whether the scheme's region lies in the actor's jurisdiction (not merely above it). */
export const isSchemeInside = (actor: Actor, regionPath: string) =>
  actor.regionPath === '' || regionPath === actor.regionPath || regionPath.startsWith(`${actor.regionPath}.`);

export type SchemeRow = typeof evaluationSchemes.$inferSelect;

/** A visible scheme, else NOT_FOUND; `insideOnly` also refuses a scheme only seen from below (NOT_FOUND too). */
export async function loadScheme(
  db: Queryable,
  actor: Actor,
  id: string,
  options: { manage?: boolean } = {},
): Promise<SchemeRow & { isInside: boolean }> {
  const [row] = await db
    .select()
    .from(evaluationSchemes)
    .where(sql`${eq(evaluationSchemes.id, id)} and ${schemeVisibleSql(actor)}`);
  if (!row) throw new AppError('NOT_FOUND');
  const isInside = isSchemeInside(actor, row.regionPath);
  if (options.manage) {
    if (!isInside) throw new AppError('NOT_FOUND');
    if (!can(actor, 'evaluation.manage')) throw new AppError('FORBIDDEN');
  }
  return { ...row, isInside };
}
