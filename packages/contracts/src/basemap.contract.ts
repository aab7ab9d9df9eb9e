import { Basemap } from '@tuijin/domain';
import { z } from 'zod';
import { Version } from './common';

/** The basemap setting as the system admin sees it: everything but the key, which never leaves the server. */
export const BasemapSettingView = Basemap.omit({ token: true }).extend({
  hasToken: z.boolean().describe('是否已保存服务密钥'),
  version: z.number().int(),
});
export type BasemapSettingView = z.infer<typeof BasemapSettingView>;

/** Saves the basemap setting; `token` omitted keeps the saved key, null removes it. */
export const UpdateBasemapSetting = Basemap.extend({
  token: Basemap.shape.token.optional(),
  version: Version,
}).strict();
export type UpdateBasemapSetting = z.infer<typeof UpdateBasemapSetting>;

/** What the map page needs: whether there is a basemap, and the server's tile address for it. */
export const MapBasemap = z.object({
  isConfigured: z.boolean().describe('是否配置了底图；未配置时地图显示示意网格，不请求任何瓦片'),
  tileUrl: z
    .string()
    .nullable()
    .describe('本服务器的瓦片地址模板（{z}/{x}/{y}），由服务器转发或读取离线瓦片'),
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
  attribution: z.string(),
});
export type MapBasemap = z.infer<typeof MapBasemap>;

/** A tile's address on this server. */
export const TileParams = z
  .object({
    z: z.coerce.number().int().min(0).max(22),
    x: z.coerce.number().int().min(0),
    y: z.coerce.number().int().min(0),
  })
  .strict();
