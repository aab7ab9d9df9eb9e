import { organisationKinds, permissions, regionLevels, roles } from '@tuijin/domain';
import { z } from 'zod';
import { Id, Ok } from './common';
import { endpoint } from './endpoint';

export const Role = z.enum(roles);
export const Permission = z.enum(permissions);

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1, { message: '请输入用户名' }).max(64).describe('用户名'),
    password: z.string().min(1, { message: '请输入密码' }).max(256).describe('密码'),
    captchaId: Id.optional().describe('图形验证码编号（同一账号多次登录失败后须填写）'),
    captchaAnswer: z
      .string()
      .trim()
      .min(1, { message: '请输入图形验证码' })
      .max(16, { message: '图形验证码最多 16 个字符' })
      .optional()
      .describe('图形验证码上的字符（不区分大小写）'),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginCaptcha = z.object({
  id: Id,
  image: z.string().describe('验证码图片（data:image/svg+xml;base64 地址），离线生成'),
  expiresAt: z.iso.datetime().describe('过期时间；只能使用一次'),
});
export type LoginCaptcha = z.infer<typeof LoginCaptcha>;

export const Me = z.object({
  user: z.object({ id: Id, username: z.string(), displayName: z.string() }),
  roles: z.array(Role),
  organisation: z.object({ id: Id, name: z.string(), kind: z.enum(organisationKinds) }),
  region: z.object({ code: z.string(), name: z.string(), level: z.enum(regionLevels) }),
  abilities: z.array(Permission).describe('当前用户拥有的权限，前端据此显示菜单和按钮'),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/** The answer to the password step: the person, and the second factor still owed (then no session yet). */
export const LoginResult = Me.extend({
  secondFactor: z
    .enum(['totp', 'enrol'])
    .nullable()
    .describe('仍须完成的第二步：totp 输入动态口令，enrol 先绑定动态口令；null 表示已登录'),
});
export type LoginResult = z.infer<typeof LoginResult>;

export const SecondFactorCode = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, { message: '请输入动态口令' })
      .max(32, { message: '动态口令过长' })
      .describe('认证应用显示的 6 位动态口令，或一个恢复码'),
  })
  .strict();
export type SecondFactorCode = z.infer<typeof SecondFactorCode>;

export const TotpEnrolment = z.object({
  secret: z.string().describe('密钥（Base32），无法扫码时手工输入到认证应用'),
  otpauthUri: z.string().describe('otpauth:// 地址，即二维码的内容'),
  qrDataUrl: z.string().describe('二维码图片（SVG data URL，服务器本地生成）'),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpEnrolmentConfirmed = z.object({
  recoveryCodes: z.array(z.string()).describe('一次性恢复码，仅此一次显示'),
  me: Me,
});
export type TotpEnrolmentConfirmed = z.infer<typeof TotpEnrolmentConfirmed>;

export const TwoFactorStatus = z.object({
  isEnrolled: z.boolean(),
  isRequired: z.boolean().describe('安全策略是否要求此账号使用双因素登录'),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

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

/** The auth module's endpoints (the server registers them, the client calls them). */
export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: '登录',
    tag: 'auth',
    body: LoginRequest,
    response: LoginResult,
  }),
  verifySecondFactor: endpoint({
    method: 'POST',
    path: '/api/auth/second-factor',
    summary: '登录第二步：动态口令或恢复码',
    tag: 'auth',
    body: SecondFactorCode,
    response: Me,
  }),
  twoFactorStatus: endpoint({
    method: 'GET',
    path: '/api/auth/two-factor',
    summary: '本人的双因素登录状态',
    tag: 'auth',
    response: TwoFactorStatus,
  }),
  startTotpEnrolment: endpoint({
    method: 'POST',
    path: '/api/auth/two-factor/enrolment',
    summary: '开始绑定动态口令（生成密钥和二维码）',
    tag: 'auth',
    response: TotpEnrolment,
  }),
  confirmTotpEnrolment: endpoint({
    method: 'POST',
    path: '/api/auth/two-factor/enrolment/confirm',
    summary: '确认绑定动态口令（输入一次口令），返回恢复码',
    tag: 'auth',
    body: SecondFactorCode,
    response: TotpEnrolmentConfirmed,
  }),
  loginCaptcha: endpoint({
    method: 'POST',
    path: '/api/auth/captcha',
    summary: '获取登录图形验证码',
    tag: 'auth',
    response: LoginCaptcha,
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
} as const;
