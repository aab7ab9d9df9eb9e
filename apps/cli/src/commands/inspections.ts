import { raiseOverdueFindings } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/**
 * `tuijin inspections raise-overdue [--at <ISO time>]`: one run of the daily job that turns every
 * inspection finding past its rectification deadline and still 待整改 or 复核不通过 into a problem,
 * printing each problem raised. A second run raises nothing new.
 */
export function registerInspectionsCommands(program: Command, io: { out: (s: string) => void }) {
  program
    .command('inspections')
    .description('一日一督查')
    .command('raise-overdue')
    .description('逾期未整改的督查问题转为问题（每日任务的一次运行）')
    .option('--at <time>', '按哪个时刻运行（ISO 8601，如 2026-12-07T09:00:00+08:00；默认现在）')
    .action(async (options: { at?: string }) => {
      const asOf = options.at ? new Date(options.at) : new Date();
      if (Number.isNaN(asOf.getTime()) || (options.at && !/^\d{4}-\d{2}-\d{2}/.test(options.at)))
        throw new CliError(
          `参数 --at 无效：${options.at}（应为 ISO 8601 时间，如 2026-12-07T09:00:00+08:00）`,
          2,
        );
      await withDatabase(async (handle, auditKey) => {
        const raised = await raiseOverdueFindings({
          db: handle.db,
          clock: { now: () => asOf },
          auditKey,
          log: (message) => io.out(`${message}\n`),
        });
        for (const one of raised) io.out(`${one.referenceNumber}\t${one.itemText}\n`);
        io.out(`逾期督查问题转为问题 ${raised.length} 项\n`);
      });
    });
}
