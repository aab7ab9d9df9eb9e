import { z } from 'zod';
import { Role } from './auth.contract';
import { Id, Ok, PageQuery, paged, QueryBoolean, requiredText, text, Version } from './common';
import { endpoint, IdParams } from './endpoint';

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  organisationId: Id,
  organisationName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  roles: z.array(Role),
  isActive: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const UserPage = paged(User);

export const UserQuery = PageQuery.extend({
  q: text(50).optional().describe('按用户名或姓名查找'),
  organisationId: Id.optional(),
  region: text(20).optional().describe('区划代码（含下级）'),
  role: Role.optional(),
  assignable: QueryBoolean.optional().describe(
    '为项目指派责任时使用：同时列出上级区划的挂钩领导和首席服务官',
  ),
});
export type UserQuery = z.infer<typeof UserQuery>;

export const Username = requiredText(32)
  .pipe(
    z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { message: '用户名须以小写字母开头，3–32 位小写字母、数字、_ . -' }),
  )
  .describe('登录名');

export const CreateUser = z
  .object({
    username: Username,
    displayName: requiredText(50).describe('姓名'),
    phone: text(30).nullable().default(null).describe('手机号'),
    organisationId: Id.describe('所属单位'),
    roles: z.array(Role).min(1, { message: '至少选择一个角色' }).describe('角色'),
    password: z.string().min(1).max(256).describe('初始密码，首次登录须修改'),
  })
  .strict();
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .object({
    displayName: requiredText(50),
    phone: text(30).nullable(),
    organisationId: Id,
    version: Version,
  })
  .strict();
export type UpdateUser = z.infer<typeof UpdateUser>;

export const SetUserRoles = z.object({ roles: z.array(Role), version: Version }).strict();
export type SetUserRoles = z.infer<typeof SetUserRoles>;

export const SetUserActive = z.object({ isActive: z.boolean(), version: Version }).strict();
export type SetUserActive = z.infer<typeof SetUserActive>;

export const ResetPassword = z
  .object({ newPassword: z.string().min(1).max(256).describe('新密码，用户下次登录须修改') })
  .strict();
export type ResetPassword = z.infer<typeof ResetPassword>;

/** The users module's endpoints (the server registers them, the client calls them). */
export const usersEndpoints = {
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
  resetUserTwoFactor: endpoint({
    method: 'POST',
    path: '/api/users/:id/two-factor/reset',
    summary: '重置动态口令（安全管理员；下次登录须重新绑定）',
    tag: 'users',
    params: IdParams,
    response: Ok,
  }),
} as const;
