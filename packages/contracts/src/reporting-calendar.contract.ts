import { reportCheckIds } from '@tuijin/domain';
import { z } from 'zod';
import { Version } from './common';

export const ReportCheckId = z.enum(reportCheckIds).describe('报送校验项');
export const DeadlineKind = z
  .enum(['dayOfMonth', 'workingDaysAfterMonthEnd'])
  .describe('dayOfMonth 每月固定日（如 25 日）；workingDaysAfterMonthEnd 月末后第 N 个工作日');

export const RegionCodeParams = z.object({ regionCode: z.string().min(1).max(20).describe('区划代码') });

/** A reporting rule as stored and as edited. */
export const ReportingCalendarRule = z.object({
  deadlineKind: DeadlineKind,
  deadlineDay: z.number().int().nullable().describe('固定日规则的日（1–31，超过当月天数取月末）'),
  deadlineMonthOffset: z.number().int().describe('固定日规则：0 = 报告月当月，1 = 次月'),
  deadlineWorkingDays: z.number().int().nullable().describe('工作日规则的 N（月末后第 N 个工作日）'),
  opensDaysBefore: z.number().int().describe('截止日前多少个自然日开始填报'),
  lateAllowed: z.boolean().describe('是否允许逾期补报'),
  lateCloseDays: z.number().int().nullable().describe('允许补报时，截止日后多少个自然日关闭；空 = 不关闭'),
  blockingChecks: z.array(ReportCheckId).describe('不通过即不能报送的校验项；其余校验项只提示'),
});
export type ReportingCalendarRule = z.infer<typeof ReportingCalendarRule>;

/** One reported month's window: opens, deadline, closes (null: never closes). */
export const ReportingPeriod = z.object({
  year: z.number().int(),
  month: z.number().int(),
  opensOn: z.string().nullable().describe('开始填报日 YYYY-MM-DD'),
  dueOn: z.string().nullable().describe('截止日 YYYY-MM-DD'),
  closesOn: z.string().nullable().describe('最晚补报日（含）；空 = 不关闭（或无法计算，见 problem）'),
  problem: z.string().nullable().describe('无法计算时的原因'),
  isProvisional: z
    .boolean()
    .describe('暂定：截止日落在尚未录入法定节假日安排的年份，按周末和固定日期节日推算，录入后自动更新'),
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

export const ReportingCalendarView = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  source: z
    .enum(['own', 'inherited', 'default'])
    .describe('own 本级设置；inherited 沿用上级；default 系统默认（每月 25 日）'),
  inheritedFrom: z.object({ code: z.string(), name: z.string() }).nullable(),
  rule: ReportingCalendarRule,
  version: z.number().int().nullable().describe('本级设置的版本号；未设置时为空'),
  updatedAt: z.string().nullable(),
  upcoming: z.array(ReportingPeriod).describe('接下来 12 个报告月的期限'),
  canManage: z.boolean(),
});
export type ReportingCalendarView = z.infer<typeof ReportingCalendarView>;

const int = (min: number, max: number, what: string) =>
  z
    .number({ message: `${what}应为整数` })
    .int({ message: `${what}应为整数` })
    .min(min, { message: `${what}应在 ${min}–${max} 之间` })
    .max(max, { message: `${what}应在 ${min}–${max} 之间` });

/**
 * Sets a region's own rule. A day-of-month rule needs `deadlineDay` (1–31) and no working-day
 * count; a working-days rule needs `deadlineWorkingDays` (1–20), no day, and offset 0.
 * `lateCloseDays` only with late submission allowed. `version` null creates the region's own row.
 */
export const SetReportingCalendar = z
  .object({
    deadlineKind: DeadlineKind,
    deadlineDay: int(1, 31, '截止日').nullable().default(null),
    deadlineMonthOffset: int(0, 1, '截止月份偏移').default(0),
    deadlineWorkingDays: int(1, 20, '工作日天数').nullable().default(null),
    opensDaysBefore: int(0, 60, '提前开放天数'),
    lateAllowed: z.boolean(),
    lateCloseDays: int(1, 365, '补报天数').nullable().default(null),
    blockingChecks: z.array(ReportCheckId).max(reportCheckIds.length).default([]),
    version: Version.nullable().describe('本级设置的版本号；新建本级设置时为空'),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.deadlineKind === 'dayOfMonth') {
      if (rule.deadlineDay === null)
        ctx.addIssue({
          code: 'custom',
          path: ['deadlineDay'],
          message: '按固定日截止时必须填写截止日（1–31）',
        });
      if (rule.deadlineWorkingDays !== null)
        ctx.addIssue({
          code: 'custom',
          path: ['deadlineWorkingDays'],
          message: '按固定日截止时不填工作日天数',
        });
    } else {
      if (rule.deadlineWorkingDays === null)
        ctx.addIssue({
          code: 'custom',
          path: ['deadlineWorkingDays'],
          message: '按月末后工作日截止时必须填写工作日天数（1–20）',
        });
      if (rule.deadlineDay !== null)
        ctx.addIssue({ code: 'custom', path: ['deadlineDay'], message: '按月末后工作日截止时不填截止日' });
      if (rule.deadlineMonthOffset !== 0)
        ctx.addIssue({
          code: 'custom',
          path: ['deadlineMonthOffset'],
          message: '按月末后工作日截止时不设月份偏移（已在报告月之后）',
        });
    }
    if (!rule.lateAllowed && rule.lateCloseDays !== null)
      ctx.addIssue({ code: 'custom', path: ['lateCloseDays'], message: '不允许补报时不设补报天数' });
    if (new Set(rule.blockingChecks).size !== rule.blockingChecks.length)
      ctx.addIssue({ code: 'custom', path: ['blockingChecks'], message: '校验项重复' });
  });
export type SetReportingCalendar = z.infer<typeof SetReportingCalendar>;

export const DeleteReportingCalendar = z.object({
  version: z.coerce.number().int().min(0).describe('本级设置的版本号'),
});
export type DeleteReportingCalendar = z.infer<typeof DeleteReportingCalendar>;
