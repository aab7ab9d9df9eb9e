import { regionLevels } from '@tuijin/domain';
import { z } from 'zod';
import { requiredText, Version } from './common';
import { CodeParams, endpoint } from './endpoint';

export const RegionLevel = z.enum(regionLevels);

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
  version: z.number().int(),
});
export type Region = z.infer<typeof Region>;

export const RegionList = z.object({ data: z.array(Region) });

export const CreateRegion = z
  .object({
    code: requiredText(20).describe('GB/T 2260 六位代码；开发区等用“上级代码-字母”，如 350900-DQ'),
    name: requiredText(50).describe('名称'),
    level: RegionLevel.describe('层级'),
    parentCode: requiredText(20).nullable().describe('上级区划代码'),
  })
  .strict();
export type CreateRegion = z.infer<typeof CreateRegion>;

export const UpdateRegion = z.object({ name: requiredText(50).describe('名称'), version: Version }).strict();
export type UpdateRegion = z.infer<typeof UpdateRegion>;

/** The regions module's endpoints (the server registers them, the client calls them). */
export const regionsEndpoints = {
  listRegions: endpoint({
    method: 'GET',
    path: '/api/regions',
    summary: '行政区划（本辖区）',
    tag: 'regions',
    response: RegionList,
  }),
  createRegion: endpoint({
    method: 'POST',
    path: '/api/regions',
    summary: '新增区划',
    tag: 'regions',
    body: CreateRegion,
    response: Region,
  }),
  updateRegion: endpoint({
    method: 'PATCH',
    path: '/api/regions/:code',
    summary: '修改区划',
    tag: 'regions',
    params: CodeParams,
    body: UpdateRegion,
    response: Region,
  }),
} as const;
