import { type ApprovalPeriodStatistics, ApprovalStatisticsQuery } from '@tuijin/contracts';
import { systemActor } from '@tuijin/domain';
import { getApprovalStatistics } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

const figure = (n: number | null) => (n === null ? '—' : String(n));

/** The lines of one period: the whole span, then each procedure and department. */
function periodLines(label: string, p: ApprovalPeriodStatistics): string[] {
  const lines = [
    `${label} ${p.from} 至 ${p.to}`,
    `  全流程（首个受理 → 施工许可）：${p.span.count} 个项目，平均 ${figure(p.span.averageWorkingDays)} 个工作日（中位 ${figure(p.span.medianWorkingDays)}），平均 ${figure(p.span.averageCalendarDays)} 个自然日`,
    `  批复事项：${p.count} 项，平均 ${figure(p.averageWorkingDays)} 个工作日（中位 ${figure(p.medianWorkingDays)}）`,
    '  手续\t事项数\t平均工作日\t中位工作日\t平均自然日\t承诺时限内',
    ...p.byProcedure.map(
      (g) =>
        `  ${g.name}\t${g.count}\t${figure(g.averageWorkingDays)}\t${figure(g.medianWorkingDays)}\t${figure(g.averageCalendarDays)}\t${g.onTime}`,
    ),
    '  部门\t事项数\t平均工作日\t中位工作日\t平均自然日\t承诺时限内',
    ...p.byDepartment.map(
      (g) =>
        `  ${g.name}\t${g.count}\t${figure(g.averageWorkingDays)}\t${figure(g.medianWorkingDays)}\t${figure(g.averageCalendarDays)}\t${g.onTime}`,
    ),
  ];
  return lines;
}

/**
 * `tuijin approvals stats --from … --to … [--compare-from … --compare-to …] [--region …]`: 审批用时
 * from the item dates (by approval date), per procedure and department, and each project's whole span
 * from its first acceptance to its construction permit; with a second period, the change between them.
 */
export function registerApprovalsCommands(program: Command, io: { out: (s: string) => void }) {
  const approvals = program.command('approvals').description('前期手续');
  approvals
    .command('stats')
    .description('审批用时统计（按批复日期），可与另一期对比')
    .requiredOption('--from <date>', '统计期起，YYYY-MM-DD')
    .requiredOption('--to <date>', '统计期止，YYYY-MM-DD')
    .option('--compare-from <date>', '对比期起，YYYY-MM-DD')
    .option('--compare-to <date>', '对比期止，YYYY-MM-DD')
    .option('--region <code>', '只统计这一辖区（区域代码）')
    .action(
      async (options: {
        from: string;
        to: string;
        compareFrom?: string;
        compareTo?: string;
        region?: string;
      }) => {
        const parsed = ApprovalStatisticsQuery.safeParse({
          from: options.from,
          to: options.to,
          ...(options.compareFrom ? { compareFrom: options.compareFrom } : {}),
          ...(options.compareTo ? { compareTo: options.compareTo } : {}),
          ...(options.region ? { regionCode: options.region } : {}),
        });
        if (!parsed.success) {
          const option = (path: string) =>
            `--${path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace('region-code', 'region')}`;
          throw new CliError(
            parsed.error.issues
              .map((issue) => `参数 ${option(String(issue.path[0] ?? ''))} 无效：${issue.message}`)
              .join('\n'),
            2,
          );
        }
        await withDatabase(async (handle) => {
          const stats = await getApprovalStatistics(handle.db, systemActor, parsed.data);
          for (const line of periodLines('统计期', stats.period)) io.out(`${line}\n`);
          if (stats.compare) {
            for (const line of periodLines('对比期', stats.compare)) io.out(`${line}\n`);
            const now = stats.period.span.averageWorkingDays;
            const then = stats.compare.span.averageWorkingDays;
            if (now !== null && then !== null)
              io.out(
                `全流程平均用时：对比期 ${then} 个工作日 → 统计期 ${now} 个工作日（${now <= then ? '缩短' : '延长'} ${Math.abs(Math.round((then - now) * 10) / 10)} 个工作日）\n`,
              );
          }
        });
      },
    );
}
