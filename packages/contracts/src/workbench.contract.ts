import { workbenchSectionKeys } from '@tuijin/domain';
import { z } from 'zod';
import { endpoint } from './endpoint';
import { NotificationParams } from './notifications.contract';

export const WorkbenchSectionKey = z.enum(workbenchSectionKeys);

/** One thing due for the person: what, where it is handled, by when, in what state. */
export const WorkbenchItem = z.object({
  id: z.string().describe('被办理对象的编号（项目、问题、函件、月报、用户、年份…）'),
  title: z.string().describe('项目名称、用户名、年份等'),
  detail: z.string().nullable().describe('补充：问题编号、区划、承办单位等'),
  link: z.string().describe('办理页面地址'),
  dueOn: z.string().nullable().describe('期限 YYYY-MM-DD'),
  daysLeft: z.number().int().nullable().describe('距期限的自然日（负数为已逾期）'),
  status: z
    .string()
    .nullable()
    .describe('状态代码，由网页本地化：月报状态、问题状态、预警颜色、通知类型、审计动作…'),
  params: NotificationParams.nullable().describe('通知的渲染参数（仅通知）'),
});
export type WorkbenchItem = z.infer<typeof WorkbenchItem>;

/** A section of the workbench: its items (the most pressing first, at most a few) and how many in all. */
export const WorkbenchSection = z.object({
  key: WorkbenchSectionKey,
  total: z.number().int().describe('共多少项（items 只列前几项）'),
  link: z.string().describe('完整列表页面'),
  items: z.array(WorkbenchItem),
  figures: z
    .record(z.string(), z.number().int())
    .nullable()
    .describe('汇总数字，如报送情况各状态数、红黄灯数'),
});
export type WorkbenchSection = z.infer<typeof WorkbenchSection>;

/** 工作台: the signed-in person's to-do sections, by role. */
export const Workbench = z.object({
  today: z.string().describe('今天（北京时间）YYYY-MM-DD'),
  reportingMonth: z.object({ year: z.number().int(), month: z.number().int() }).describe('当前报送月份'),
  warningMonth: z.string().describe('预警月份 YYYY-MM'),
  sections: z.array(WorkbenchSection),
});
export type Workbench = z.infer<typeof Workbench>;

/** The workbench module's endpoints (the server registers them, the client calls them). */
export const workbenchEndpoints = {
  getWorkbench: endpoint({
    method: 'GET',
    path: '/api/workbench',
    summary: '工作台：本人待办（月报填报/审核、问题办理、函件回复、预警、通知…），按角色',
    tag: 'workbench',
    response: Workbench,
  }),
} as const;
