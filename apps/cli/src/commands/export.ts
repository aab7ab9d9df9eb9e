import { writeFile } from 'node:fs/promises';
import { MonthlyLedgerQuery, ProjectQuery } from '@tuijin/contracts';
import { exportMonthlyLedger, exportProjects, userCtx } from '@tuijin/server';
import type { Command } from 'commander';
import type { z } from 'zod';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/** Parses options with a contract schema; a bad option is exit code 2 naming the option. */
function parseOptions<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`参数 --${String(issue?.path[0] ?? '')} 无效：${issue?.message ?? ''}`, 2);
  }
  return parsed.data;
}

async function save(out: string, bytes: Buffer) {
  await writeFile(out, bytes).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`无法写入文件 ${out}：${error.message}`, 1);
  });
}

export function registerExportCommands(program: Command, io: { out: (s: string) => void }) {
  const exportCommand = program.command('export').description('导出 Excel（以某个用户的身份和辖区）');
  exportCommand
    .command('ledger')
    .description('导出月度台账（某年某月，只计已审核月报），与网页“月度台账导出”相同')
    .requiredOption('--year <year>', '年份，如 2026')
    .requiredOption('--month <month>', '月份 1–12')
    .option('--region <code>', '区划代码（含下级）；缺省为该用户的辖区')
    .requiredOption('--as <username>', '以该用户的身份和辖区导出')
    .requiredOption('--out <file>', '输出文件（.xlsx）')
    .action(async (options: { year: string; month: string; region?: string; as: string; out: string }) => {
      const query = parseOptions(MonthlyLedgerQuery, {
        year: options.year,
        month: options.month,
        ...(options.region ? { region: options.region } : {}),
      });
      await withDatabase(async (handle, auditKey) => {
        const ledger = await exportMonthlyLedger(await userCtx(handle.db, auditKey, options.as), query);
        await save(options.out, ledger.bytes);
        io.out(`已导出 ${ledger.projects} 个项目的${query.year}年${query.month}月台账：${options.out}\n`);
      });
    });
  exportCommand
    .command('projects')
    .description('导出项目库（按条件筛选），与项目库页面的“导出 Excel”相同')
    .option('--region <code>', '区划代码（含下级）')
    .option('--stage <stage>', '阶段')
    .option('--level <level>', '级别：provincial city county')
    .requiredOption('--as <username>', '以该用户的身份和辖区导出')
    .requiredOption('--out <file>', '输出文件（.xlsx）')
    .action(async (options: { region?: string; stage?: string; level?: string; as: string; out: string }) => {
      const query = parseOptions(ProjectQuery, {
        region: options.region,
        stage: options.stage,
        level: options.level,
      });
      await withDatabase(async (handle, auditKey) => {
        const bytes = await exportProjects(await userCtx(handle.db, auditKey, options.as), query);
        await save(options.out, bytes);
        io.out(`已导出项目库：${options.out}\n`);
      });
    });
}
