import type { Actor } from './actor';

/**
 * True when `path` lies in the subtree rooted at `rootPath` (materialised paths joined with dots).
 * An empty root is the whole tree (the system actor). This is the same rule the SQL filter
 * `region_path = $root OR region_path LIKE $root || '.%'` applies, so lists and checks agree.
 */
export function pathInSubtree(path: string, rootPath: string): boolean {
  if (rootPath === '') return true;
  return path === rootPath || path.startsWith(`${rootPath}.`);
}

/** A thing that sits somewhere in the region tree, and possibly belongs to an organisation. */
export interface Scoped {
  regionPath: string;
  organisationId?: string | null;
}

/**
 * Whether the actor may see the thing at all. Owners see only what belongs to their own
 * organisation; everyone else sees their jurisdiction's subtree. Outside it a thing is NOT_FOUND.
 */
export function inJurisdiction(actor: Actor, target: Scoped): boolean {
  if (actor.roles.length > 0 && actor.roles.every((role) => role === 'owner')) {
    return target.organisationId === actor.organisationId;
  }
  return pathInSubtree(target.regionPath, actor.regionPath);
}
