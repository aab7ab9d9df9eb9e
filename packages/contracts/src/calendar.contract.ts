import { z } from 'zod';
import { text } from './common';
import { endpoint } from './endpoint';

export const CalendarQuery = z.object({
  year: z.coerce.number().int().min(2004).max(2100).describe('年份'),
});

export const CalendarDay = z.object({
  date: z.string().describe('YYYY-MM-DD'),
  kind: z.enum(['holiday', 'workday']).describe('holiday 法定节假日（休息）；workday 调休上班'),
  name: z.string().nullable(),
  source: z.enum(['package', 'override']).describe('package 随系统提供的官方安排；override 管理员录入'),
});

export const CalendarYear = z.object({
  year: z.number().int(),
  isKnown: z.boolean().describe('是否已有该年的节假日安排（未录入的年份不能按工作日计算期限）'),
  days: z.array(CalendarDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarDateParams = z.object({
  date: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }),
});

export const SetCalendarOverride = z
  .object({
    kind: z.enum(['holiday', 'workday']).describe('holiday 放假；workday 调休上班'),
    name: text(30).nullable().default(null).describe('名称，如 国庆节、国庆节调休上班'),
  })
  .strict();
export type SetCalendarOverride = z.infer<typeof SetCalendarOverride>;

/** The calendar module's endpoints (the server registers them, the client calls them). */
export const calendarEndpoints = {
  getCalendarYear: endpoint({
    method: 'GET',
    path: '/api/calendar',
    summary: '某年的法定节假日和调休安排（官方数据与管理员录入合并）',
    tag: 'calendar',
    query: CalendarQuery,
    response: CalendarYear,
  }),
  setCalendarOverride: endpoint({
    method: 'PUT',
    path: '/api/calendar/overrides/:date',
    summary: '录入或修改某日的放假/调休上班安排',
    tag: 'calendar',
    params: CalendarDateParams,
    body: SetCalendarOverride,
    response: CalendarYear,
  }),
  deleteCalendarOverride: endpoint({
    method: 'DELETE',
    path: '/api/calendar/overrides/:date',
    summary: '删除管理员录入的某日安排（恢复官方数据）',
    tag: 'calendar',
    params: CalendarDateParams,
    response: CalendarYear,
  }),
} as const;
