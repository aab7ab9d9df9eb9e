import type { RegionMapAnswer, UploadRegionMap } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  can,
  checkRegionGeoJson,
  type GeoJsonIssue,
  geoJsonIssueText,
  pathInSubtree,
  regionGeoJsonLimits,
} from '@tuijin/domain';
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { regionMaps, regions } from '../../db/schema';
import { recordAudit } from '../audit';
import { loadRegionMap, subtreeRegionNames } from './region-maps.queries';

function refuse(issues: GeoJsonIssue[]): never {
  const first = issues[0]!;
  const more = issues.length > 1 ? `（共 ${issues.length} 处问题）` : '';
  throw new AppError(
    'VALIDATION_FAILED',
    `边界图未通过检查：${first.path}：${geoJsonIssueText(first)}${more}`,
    issues.map((issue) => ({
      path: issue.path,
      message: geoJsonIssueText(issue),
      issue: issue.issue,
      params: issue.params,
    })),
  );
}

/**
 * 上传辖区边界图: an office uploads the approved GeoJSON of its jurisdiction (or of a region in it).
 * The file is checked by the domain's `checkRegionGeoJson` against the regions of that subtree and
 * stored reduced (geometry and code) as the region's next version, with its audit event, in one
 * transaction. A refused file stores nothing and names every bad feature and property.
 */
export async function uploadRegionMap(ctx: Ctx, input: UploadRegionMap): Promise<RegionMapAnswer> {
  authorize(ctx.actor, 'regionMap.manage');
  const code = input.regionCode ?? ctx.actor.regionCode;
  const [region] = code ? await ctx.db.select().from(regions).where(eq(regions.code, code)) : [];
  if (!region || !pathInSubtree(region.path, ctx.actor.regionPath))
    throw new AppError('VALIDATION_FAILED', `区划“${code ?? ''}”不存在或不在本辖区`, [
      { path: 'regionCode', message: '不在本辖区' },
    ]);
  const sizeBytes = Buffer.byteLength(input.content, 'utf8');
  if (sizeBytes > regionGeoJsonLimits.maxBytes)
    throw new AppError(
      'VALIDATION_FAILED',
      `文件过大：最多 ${regionGeoJsonLimits.maxBytes / 1024 / 1024} MB`,
      [
        {
          path: 'content',
          message: '文件过大',
          issue: 'tooLarge',
          params: { max: regionGeoJsonLimits.maxBytes },
        },
      ],
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.content);
  } catch {
    refuse([{ path: 'content', issue: 'notJson', params: {} }]);
  }
  const known = await subtreeRegionNames(ctx.db, region.path);
  const checked = checkRegionGeoJson(parsed, (c) => known.has(c));
  if (!checked.ok) refuse(checked.issues);
  const { value, pointCount } = checked;
  await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ version: sql<number>`coalesce(max(${regionMaps.version}), 0)::int` })
      .from(regionMaps)
      .where(eq(regionMaps.regionCode, region.code));
    const version = Number(last?.version ?? 0) + 1;
    const featureCodes = value.features.map((f) => f.properties.code);
    const [row] = await tx
      .insert(regionMaps)
      .values({
        regionCode: region.code,
        regionPath: region.path,
        version,
        fileName: input.fileName,
        sizeBytes,
        featureCount: value.features.length,
        pointCount,
        featureCodes,
        geojson: value,
        uploadedBy: ctx.actor.userId,
        uploadedAt: ctx.clock.now(),
      })
      .returning({ id: regionMaps.id });
    await recordAudit(tx, ctx, {
      action: 'regionMap.upload',
      entityType: 'regionMap',
      entityId: row!.id,
      regionPath: region.path,
      detail: {
        regionCode: region.code,
        version,
        fileName: input.fileName,
        sizeBytes,
        featureCodes,
        pointCount,
      },
    });
  });
  return {
    map: await loadRegionMap(ctx.db, ctx.actor, region),
    canUpload: can(ctx.actor, 'regionMap.manage'),
  };
}
