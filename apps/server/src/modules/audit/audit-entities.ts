import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/database';
import {
  campaignEvents,
  campaigns,
  dictionaryEntries,
  organisations,
  projects,
  regions,
  users,
} from '../../db/schema';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where each record type's readable name lives: its table, key column and name column. */
const nameSources: Record<string, { table: PgTable; key: PgColumn; name: PgColumn; isUuid: boolean }> = {
  project: { table: projects, key: projects.id, name: projects.name, isUuid: true },
  user: { table: users, key: users.id, name: users.displayName, isUuid: true },
  organisation: { table: organisations, key: organisations.id, name: organisations.name, isUuid: true },
  dictionary: {
    table: dictionaryEntries,
    key: dictionaryEntries.id,
    name: dictionaryEntries.name,
    isUuid: true,
  },
  region: { table: regions, key: regions.code, name: regions.name, isUuid: false },
  campaign: { table: campaigns, key: campaigns.id, name: campaigns.name, isUuid: true },
  campaignEvent: { table: campaignEvents, key: campaignEvents.id, name: campaignEvents.name, isUuid: true },
};

/**
 * The readable names of the records a page of audit events points at (project name, user's name,
 * organisation, region, dictionary entry, campaign, event), one query per record type; keyed
 * `type:id`. Records of other types, and records since deleted, have no name.
 */
export async function auditEntityNames(
  db: Queryable,
  events: readonly { entityType: string | null; entityId: string | null }[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, Set<string>>();
  for (const { entityType, entityId } of events) {
    const source = entityType ? nameSources[entityType] : undefined;
    if (!source || !entityType || !entityId || (source.isUuid && !uuidShape.test(entityId))) continue;
    wanted.set(entityType, (wanted.get(entityType) ?? new Set()).add(entityId));
  }
  const names = new Map<string, string>();
  for (const [type, ids] of wanted) {
    const source = nameSources[type]!;
    const rows = await db
      .select({ key: source.key, name: source.name })
      .from(source.table)
      .where(inArray(source.key, [...ids]));
    for (const row of rows) names.set(`${type}:${String(row.key)}`, String(row.name));
  }
  return names;
}
