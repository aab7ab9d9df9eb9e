import { z } from 'zod';
import { Timestamp } from './common';
import { endpoint } from './endpoint';

/** The states of a queued run: waiting (or waiting to retry), running, through, given up. */
export const jobRunStates = ['pending', 'running', 'done', 'failed'] as const;
export const JobRunState = z.enum(jobRunStates);
export type JobRunState = z.infer<typeof JobRunState>;

/** One run of a background job (a row of the outbox). */
export const JobRun = z.object({
  id: z.number().int(),
  job: z.string().describe('任务名，如 escalations'),
  key: z.string().describe('自然键：同一任务同一键只运行一次，如 escalations:2026-12-06T09:00'),
  state: JobRunState,
  attempts: z.number().int().describe('已运行次数（含重试）'),
  lastError: z.string().nullable().describe('最近一次失败的原因'),
  result: z.string().nullable().describe('运行结果摘要'),
  runAfter: Timestamp.describe('最早运行时间（重试时为退避后的时间）'),
  claimedBy: z.string().nullable().describe('领取该运行的进程'),
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type JobRun = z.infer<typeof JobRun>;

/** A job of the registry with its schedule, its last run and its runs counted by state. */
export const JobSummary = z.object({
  name: z.string(),
  title: z.string().describe('任务中文名'),
  everyMinutes: z
    .number()
    .int()
    .nullable()
    .describe('定时任务的间隔分钟数；null 表示由事件触发，0 表示定时已关闭'),
  lastRun: JobRun.nullable(),
  counts: z.object({
    pending: z.number().int(),
    running: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
  }),
});
export type JobSummary = z.infer<typeof JobSummary>;

/** An item a job run could not process (e.g. one problem of the escalation job), retried next run. */
export const JobItemFailure = z.object({
  job: z.string(),
  itemKey: z.string(),
  label: z.string().describe('条目名称，如问题编号'),
  reason: z.string(),
  attempts: z.number().int(),
  firstFailedAt: Timestamp,
  lastFailedAt: Timestamp,
  resolvedAt: Timestamp.nullable().describe('后续运行处理成功的时间；null 表示仍未处理成功'),
});
export type JobItemFailure = z.infer<typeof JobItemFailure>;

export const JobsOverview = z.object({
  jobs: z.array(JobSummary),
  runs: z.array(JobRun).describe('最近的运行，新的在前'),
  itemFailures: z.array(JobItemFailure).describe('逐条失败记录（本辖区），未解决的在前'),
});
export type JobsOverview = z.infer<typeof JobsOverview>;

export const JobsQuery = z
  .object({
    state: JobRunState.optional().describe('只看某一状态的运行'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('最多返回多少条运行'),
  })
  .strict();
export type JobsQuery = z.infer<typeof JobsQuery>;

/** The jobs module's endpoints. */
export const jobsEndpoints = {
  listJobs: endpoint({
    method: 'GET',
    path: '/api/jobs',
    summary: '后台任务：任务、最近运行、重试与逐条失败（系统管理员）',
    tag: 'jobs',
    query: JobsQuery,
    response: JobsOverview,
  }),
} as const;
