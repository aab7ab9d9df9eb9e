import { z } from 'zod';

/**
 * The security policy the security admin sets: password rules, lockout and session lifetime.
 * Defaults follow the issues: 5 failures in 15 minutes from one address lock that account and
 * address for 15 minutes; 10 failures in 15 minutes from any addresses lock the account for 30; a
 * CAPTCHA from the 3rd failure; 300 failures an hour per address; the last 5 passwords cannot be
 * reused and a password lasts 90 days; 30 minutes idle timeout.
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
};
