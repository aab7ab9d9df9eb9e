import { z } from 'zod';
import { roles } from '../policies/permissions';

/** How new password hashes are made: argon2id, or PBKDF2-HMAC-SM3 where a 密评 asks for 商用密码. */
export const passwordHashAlgorithms = ['argon2id', 'pbkdf2-sm3'] as const;
export type PasswordHashAlgorithm = (typeof passwordHashAlgorithms)[number];

/**
 * How new sensitive field values (site workers' ID numbers) are encrypted at rest: AES-256-GCM, or
 * SM4-CBC with HMAC-SM3 (encrypt-then-MAC) for a 密评. Each stored value names its own algorithm.
 */
export const fieldCiphers = ['aes-256-gcm', 'sm4-cbc-hmac-sm3'] as const;
export type FieldCipher = (typeof fieldCiphers)[number];

/**
 * The security policy the security admin sets: password rules, lockout and session lifetime.
 * Defaults follow the issues: 5 failures in 15 minutes from one address lock that account and
 * address for 15 minutes; 10 failures in 15 minutes from any addresses lock the account for 30; a
 * CAPTCHA from the 3rd failure; 300 failures an hour per address; the last 5 passwords cannot be
 * reused and a password lasts 90 days; 30 minutes idle timeout; two-factor login (等保三级: two
 * factors, one cryptographic) required of the three admins.
 */
export const SecurityPolicy = z
  .object({
    passwordMinLength: z.number().int().min(8).max(64).describe('密码最小长度'),
    passwordMinClasses: z
      .number()
      .int()
      .min(1)
      .max(4)
      .describe('密码至少包含的字符类别数（大写、小写、数字、符号）'),
    lockoutMaxFailures: z.number().int().min(3).max(20).describe('锁定前允许的连续失败次数'),
    lockoutWindowMinutes: z.number().int().min(1).max(1440).describe('统计失败次数的时间窗口（分钟）'),
    lockoutDurationMinutes: z.number().int().min(1).max(1440).describe('锁定时长（分钟）'),
    accountMaxFailures: z
      .number()
      .int()
      .min(5)
      .max(50)
      .describe('同一账号（不论来自哪个地址）在统计窗口内失败多少次即锁定账号'),
    accountLockoutMinutes: z.number().int().min(5).max(1440).describe('账号锁定时长（分钟）'),
    captchaAfterFailures: z
      .number()
      .int()
      .min(1)
      .max(10)
      .describe('同一账号失败多少次后登录须输入图形验证码（此后每次失败递增等待时间）'),
    addressMaxFailuresPerHour: z
      .number()
      .int()
      .min(20)
      .max(10_000)
      .describe('同一地址每小时最多失败次数（各账号合计；成功的登录不计）'),
    passwordHistoryCount: z.number().int().min(1).max(24).describe('新密码不得与最近几次用过的密码相同'),
    passwordMaxAgeDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .describe('密码最长使用天数，到期须在登录时修改（0 为不限）'),
    sessionIdleMinutes: z.number().int().min(5).max(480).describe('会话空闲超时（分钟）'),
    sessionMaxHours: z.number().int().min(1).max(72).describe('会话最长有效期（小时）'),
    passwordHashAlgorithm: z
      .enum(passwordHashAlgorithms)
      .describe('新密码的哈希算法（已有密码在下次登录成功时改用此算法）'),
    fieldCipher: z.enum(fieldCiphers).describe('敏感字段（工人身份证号码）新写入时的加密算法'),
    twoFactorForAdmins: z.boolean().describe('系统、安全、审计管理员必须使用双因素登录'),
    twoFactorRoles: z.array(z.enum(roles)).max(roles.length).describe('另须使用双因素登录（动态口令）的角色'),
  })
  .strict();
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

export const defaultSecurityPolicy: SecurityPolicy = {
  passwordMinLength: 10,
  passwordMinClasses: 3,
  lockoutMaxFailures: 5,
  lockoutWindowMinutes: 15,
  lockoutDurationMinutes: 15,
  accountMaxFailures: 10,
  accountLockoutMinutes: 30,
  captchaAfterFailures: 3,
  addressMaxFailuresPerHour: 300,
  passwordHistoryCount: 5,
  passwordMaxAgeDays: 90,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  passwordHashAlgorithm: 'argon2id',
  fieldCipher: 'aes-256-gcm',
  twoFactorForAdmins: true,
  twoFactorRoles: [],
};
