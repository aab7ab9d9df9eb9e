import { recomputeWarnings } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/**
 * `tuijin warnings recompute --month YYYY-MM`: one run of the monthly three-colour warning job for
 * every project under a published rule set, printing the counts by colour. Keyed by (rule version,
 * project, month), so a second run over the same data changes nothing.
 */
export function registerWarningsCommand(program: Command, io: { out: (s: string) => void }) {
  const warnings = program.command('warnings').description('红黄绿灯预警');
  warnings
    .command('recompute')
    .description('按生效的预警规则计算某月全部项目的红黄绿灯（重复运行结果不变）')
    .requiredOption('--month <month>', '月份，YYYY-MM，如 2026-05')
    .action(async (options: { month: string }) => {
      const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(options.month);
      if (!match) throw new CliError(`参数 --month 无效：${options.month}（应为 YYYY-MM，如 2026-05）`, 2);
      await withDatabase(async (handle, auditKey) => {
        const outcome = await recomputeWarnings(
          { db: handle.db, clock: { now: () => new Date() }, auditKey },
          { period: { year: Number(match[1]), month: Number(match[2]) } },
        );
        io.out(
          `${outcome.month}：计算 ${outcome.computed} 个项目（红 ${outcome.counts.red}，黄 ${outcome.counts.yellow}，绿 ${outcome.counts.green}），写入 ${outcome.changed} 条\n`,
        );
      });
    });
}
