import type { Actor } from '@tuijin/domain';
import { type AnyColumn, eq, or, type SQL, sql } from 'drizzle-orm';

/**
 * The SQL form of `pathInSubtree`: rows whose region path is the actor's or below it. Lists,
 * totals, exports and aggregates all filter with this, so "can open it" and "appears in the list"
 * never disagree. Paths hold digits, letters, dashes and dots only, so LIKE needs no escaping.
 */
export function inRegionSubtree(column: AnyColumn, rootPath: string): SQL {
  if (rootPath === '') return sql`true`;
  return or(eq(column, rootPath), sql`${column} like ${`${rootPath}.%`}`)!;
}

/** Whether the actor's scope is their own organisation only (a project owner unit). */
export const isOwnerOnly = (actor: Actor) =>
  actor.roles.length > 0 && actor.roles.every((role) => role === 'owner');

/** The paths of the regions above a path (`350000.350900.350902` → `350000`, `350000.350900`). */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}
