import { computeAllEvaluations, systemCtx } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

const listNames = { red: '红榜', black: '黑榜' } as const;

/**
 * `tuijin evaluation compute --quarter 2026Q3 [--scheme <id>]`: computes the quarter's evaluation
 * (赛马) under every scheme (or one), printing each ranking. Re-running replaces the quarter's
 * results for the scheme's current version; a published quarter is left frozen and printed as is.
 */
export function registerEvaluationCommands(program: Command, io: { out: (s: string) => void }) {
  const evaluation = program.command('evaluation').description('季度考评（赛马）');
  evaluation
    .command('compute')
    .description('计算某季度的考评结果（可重复运行；已发布的季度保持不变）')
    .requiredOption('--quarter <quarter>', '季度，如 2026Q3')
    .option('--scheme <id>', '只计算这一个考评方案')
    .action(async (options: { quarter: string; scheme?: string }) => {
      if (!/^\d{4}Q[1-4]$/.test(options.quarter))
        throw new CliError(`参数 --quarter 无效：${options.quarter}（应为 2026Q3 这样的季度）`, 2);
      await withDatabase(async (handle, auditKey) => {
        const computed = await computeAllEvaluations(
          systemCtx(handle.db, auditKey),
          options.quarter,
          options.scheme,
        );
        for (const scheme of computed) {
          const state = scheme.status === 'published' ? '已发布，保持不变' : '已计算';
          io.out(`${scheme.schemeName}（${scheme.regionCode}）${options.quarter}：${state}\n`);
          for (const e of scheme.entries)
            io.out(`  ${e.rank}\t${e.name}\t${e.total}${e.list ? `\t${listNames[e.list]}` : ''}\n`);
        }
        io.out(`共 ${computed.length} 个考评方案\n`);
      });
    });
}
