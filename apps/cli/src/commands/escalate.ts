import { notificationText, runEscalations } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/**
 * `tuijin escalate [--at <ISO time>]`: one run of the problem escalation job — notices at 50% and
 * 75% of a level's limit and at breach, and the move up one level — printing what it did. A second
 * run at the same moment does nothing new.
 */
export function registerEscalateCommand(program: Command, io: { out: (s: string) => void }) {
  program
    .command('escalate')
    .description('运行一次问题提级：办理时限过半、过四分之三和超时提醒，超时自动提级')
    .option('--at <time>', '按哪个时刻运行（ISO 8601，如 2026-10-14T09:00:00+08:00；默认现在）')
    .action(async (options: { at?: string }) => {
      const asOf = options.at ? new Date(options.at) : new Date();
      if (Number.isNaN(asOf.getTime()) || (options.at && !/^\d{4}-\d{2}-\d{2}/.test(options.at)))
        throw new CliError(
          `参数 --at 无效：${options.at}（应为 ISO 8601 时间，如 2026-10-14T09:00:00+08:00）`,
          2,
        );
      await withDatabase(async (handle, auditKey) => {
        const outcome = await runEscalations(
          { db: handle.db, clock: { now: () => new Date() }, auditKey },
          asOf,
        );
        for (const notice of outcome.notices) {
          const name = notificationText('problem.deadline', {
            referenceNumber: notice.referenceNumber,
            level: notice.level,
            noticeName: {
              half: '办理时限已过半',
              threeQuarters: '办理时限已过四分之三',
              breach: '已超过办理时限',
            }[notice.kind],
          });
          io.out(`${notice.referenceNumber}\t第${notice.level}级\t${name.title}\n`);
        }
        for (const moved of outcome.escalated)
          io.out(`${moved.referenceNumber}\t提级\t第${moved.fromLevel}级 → 第${moved.toLevel}级\n`);
        io.out(
          `${outcome.asOf}：新增提醒 ${outcome.notices.length} 条，提级 ${outcome.escalated.length} 个问题\n`,
        );
      });
    });
}
