import { z } from 'zod';
import { AuditPage, AuditQuery, AuditVerification } from './audit.contract';
import { ChangePasswordRequest, Health, LoginRequest, Me } from './auth.contract';
import { Id, Ok } from './common';
import {
  CreateOrganisation,
  Organisation,
  OrganisationPage,
  OrganisationQuery,
  UpdateOrganisation,
} from './organisations.contract';
import { CreateRegion, Region, RegionList, UpdateRegion } from './regions.contract';
import { SecurityPolicyView, UpdateSecurityPolicy } from './security.contract';
import {
  CreateUser,
  ResetPassword,
  SetUserActive,
  SetUserRoles,
  UpdateUser,
  User,
  UserPage,
  UserQuery,
} from './users.contract';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP endpoint: the single description the server registers and the client calls. */
export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
}

const endpoint = <
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(
  e: Endpoint<P, Q, B, R>,
) => e;

const IdParams = z.object({ id: Id });
const CodeParams = z.object({ code: z.string().max(20) });

export const endpoints = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: '健康检查',
    tag: 'system',
    response: Health,
  }),
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: '登录',
    tag: 'auth',
    body: LoginRequest,
    response: Me,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    summary: '退出登录',
    tag: 'auth',
    response: Ok,
  }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', summary: '当前用户', tag: 'auth', response: Me }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    summary: '修改密码',
    tag: 'auth',
    body: ChangePasswordRequest,
    response: Ok,
  }),

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

  findUsers: endpoint({
    method: 'GET',
    path: '/api/users',
    summary: '用户列表',
    tag: 'users',
    query: UserQuery,
    response: UserPage,
  }),
  getUser: endpoint({
    method: 'GET',
    path: '/api/users/:id',
    summary: '用户详情',
    tag: 'users',
    params: IdParams,
    response: User,
  }),
  createUser: endpoint({
    method: 'POST',
    path: '/api/users',
    summary: '新增用户',
    tag: 'users',
    body: CreateUser,
    response: User,
  }),
  updateUser: endpoint({
    method: 'PUT',
    path: '/api/users/:id',
    summary: '修改用户',
    tag: 'users',
    params: IdParams,
    body: UpdateUser,
    response: User,
  }),
  setUserRoles: endpoint({
    method: 'PUT',
    path: '/api/users/:id/roles',
    summary: '设置角色',
    tag: 'users',
    params: IdParams,
    body: SetUserRoles,
    response: User,
  }),
  setUserActive: endpoint({
    method: 'PUT',
    path: '/api/users/:id/active',
    summary: '启用或停用账号',
    tag: 'users',
    params: IdParams,
    body: SetUserActive,
    response: User,
  }),
  resetUserPassword: endpoint({
    method: 'POST',
    path: '/api/users/:id/password',
    summary: '重置密码',
    tag: 'users',
    params: IdParams,
    body: ResetPassword,
    response: Ok,
  }),
  unlockUser: endpoint({
    method: 'POST',
    path: '/api/users/:id/unlock',
    summary: '解除登录锁定',
    tag: 'users',
    params: IdParams,
    response: Ok,
  }),

  getSecurityPolicy: endpoint({
    method: 'GET',
    path: '/api/security-policy',
    summary: '安全策略',
    tag: 'security',
    response: SecurityPolicyView,
  }),
  updateSecurityPolicy: endpoint({
    method: 'PUT',
    path: '/api/security-policy',
    summary: '修改安全策略',
    tag: 'security',
    body: UpdateSecurityPolicy,
    response: SecurityPolicyView,
  }),

  findAuditEvents: endpoint({
    method: 'GET',
    path: '/api/audit-events',
    summary: '审计日志',
    tag: 'audit',
    query: AuditQuery,
    response: AuditPage,
  }),
  verifyAuditChain: endpoint({
    method: 'GET',
    path: '/api/audit-events/verification',
    summary: '校验审计日志哈希链',
    tag: 'audit',
    response: AuditVerification,
  }),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
