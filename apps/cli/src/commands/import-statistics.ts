import type { StatisticsImportResult } from '@tuijin/contracts';
import { importStatistics, StatisticsImportRefusedError } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { actingAs, readInputFile } from '../cli-input';
import { withDatabase } from '../open';

type Io = { out: (s: string) => void; err: (s: string) => void };

interface StatisticsOptions {
  year?: string;
  month?: string;
  region?: string;
  dryRun?: boolean;
  json?: boolean;
  as?: string;
}

const problemLine = (p: StatisticsImportResult['problems'][number]) =>
  `  第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}：${p.message}\n`;

/** A whole number argument within a range, else a usage error naming the option. */
function whole(value: string | undefined, option: string, min: number, max: number, example: string): number {
  if (value === undefined)
    throw new CliError(`须用 ${option} 指明${option === '--year' ? '年份' : '月份'}（如 ${example}）`, 2);
  const n = Number(value);
  if (!/^\d{1,4}$/.test(value) || n < min || n > max)
    throw new CliError(`参数 ${option} 无效：“${value}”应为 ${min}–${max} 的整数（如 ${example}）`, 2);
  return n;
}

/**
 * `tuijin import statistics <file> --year Y --month M --as <office> [--region <code>] [--dry-run]
 * [--json]`: the statistics bureau's 1–M 月累计入统 sheet, previewed or imported in one transaction
 * exactly as on the web (same scope; a wrong row refuses the whole sheet and is named).
 */
export function registerImportStatistics(importCommand: Command, io: Io) {
  importCommand
    .command('statistics')
    .description(
      '导入统计局入统数据 Excel（.xlsx）：表头含“项目代码”和“本年累计完成投资（万元）”之类的累计投资列，' +
        '每行一个项目（按项目代码对应项目库）；--dry-run 只预检；有错误时整表不导入',
    )
    .argument('<file>', '入统数据文件（.xlsx）')
    .option('--year <year>', '数据所属年份（必填，如 2026）')
    .option('--month <month>', '1–N 月累计的 N（必填，如 10）')
    .option('--as <username>', '以哪个重点办账号的身份导入（必填；权限与辖区与网页相同）')
    .option('--region <code>', '数据所属辖区的区划代码；不指定时为该账号所在辖区')
    .option('--dry-run', '只预检、不写入')
    .option('--json', '以一个 JSON 对象输出结果')
    .action(async (file: string, options: StatisticsOptions) => {
      const year = whole(options.year, '--year', 2000, 2100, '2026');
      const month = whole(options.month, '--month', 1, 12, '10');
      if (options.region !== undefined && !/^[0-9A-Za-z-]{2,20}$/.test(options.region))
        throw new CliError(`参数 --region 无效：“${options.region}”不是区划代码（如 350902）`, 2);
      if (!options.as) throw new CliError('须用 --as <用户名> 指明以哪个重点办账号的身份导入', 2);
      const bytes = await readInputFile(file);
      await withDatabase(async (handle, auditKey) => {
        const ctx = await actingAs(handle, auditKey, options.as!);
        try {
          const result = await importStatistics(ctx, {
            bytes,
            fileName: file.split(/[\\/]/).pop() ?? null,
            year,
            month,
            regionCode: options.region ?? null,
            dryRun: options.dryRun ?? false,
          });
          if (options.json) {
            io.out(`${JSON.stringify(result)}\n`);
            return;
          }
          const c = result.counts;
          const state = !result.dryRun
            ? '已导入'
            : result.problems.length > 0
              ? '预检（有错误，不能导入）'
              : '预检（未写入）';
          io.out(
            `${state}：${year} 年 1–${month} 月入统数据 ${result.rows.length} 行；新增 ${c.created} 个，` +
              `更新 ${c.updated} 个，无变化 ${c.unchanged} 个；问题 ${result.problems.length} 个\n`,
          );
          for (const p of result.problems) io.out(problemLine(p));
        } catch (error) {
          if (!(error instanceof StatisticsImportRefusedError)) throw error;
          if (options.json) {
            io.out(
              `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details }, problems: error.result.problems })}\n`,
            );
          } else {
            io.err(`错误：${error.message}\n`);
            for (const p of error.result.problems) io.err(problemLine(p));
          }
          throw new CliError('入统数据未导入', 1, true);
        }
      });
    });
}
