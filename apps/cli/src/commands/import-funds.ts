import type { FundImportResult } from '@tuijin/contracts';
import { FundImportRefusedError, importFunds } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { actingAs, readInputFile } from '../cli-input';
import { withDatabase } from '../open';

type Io = { out: (s: string) => void; err: (s: string) => void };

interface FundsOptions {
  dryRun?: boolean;
  json?: boolean;
  as?: string;
}

const problemLine = (p: FundImportResult['problems'][number]) =>
  `  第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}：${p.message}\n`;

/**
 * `tuijin import funds <file> --as <office> [--dry-run] [--json]`: a 资金台账 (专项债券 and
 * 中央预算内投资 下达 and 支付), previewed or imported in one transaction exactly as on the web (same
 * use cases, scope and audit; a wrong row refuses the whole sheet and is named; a sheet imported
 * again records nothing twice).
 */
export function registerImportFunds(importCommand: Command, io: Io) {
  importCommand
    .command('funds')
    .description(
      '导入资金台账 Excel（.xlsx）：表头含“项目代码”“资金类型”“年度”“批次”和“下达金额（万元）/下达日期”' +
        '或“支付金额（万元）/支付日期”，每行一笔下达或一笔支付；--dry-run 只预检；有错误时整表不导入；' +
        '重复导入不会重复登记',
    )
    .argument('<file>', '资金台账文件（.xlsx）')
    .option('--as <username>', '以哪个重点办账号的身份导入（必填；权限与辖区与网页相同）')
    .option('--dry-run', '只预检、不写入')
    .option('--json', '以一个 JSON 对象输出结果')
    .action(async (file: string, options: FundsOptions) => {
      if (!options.as) throw new CliError('须用 --as <用户名> 指明以哪个重点办账号的身份导入', 2);
      const bytes = await readInputFile(file);
      await withDatabase(async (handle, auditKey) => {
        const ctx = await actingAs(handle, auditKey, options.as!);
        try {
          const result = await importFunds(ctx, {
            bytes,
            fileName: file.split(/[\\/]/).pop() ?? null,
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
            `${state}：资金台账 ${result.rows.length} 行；资金下达新增 ${c.allocationsCreated} 笔、已有 ${c.allocationsExisting} 笔，` +
              `资金支付新增 ${c.paymentsCreated} 笔、已有 ${c.paymentsExisting} 笔；问题 ${result.problems.length} 个\n`,
          );
          for (const p of result.problems) io.out(problemLine(p));
        } catch (error) {
          if (!(error instanceof FundImportRefusedError)) throw error;
          if (options.json) {
            io.out(
              `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details }, problems: error.result.problems })}\n`,
            );
          } else {
            io.err(`错误：${error.message}\n`);
            for (const p of error.result.problems) io.err(problemLine(p));
          }
          throw new CliError('资金台账未导入', 1, true);
        }
      });
    });
}
