import { z } from 'zod';
import { endpoint, IdParams } from './endpoint';
import { ProblemStatus } from './problems.contract';
import { Project } from './projects.contract';
import { ReportStatus } from './reports.contract';
import { WarningColour } from './warnings.contract';

/** One of the project's latest monthly reports as the page's first screen lists it. */
export const FirstScreenReport = z.object({
  id: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  status: ReportStatus,
  completedWanYuan: z.string().describe('本月完成（万元）'),
  ytdWanYuan: z.string().describe('本年累计完成至该月（万元，已审核月报）'),
  late: z.boolean().describe('首次提交晚于截止日'),
});
export type FirstScreenReport = z.infer<typeof FirstScreenReport>;

/** One open problem of the project (the handler still owes an answer). */
export const FirstScreenProblem = z.object({
  id: z.string(),
  referenceNumber: z.string(),
  category: z.string(),
  description: z.string(),
  status: ProblemStatus,
  level: z.number().int(),
  dueOn: z.string(),
  overdue: z.boolean().describe('已过办理期限'),
});
export type FirstScreenProblem = z.infer<typeof FirstScreenProblem>;

/**
 * 一项一档's first screen in one request (issue 18 item 3): the project, its last 12 monthly reports
 * (newest first), its open problems (soonest due first) and its current 红黄绿灯.
 */
export const ProjectFirstScreen = z.object({
  project: Project,
  reports: z.array(FirstScreenReport),
  openProblems: z.array(FirstScreenProblem),
  warning: z
    .object({ month: z.string(), colour: WarningColour })
    .nullable()
    .describe('截至本月最近一次计算的预警颜色；从未计算为 null'),
});
export type ProjectFirstScreen = z.infer<typeof ProjectFirstScreen>;

export const projectPageEndpoints = {
  getProjectFirstScreen: endpoint({
    method: 'GET',
    path: '/api/projects/:id/first-screen',
    summary: '项目页首屏：项目、最近 12 期月报、在办问题、当前预警（一次请求）',
    tag: 'projects',
    params: IdParams,
    response: ProjectFirstScreen,
  }),
};
