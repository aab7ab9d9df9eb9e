import { organisationKinds } from '@tuijin/domain';
import { z } from 'zod';
import { Id, PageQuery, paged, QueryBoolean, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';

export const OrganisationKind = z.enum(organisationKinds);

/** Industry sectors of departments (行业主管部门). */
export const sectors = [
  '发改',
  '住建',
  '交通',
  '工信',
  '自然资源',
  '生态环境',
  '水利',
  '农业农村',
  '商务',
  '教育',
  '卫健',
  '文旅',
  '能源',
  '其他',
] as const;
export const Sector = z.enum(sectors);

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  kind: OrganisationKind,
  regionCode: z.string(),
  regionName: z.string(),
  sector: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationPage = paged(Organisation);

export const OrganisationQuery = PageQuery.extend({
  q: text(50).optional().describe('按名称查找'),
  kind: OrganisationKind.optional().describe('类别'),
  region: text(20).optional().describe('区划代码（含下级）'),
  assignable: QueryBoolean.optional().describe(
    '为项目指派责任时使用：同时列出上级区划的行业部门和其他单位（不含业主）',
  ),
});
export type OrganisationQuery = z.infer<typeof OrganisationQuery>;

const organisationFields = {
  name: requiredText(100).describe('单位名称'),
  kind: OrganisationKind.describe('类别：重点办 office、行业部门 department、业主单位 owner、其他 other'),
  regionCode: requiredText(20).describe('所属区划代码'),
  sector: Sector.nullable().default(null).describe('行业部门的行业'),
  contactPerson: text(50).nullable().default(null).describe('联系人'),
  contactPhone: text(30).nullable().default(null).describe('联系电话'),
};

export const CreateOrganisation = z.object(organisationFields).strict();
export type CreateOrganisation = z.infer<typeof CreateOrganisation>;

export const UpdateOrganisation = z
  .object({ ...organisationFields, isActive: z.boolean().describe('是否启用'), version: Version })
  .strict();
export type UpdateOrganisation = z.infer<typeof UpdateOrganisation>;

/** The organisations module's endpoints (the server registers them, the client calls them). */
export const organisationsEndpoints = {
  findOrganisations: endpoint({
    method: 'GET',
    path: '/api/organisations',
    summary: '单位列表',
    tag: 'organisations',
    query: OrganisationQuery,
    response: OrganisationPage,
  }),
  getOrganisation: endpoint({
    method: 'GET',
    path: '/api/organisations/:id',
    summary: '单位详情',
    tag: 'organisations',
    params: IdParams,
    response: Organisation,
  }),
  createOrganisation: endpoint({
    method: 'POST',
    path: '/api/organisations',
    summary: '新增单位',
    tag: 'organisations',
    body: CreateOrganisation,
    response: Organisation,
  }),
  updateOrganisation: endpoint({
    method: 'PUT',
    path: '/api/organisations/:id',
    summary: '修改单位',
    tag: 'organisations',
    params: IdParams,
    body: UpdateOrganisation,
    response: Organisation,
  }),
} as const;
