import { z } from 'zod';

export const CurrentReportingPeriodQuery = z.object({
  region: z.string().min(1).max(20).optional().describe('区划代码；默认本人辖区'),
});
export type CurrentReportingPeriodQuery = z.infer<typeof CurrentReportingPeriodQuery>;

/** 当前报送月份: the month every page opens on, by the region's reporting calendar. */
export const CurrentReportingPeriod = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  key: z.string().describe('YYYY-MM'),
  quarter: z.string().describe('当前季度（报送月份所在季度），如 2026Q4'),
  opensOn: z.string().nullable().describe('开始填报日'),
  dueOn: z.string().nullable().describe('截止日'),
  closesOn: z.string().nullable().describe('最晚补报日；空 = 不关闭'),
  state: z
    .enum(['notOpen', 'open', 'late', 'closed'])
    .describe('open 填报期内；late 已过截止日可补报；closed 已关闭'),
  today: z.string().describe('判定所用的日期（中国时间）'),
});
export type CurrentReportingPeriod = z.infer<typeof CurrentReportingPeriod>;
