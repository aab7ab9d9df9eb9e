import { notificationText, runEscalations } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/**
 * `tuijin escalate [--at <ISO time>]`: one run of the problem escalation job — notices at 50% and
 * 75% of a level's limit and at breach, and the move up one level — printing what it did. A second
 * run at the same moment does nothing new. Also prints recomputed and provisional (暂定) due dates and
 * the problems it could not process (recorded and retried next run); a failed problem never stops
 * the run, so the command exits 0 unless the database itself cannot be used.
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
        for (const changed of outcome.recomputed)
          io.out(
            `${changed.referenceNumber}\t重算期限\t${changed.from} → ${changed.to}${changed.isDueOnProvisional ? '（暂定）' : ''}\n`,
          );
        for (const failed of outcome.failures)
          io.out(`${failed.referenceNumber}\t处理失败（下次运行重试）\t${failed.reason}\n`);
        io.out(
          `${outcome.asOf}：新增提醒 ${outcome.notices.length} 条，提级 ${outcome.escalated.length} 个问题` +
            `，重算期限 ${outcome.recomputed.length} 个，处理失败 ${outcome.failures.length} 个\n`,
        );
        if (outcome.provisional.length > 0) {
          const years = [...new Set(outcome.provisional.map((p) => p.dueOn.slice(0, 4)))].join('、');
          io.out(
            `暂定期限 ${outcome.provisional.length} 个（${years} 年法定节假日安排尚未录入，按周末和元旦、劳动节、国庆节推算，录入后重算）：\n`,
          );
          for (const p of outcome.provisional) io.out(`${p.referenceNumber}\t期限 ${p.dueOn}（暂定）\n`);
        }
      });
    });
}
