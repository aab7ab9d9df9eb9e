import { z } from 'zod';
import type { ErrorDetail } from '../errors';

/**
 * Where the map's basemap comes from: nowhere (the schematic grid, the default — nothing is
 * fetched), an XYZ/WMTS tile service such as 天地图 on the government extranet, or an offline tile
 * package the office puts in the data directory (`tiles/{z}/{x}/{y}.png`).
 */
export const basemapSources = ['none', 'xyz', 'local'] as const;
export type BasemapSource = (typeof basemapSources)[number];

/** Placeholders a tile URL template may hold: zoom, column, row, subdomain, the service key. */
const placeholders = ['z', 'x', 'y', 's', 'tk'];

/** The basemap setting the system admin saves (the key stays on the server: tiles are relayed). */
export const Basemap = z
  .object({
    source: z
      .enum(basemapSources)
      .describe('底图来源：none 不使用（示意网格），xyz 瓦片服务，local 本地离线瓦片'),
    urlTemplate: z
      .string()
      .trim()
      .max(1000)
      .nullable()
      .describe('瓦片地址模板，含 {z} {x} {y}，可含 {s}（子域）和 {tk}（密钥），如天地图 WMTS 地址'),
    subdomains: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9a-z]*$/i, '子域只能是字母或数字，如 01234567')
      .describe('{s} 依次取的子域字符，如 01234567'),
    token: z.string().trim().max(200).nullable().describe('服务密钥（填入 {tk}），只保存在服务器'),
    minZoom: z.number().int().min(0).max(22).describe('最小缩放级别'),
    maxZoom: z.number().int().min(0).max(22).describe('最大缩放级别'),
    attribution: z.string().trim().max(200).describe('地图版权及审图号，显示在地图右下角'),
  })
  .strict();
export type Basemap = z.infer<typeof Basemap>;

export const defaultBasemap: Basemap = {
  source: 'none',
  urlTemplate: null,
  subdomains: '',
  token: null,
  minZoom: 3,
  maxZoom: 18,
  attribution: '',
};

/**
 * What is wrong with a basemap setting, per field: a tile service needs an http(s) template with
 * {z}, {x} and {y} and no other placeholder than {s} and {tk}; {s} needs subdomains, {tk} a key;
 * the zoom range must not be inverted.
 */
export function basemapProblems(basemap: Basemap): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (basemap.minZoom > basemap.maxZoom)
    problems.push({ path: 'maxZoom', message: '最大缩放级别不能小于最小缩放级别' });
  if (basemap.source !== 'xyz') return problems;
  const template = basemap.urlTemplate ?? '';
  if (!template) return [...problems, { path: 'urlTemplate', message: '请填写瓦片地址模板' }];
  if (!/^https?:\/\/[^/{}\s]+/i.test(template))
    problems.push({ path: 'urlTemplate', message: '瓦片地址须以 http:// 或 https:// 加主机名开头' });
  const used = [...template.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? '');
  const unknown = used.filter((name) => !placeholders.includes(name));
  if (unknown.length > 0)
    problems.push({
      path: 'urlTemplate',
      message: `不支持的占位符：${unknown.map((n) => `{${n}}`).join('、')}`,
    });
  const missing = ['z', 'x', 'y'].filter((name) => !used.includes(name));
  if (missing.length > 0)
    problems.push({
      path: 'urlTemplate',
      message: `瓦片地址须包含 ${missing.map((n) => `{${n}}`).join('、')}`,
    });
  if (used.includes('s') && !basemap.subdomains)
    problems.push({ path: 'subdomains', message: '地址含 {s}，请填写子域，如 01234567' });
  if (used.includes('tk') && !basemap.token)
    problems.push({ path: 'token', message: '地址含 {tk}，请填写服务密钥' });
  return problems;
}

/** Whether a tile address exists in the setting's zoom range (column and row within 0 … 2^z − 1). */
export function tileInRange(
  basemap: Pick<Basemap, 'minZoom' | 'maxZoom'>,
  z: number,
  x: number,
  y: number,
): boolean {
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y)) return false;
  if (z < basemap.minZoom || z > basemap.maxZoom) return false;
  const size = 2 ** z;
  return x >= 0 && x < size && y >= 0 && y < size;
}

/**
 * The upstream address of one tile of a tile service: the template with zoom, column and row, the
 * subdomain chosen by (x + y) so neighbouring tiles spread over the hosts, and the key.
 */
export function tileServiceUrl(basemap: Basemap, z: number, x: number, y: number): string {
  const subdomains = basemap.subdomains;
  const values: Record<string, string> = {
    z: String(z),
    x: String(x),
    y: String(y),
    s: subdomains ? (subdomains[(x + y) % subdomains.length] ?? '') : '',
    tk: encodeURIComponent(basemap.token ?? ''),
  };
  return (basemap.urlTemplate ?? '').replace(/\{(z|x|y|s|tk)\}/g, (_, name: string) => values[name] ?? '');
}
