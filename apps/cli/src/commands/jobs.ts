import { JobsQuery } from '@tuijin/contracts';
import { jobRegistry, jobsOverview, readSettings } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

const stateNames = { pending: '待运行', running: '运行中', done: '已完成', failed: '已失败' } as const;

/**
 * `tuijin jobs list [--state <state>] [--limit <n>]`: the background jobs on the server's database
 * — each job with its schedule, runs by state and last run; the latest runs (attempts, reason of the
 * last failure); and the items job runs could not process (every region).
 */
export function registerJobsCommand(program: Command, io: { out: (s: string) => void }) {
  const jobs = program.command('jobs').description('后台任务');
  jobs
    .command('list')
    .description('列出后台任务：定时与事件任务、最近运行、重试和逐条失败')
    .option('--state <state>', '只看某一状态的运行：pending、running、done、failed')
    .option('--limit <n>', '最多列出多少条运行（1–200，默认 50）')
    .action(async (options: { state?: string; limit?: string }) => {
      const query = JobsQuery.safeParse({
        ...(options.state ? { state: options.state } : {}),
        ...(options.limit ? { limit: options.limit } : {}),
      });
      if (!query.success) {
        const field = String(query.error.issues[0]?.path[0] ?? '');
        throw new CliError(`参数 --${field} 无效：${field === 'state' ? options.state : options.limit}`, 2);
      }
      const minutes = readSettings().remindIntervalMinutes;
      await withDatabase(async (handle) => {
        const overview = await jobsOverview(
          handle.db,
          query.data,
          { jobs: jobRegistry, scheduleEveryMinutes: minutes },
          null,
        );
        io.out('任务\t名称\t计划\t待运行\t运行中\t已完成\t已失败\t最近运行\n');
        for (const job of overview.jobs) {
          const plan =
            job.everyMinutes === null
              ? '事件触发'
              : job.everyMinutes === 0
                ? '定时已关闭'
                : `每 ${job.everyMinutes} 分钟`;
          const last = job.lastRun ? `${job.lastRun.key} ${stateNames[job.lastRun.state]}` : '—';
          const c = job.counts;
          io.out(
            `${job.name}\t${job.title}\t${plan}\t${c.pending}\t${c.running}\t${c.done}\t${c.failed}\t${last}\n`,
          );
        }
        io.out(`\n最近运行（${overview.runs.length} 条）\n`);
        for (const run of overview.runs)
          io.out(
            `${run.createdAt}\t${run.key}\t${stateNames[run.state]}\t第 ${run.attempts} 次\t${run.lastError ?? run.result ?? ''}\n`,
          );
        const open = overview.itemFailures.filter((f) => f.resolvedAt === null);
        io.out(`\n逐条失败（未解决 ${open.length} 条）\n`);
        for (const failure of open)
          io.out(`${failure.job}\t${failure.label}\t${failure.attempts} 次\t${failure.reason}\n`);
      });
    });
}
