import { organisationKinds, permissions, regionLevels, roles } from '@tuijin/domain';
import { z } from 'zod';
import { Id } from './common';

export const Role = z.enum(roles);
export const Permission = z.enum(permissions);

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1, { message: '请输入用户名' }).max(64).describe('用户名'),
    password: z.string().min(1, { message: '请输入密码' }).max(256).describe('密码'),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.object({
  user: z.object({ id: Id, username: z.string(), displayName: z.string() }),
  roles: z.array(Role),
  organisation: z.object({ id: Id, name: z.string(), kind: z.enum(organisationKinds) }),
  region: z.object({ code: z.string(), name: z.string(), level: z.enum(regionLevels) }),
  abilities: z.array(Permission).describe('当前用户拥有的权限，前端据此显示菜单和按钮'),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, { message: '请输入当前密码' }).max(256),
    newPassword: z.string().min(1, { message: '请输入新密码' }).max(256),
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgresql']),
});
export type Health = z.infer<typeof Health>;
