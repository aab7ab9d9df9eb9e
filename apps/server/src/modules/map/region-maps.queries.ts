import type { RegionMap, RegionMapAnswer } from '@tuijin/contracts';
import { type Actor, authorize, can, pathInSubtree, type RegionFeatureCollection } from '@tuijin/domain';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { regionMaps, regions, users } from '../../db/schema';
import { ancestorPaths, inRegionSubtree } from '../../lib/scope';
import { resolveRegionView } from '../regions';

/** The region codes of a subtree (the region and everything below it) with their names. */
export async function subtreeRegionNames(db: Queryable, rootPath: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inRegionSubtree(regions.path, rootPath));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * The boundary map a region is drawn with: its own latest upload not deleted, else the nearest
 * ancestor's, keeping only the features of the region and below it — a county office sees its own
 * county's outline out of the city's file, never a neighbour's. Null when none was uploaded.
 */
export async function loadRegionMap(db: Queryable, actor: Actor, region: { code: string; path: string }) {
  const lineage = [...ancestorPaths(region.path), region.path];
  const [row] = await db
    .select({ map: regionMaps, regionName: regions.name, uploadedByName: users.displayName })
    .from(regionMaps)
    .innerJoin(regions, eq(regions.code, regionMaps.regionCode))
    .innerJoin(users, eq(users.id, regionMaps.uploadedBy))
    .where(
      and(
        isNull(regionMaps.deletedAt),
        sql`${regionMaps.regionPath} in (${sql.join(
          lineage.map((p) => sql`${p}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(desc(sql`length(${regionMaps.regionPath})`), desc(regionMaps.version))
    .limit(1);
  if (!row) return null;
  const names = await subtreeRegionNames(db, region.path);
  const stored = row.map.geojson as RegionFeatureCollection;
  const features = stored.features
    .filter((feature) => names.has(feature.properties.code))
    .map((feature) => ({
      ...feature,
      properties: { code: feature.properties.code, name: names.get(feature.properties.code) ?? '' },
    }));
  const map: RegionMap = {
    id: row.map.id,
    regionCode: row.map.regionCode,
    regionName: row.regionName,
    version: row.map.version,
    fileName: row.map.fileName,
    sizeBytes: row.map.sizeBytes,
    featureCount: features.length,
    uploadedAt: row.map.uploadedAt.toISOString(),
    uploadedByName: row.uploadedByName,
    canManage: can(actor, 'regionMap.manage') && pathInSubtree(row.map.regionPath, actor.regionPath),
    geojson: { type: 'FeatureCollection', features },
  };
  return map;
}

/** The boundary map for the map page of a region in the actor's jurisdiction (default: their own). */
export async function getRegionMap(
  ctx: Ctx,
  query: { region?: string | undefined },
): Promise<RegionMapAnswer> {
  authorize(ctx.actor, 'project.read');
  const { region } = await resolveRegionView(ctx.db, ctx.actor, query.region);
  return {
    map: await loadRegionMap(ctx.db, ctx.actor, region),
    canUpload: can(ctx.actor, 'regionMap.manage'),
  };
}
