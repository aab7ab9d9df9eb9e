import { geoJsonIssueCodes, regionGeoJsonLimits } from '@tuijin/domain';
import { z } from 'zod';
import { BasemapSettingView, MapBasemap, UpdateBasemapSetting } from './basemap.contract';
import { Id, Ok, requiredText, text } from './common';
import { CodeParams, endpoint } from './endpoint';
import { ProjectQuery, ProjectStage } from './projects.contract';
import { WarningColour } from './warnings.contract';

/**
 * The map's filters: exactly the project list's (so a filtered list opens as a map with the same
 * address). `region` also roots the map: its child regions become the tiles.
 */
export const MapQuery = ProjectQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export type MapQuery = z.infer<typeof MapQuery>;

/** How points are coloured: by stage now; by warning colour once the warnings module fills it in. */
export const MapColourBy = z.enum(['stage', 'warning']);
export type MapColourBy = z.infer<typeof MapColourBy>;

export const MapPoint = z.object({
  id: Id,
  name: z.string(),
  code: z.string().nullable(),
  stage: ProjectStage,
  regionCode: z.string(),
  regionName: z.string(),
  regionPath: z.string(),
  totalInvestmentWanYuan: z.string(),
  longitude: z.number(),
  latitude: z.number(),
  warningColour: WarningColour.nullable().describe('三色预警；预警模块启用前为 null'),
});
export type MapPoint = z.infer<typeof MapPoint>;

export const MapPoints = z.object({
  data: z.array(MapPoint).describe('有坐标的项目（最多 maxPoints 个，按总投资从大到小）'),
  count: z.number().int().describe('符合筛选条件的项目数（含无坐标的）'),
  located: z.number().int().describe('其中有坐标的项目数'),
  isTruncated: z.boolean(),
  colourSources: z.object({ warning: z.boolean().describe('是否已有预警颜色') }),
});
export type MapPoints = z.infer<typeof MapPoints>;

/** Indicators a region can be shaded by. */
export const MapIndicator = z.enum(['projectCount', 'totalInvestment', 'completedYtd', 'planCompletionRate']);
export type MapIndicator = z.infer<typeof MapIndicator>;

export const MapRegionsQuery = MapQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('计划年度；默认今年'),
  month: z.coerce.number().int().min(1).max(12).optional().describe('截至月份；默认本月'),
});
export type MapRegionsQuery = z.infer<typeof MapRegionsQuery>;

const MapFigures = z.object({
  projectCount: z.number().int(),
  locatedCount: z.number().int().describe('有坐标的项目数'),
  totalInvestmentWanYuan: z.string(),
  plannedWanYuan: z.string().describe('年度计划投资（调整后）'),
  completedYtdWanYuan: z.string().describe('已审核月报的年度累计完成'),
  planCompletionRate: z.object({
    numerator: z.string(),
    denominator: z.string(),
    percent: z.string().nullable().describe('计划完成率，一位小数；无计划时为 null'),
  }),
});

export const MapTile = MapFigures.extend({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  path: z.string(),
  kind: z.enum(['region', 'regionSelf']).describe('regionSelf：直接落在上级区划本级的项目'),
  sortOrder: z.number().int(),
  centre: z.tuple([z.number(), z.number()]).nullable().describe('本区划项目坐标的平均值'),
});
export type MapTile = z.infer<typeof MapTile>;

export const MapRegionRef = z.object({ code: z.string(), name: z.string(), level: z.string() });

export const MapRegions = z.object({
  root: MapRegionRef,
  year: z.number().int(),
  month: z.number().int(),
  tiles: z.array(MapTile).describe('下级区划（末级区划为其本身）'),
  total: MapFigures,
});
export type MapRegions = z.infer<typeof MapRegions>;

export const RegionMapQuery = z.object({
  region: text(20).optional().describe('区划代码；默认本人辖区'),
});

/** A stored boundary map: its facts and the reduced GeoJSON (properties `code`, `name`). */
export const RegionMap = z.object({
  id: Id,
  regionCode: z.string(),
  regionName: z.string(),
  version: z.number().int(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  featureCount: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
  canManage: z.boolean().describe('当前用户可上传或删除本图'),
  geojson: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.string(), name: z.string() }),
        geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
      }),
    ),
  }),
});
export type RegionMap = z.infer<typeof RegionMap>;

export const RegionMapAnswer = z.object({
  map: RegionMap.nullable().describe(
    '本区划或上级区划最近上传的边界图（只含本区划及下级的要素）；未上传为 null',
  ),
  canUpload: z.boolean(),
});
export type RegionMapAnswer = z.infer<typeof RegionMapAnswer>;

export const UploadRegionMap = z
  .object({
    regionCode: text(20).optional().describe('边界图所属区划；默认本人辖区'),
    fileName: requiredText(200).describe('上传的文件名'),
    content: z
      .string()
      .max(regionGeoJsonLimits.maxBytes, {
        message: `文件不能超过 ${regionGeoJsonLimits.maxBytes / 1024 / 1024} MB`,
      })
      .describe(
        'GeoJSON 文本（FeatureCollection，要素为 Polygon/MultiPolygon，属性 adcode 或 code 为区划代码）',
      ),
  })
  .strict();
export type UploadRegionMap = z.infer<typeof UploadRegionMap>;

export const GeoJsonIssueCode = z.enum(geoJsonIssueCodes);

/** The map module's endpoints (the server registers them, the client calls them). */
export const mapEndpoints = {
  listMapPoints: endpoint({
    method: 'GET',
    path: '/api/map/points',
    summary: '挂图作战：有坐标的项目点（与项目库相同的筛选和辖区范围）',
    tag: 'map',
    query: MapQuery,
    response: MapPoints,
  }),
  getMapRegions: endpoint({
    method: 'GET',
    path: '/api/map/regions',
    summary: '挂图作战：下级区划的指标（项目数、总投资、年度累计完成、计划完成率），用于分区着色',
    tag: 'map',
    query: MapRegionsQuery,
    response: MapRegions,
  }),
  getRegionMap: endpoint({
    method: 'GET',
    path: '/api/region-map',
    summary: '本辖区的行政区划边界图（GeoJSON，由重点办上传）',
    tag: 'map',
    query: RegionMapQuery,
    response: RegionMapAnswer,
  }),
  uploadRegionMap: endpoint({
    method: 'POST',
    path: '/api/region-map',
    summary: '上传经审核的辖区边界图（GeoJSON），生成新版本',
    tag: 'map',
    body: UploadRegionMap,
    response: RegionMapAnswer,
  }),
  deleteRegionMap: endpoint({
    method: 'DELETE',
    path: '/api/region-map/:code',
    summary: '删除区划的边界图（各版本保留在历史中），地图回到示意网格',
    tag: 'map',
    params: CodeParams,
    response: Ok,
  }),
  getMapBasemap: endpoint({
    method: 'GET',
    path: '/api/map/basemap',
    summary: '地图底图：是否配置及本服务器的瓦片地址（未配置时不请求任何瓦片）',
    tag: 'map',
    response: MapBasemap,
  }),
  getBasemapSetting: endpoint({
    method: 'GET',
    path: '/api/settings/basemap',
    summary: '地图底图设置（系统管理员；不含服务密钥）',
    tag: 'map',
    response: BasemapSettingView,
  }),
  updateBasemapSetting: endpoint({
    method: 'PUT',
    path: '/api/settings/basemap',
    summary: '修改地图底图设置：瓦片服务地址（如天地图）或本地离线瓦片，记入审计日志',
    tag: 'map',
    body: UpdateBasemapSetting,
    response: BasemapSettingView,
  }),
} as const;
