import { gbCodePattern } from '../regions/region-codes';

/** What can be wrong with an uploaded boundary file; the web localises each (`map.issue.<code>`). */
export const geoJsonIssueCodes = [
  'notJson',
  'notFeatureCollection',
  'noFeatures',
  'tooManyFeatures',
  'notFeature',
  'geometryType',
  'missingCode',
  'badCode',
  'unknownCode',
  'duplicateCode',
  'badCoordinate',
  'coordinateRange',
  'ringTooShort',
  'ringNotClosed',
  'tooManyPoints',
] as const;
export type GeoJsonIssueCode = (typeof geoJsonIssueCodes)[number];

/** One problem of an uploaded file: where (`features[3].properties.adcode`), which, and its figures. */
export interface GeoJsonIssue {
  path: string;
  issue: GeoJsonIssueCode;
  params: Record<string, string | number>;
}

/** Limits of an uploaded boundary file. Mainland China's extent bounds every coordinate. */
export const regionGeoJsonLimits = {
  maxBytes: 8 * 1024 * 1024,
  maxFeatures: 500,
  maxPoints: 400_000,
  longitude: [73, 136] as const,
  latitude: [3, 54] as const,
  maxIssues: 50,
};

type Position = [number, number];
type Ring = Position[];
/** A boundary as stored and served: polygons of rings, keyed by the region code. */
export interface RegionFeature {
  type: 'Feature';
  properties: { code: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}
export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}

export type RegionGeoJsonCheck =
  | { ok: true; value: RegionFeatureCollection; pointCount: number }
  | { ok: false; issues: GeoJsonIssue[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The region code of a feature: `adcode`, else `code`, as text (a number is accepted: 350902). */
function codeOf(properties: Record<string, unknown>): { key: string; code: string } | null {
  for (const key of ['adcode', 'code']) {
    const value = properties[key];
    if (typeof value === 'number' && Number.isInteger(value)) return { key, code: String(value) };
    if (typeof value === 'string' && value.trim() !== '') return { key, code: value.trim() };
  }
  return null;
}

/**
 * Checks an uploaded boundary file of a jurisdiction and answers it reduced to what the map needs
 * (each feature's geometry and region code), or every problem found (up to a cap), each naming the
 * feature index and property. The rules: a FeatureCollection of 1–500 Features; each geometry a
 * Polygon or MultiPolygon of closed rings of at least four [longitude, latitude] positions inside
 * mainland China's extent (73–136°E, 3–54°N); each feature carries a GB/T 2260 code (`adcode` or
 * `code`) — or a development-zone code — that `isKnownCode` accepts (a region of the jurisdiction),
 * no code twice; at most 400,000 positions in all. Source: STACK.md "Maps" (offices upload the
 * approved GeoJSON of their jurisdiction keyed by GB/T 2260 code; no boundary data is shipped).
 */
export function checkRegionGeoJson(
  input: unknown,
  isKnownCode: (code: string) => boolean,
): RegionGeoJsonCheck {
  const limits = regionGeoJsonLimits;
  const issues: GeoJsonIssue[] = [];
  const add = (path: string, issue: GeoJsonIssueCode, params: Record<string, string | number> = {}) => {
    if (issues.length < limits.maxIssues) issues.push({ path, issue, params });
  };
  if (!isObject(input) || input.type !== 'FeatureCollection') {
    add('type', 'notFeatureCollection', { found: isObject(input) ? String(input.type ?? '') : typeof input });
    return { ok: false, issues };
  }
  const list = input.features;
  if (!Array.isArray(list) || list.length === 0) {
    add('features', 'noFeatures');
    return { ok: false, issues };
  }
  if (list.length > limits.maxFeatures) {
    add('features', 'tooManyFeatures', { count: list.length, max: limits.maxFeatures });
    return { ok: false, issues };
  }
  const seen = new Map<string, number>();
  const features: RegionFeature[] = [];
  let pointCount = 0;

  const checkRing = (ring: unknown, path: string): Ring | null => {
    if (!Array.isArray(ring) || ring.length < 4) {
      add(path, 'ringTooShort', { count: Array.isArray(ring) ? ring.length : 0 });
      return null;
    }
    const positions: Ring = [];
    for (const [i, position] of ring.entries()) {
      const at = `${path}[${i}]`;
      if (
        !Array.isArray(position) ||
        position.length < 2 ||
        typeof position[0] !== 'number' ||
        typeof position[1] !== 'number' ||
        !Number.isFinite(position[0]) ||
        !Number.isFinite(position[1])
      ) {
        add(at, 'badCoordinate');
        return null;
      }
      const [lng, lat] = position as [number, number];
      if (
        lng < limits.longitude[0] ||
        lng > limits.longitude[1] ||
        lat < limits.latitude[0] ||
        lat > limits.latitude[1]
      ) {
        add(at, 'coordinateRange', { longitude: lng, latitude: lat });
        return null;
      }
      positions.push([lng, lat]);
    }
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      add(path, 'ringNotClosed');
      return null;
    }
    pointCount += positions.length;
    return positions;
  };

  const checkPolygon = (polygon: unknown, path: string): Ring[] | null => {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      add(path, 'ringTooShort', { count: 0 });
      return null;
    }
    const rings = polygon.map((ring, i) => checkRing(ring, `${path}[${i}]`));
    return rings.every((ring) => ring !== null) ? (rings as Ring[]) : null;
  };

  for (const [index, feature] of list.entries()) {
    const at = `features[${index}]`;
    if (!isObject(feature) || feature.type !== 'Feature') {
      add(at, 'notFeature', { index });
      continue;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const found = codeOf(properties);
    let code: string | null = null;
    if (!found) add(`${at}.properties.adcode`, 'missingCode', { index });
    else {
      const path = `${at}.properties.${found.key}`;
      if (!gbCodePattern.test(found.code) && !/^\d{6}-[A-Z0-9]{1,8}$/.test(found.code))
        add(path, 'badCode', { index, code: found.code });
      else if (!isKnownCode(found.code)) add(path, 'unknownCode', { index, code: found.code });
      else if (seen.has(found.code))
        add(path, 'duplicateCode', { index, code: found.code, first: seen.get(found.code)! });
      else {
        seen.set(found.code, index);
        code = found.code;
      }
    }
    const geometry = isObject(feature.geometry) ? feature.geometry : null;
    const geometryPath = `${at}.geometry`;
    let shape: RegionFeature['geometry'] | null = null;
    if (geometry?.type === 'Polygon') {
      const rings = checkPolygon(geometry.coordinates, `${geometryPath}.coordinates`);
      if (rings) shape = { type: 'Polygon', coordinates: rings };
    } else if (geometry?.type === 'MultiPolygon') {
      const parts = Array.isArray(geometry.coordinates) ? geometry.coordinates : null;
      if (!parts || parts.length === 0) add(`${geometryPath}.coordinates`, 'ringTooShort', { count: 0 });
      else {
        const polygons = parts.map((polygon, i) =>
          checkPolygon(polygon, `${geometryPath}.coordinates[${i}]`),
        );
        if (polygons.every((p) => p !== null))
          shape = { type: 'MultiPolygon', coordinates: polygons as Ring[][] };
      }
    } else add(`${geometryPath}.type`, 'geometryType', { index, found: String(geometry?.type ?? '') });
    if (code && shape) features.push({ type: 'Feature', properties: { code }, geometry: shape });
  }
  if (pointCount > limits.maxPoints)
    add('features', 'tooManyPoints', { count: pointCount, max: limits.maxPoints });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { type: 'FeatureCollection', features }, pointCount };
}

/** zh-CN text of an issue, for the server's error details and the CLI (the web localises by code). */
export function geoJsonIssueText({ issue, params }: GeoJsonIssue): string {
  const n = params.index !== undefined ? `第 ${Number(params.index) + 1} 个要素` : '';
  switch (issue) {
    case 'notJson':
      return '文件不是有效的 JSON';
    case 'notFeatureCollection':
      return `顶层应为 FeatureCollection（实际为“${params.found}”）`;
    case 'noFeatures':
      return '文件中没有要素（features 为空）';
    case 'tooManyFeatures':
      return `要素过多：${params.count} 个，最多 ${params.max} 个`;
    case 'notFeature':
      return `${n}不是 Feature`;
    case 'geometryType':
      return `${n}的几何类型应为 Polygon 或 MultiPolygon（实际为“${params.found}”）`;
    case 'missingCode':
      return `${n}缺少区划代码属性 adcode（或 code）`;
    case 'badCode':
      return `${n}的区划代码“${params.code}”不是 6 位 GB/T 2260 代码`;
    case 'unknownCode':
      return `${n}的区划代码“${params.code}”不是本辖区的区划`;
    case 'duplicateCode':
      return `${n}的区划代码“${params.code}”与第 ${Number(params.first) + 1} 个要素重复`;
    case 'badCoordinate':
      return '坐标应为 [经度, 纬度] 数字';
    case 'coordinateRange':
      return `坐标超出范围（经度 73–136，纬度 3–54）：[${params.longitude}, ${params.latitude}]`;
    case 'ringTooShort':
      return `多边形的环至少需要 4 个坐标点（实际 ${params.count} 个）`;
    case 'ringNotClosed':
      return '多边形的环未闭合（首尾坐标应相同）';
    case 'tooManyPoints':
      return `坐标点过多：${params.count} 个，最多 ${params.max} 个，请先简化边界`;
  }
}
