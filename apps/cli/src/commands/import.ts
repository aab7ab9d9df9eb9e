import type { ApprovalImportResult } from '@tuijin/contracts';
import {
  ApprovalImportRefusedError,
  importApprovals,
  importLedger,
  importLedgerReports,
  LedgerRefusedError,
  parseLedger,
  presentDryRun,
  presentLedgerImport,
} from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { actingAs, readInputFile } from '../cli-input';
import { withDatabase } from '../open';
import { registerImportFunds } from './import-funds';
import { registerImportStatistics } from './import-statistics';
import { registerImportWorkers } from './import-workers';

interface LedgerOptions {
  reports?: boolean;
  sheetYear?: string[];
  dryRun?: boolean;
  json?: boolean;
  region?: string;
  year?: string;
  as?: string;
}

type Io = { out: (s: string) => void; err: (s: string) => void };

const problemLine = (p: {
  sheet?: string;
  row: number;
  column: string | null;
  severity: string;
  message: string;
}) =>
  `  ${p.sheet ? `“${p.sheet}” ` : ''}第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}［${p.severity === 'error' ? '错误' : '提示'}］${p.message}\n`;

export function registerImportCommands(program: Command, io: Io) {
  const importCommand = program.command('import').description('导入');
  registerImportApprovals(importCommand, io);
  registerImportStatistics(importCommand, io);
  registerImportFunds(importCommand, io);
  registerImportWorkers(importCommand, io);
  importCommand
    .command('ledger')
    .description(
      '导入项目台账 Excel（.xlsx）：--dry-run 只预检（识别项目行、单位换算、分类、级别与年限）；' +
        '否则以 --as 指定的账号身份在一个事务内新建/更新项目（权限与辖区与网页相同），' +
        '并把年度计划投资写入该年度的计划草稿（--year）',
    )
    .argument('<file>', '台账文件（.xlsx）')
    .option('--dry-run', '只检查、不写入')
    .option('--json', '以一个 JSON 对象输出结果')
    .option('--region <code>', '全部项目所在区划代码；不指定时按工作表名识别，否则为本单位区划')
    .option(
      '--year <year>',
      '年度计划投资写入的计划年度（草稿；已冻结的计划不改）；不指定时取台账标题中的年份，再缺省为今年',
    )
    .option('--as <username>', '以哪个账号的身份导入（提交导入时必填）')
    .option(
      '--reports',
      '导入月度进展台账：把各表“本月完成/1-N月完成/形象进度”写成该表报告期的月报（办公室已审核录入，不覆盖已有月报；须 --as）',
    )
    .option(
      '--sheet-year <sheet=year...>',
      '标题没有年份的工作表的年份，如 --sheet-year 福安市=2026（也可用 --year 作所有缺年份的表的年份）',
    )
    .action(async (file: string, options: LedgerOptions) => {
      if (options.region !== undefined && !/^[0-9A-Za-z-]{2,20}$/.test(options.region))
        throw new CliError(`参数 --region 无效：“${options.region}”不是区划代码（如 350902）`, 2);
      const year = options.year === undefined ? null : Number(options.year);
      if (options.year !== undefined && (!/^\d{4}$/.test(options.year) || year! < 2000 || year! > 2100))
        throw new CliError(`参数 --year 无效：“${options.year}”应为 2000–2100 之间的年份（如 2026）`, 2);
      if (!options.dryRun && !options.as)
        throw new CliError('提交导入须用 --as <用户名> 指明以谁的身份导入（只预检请加 --dry-run）', 2);
      const bytes = await readInputFile(file);
      const parsed = await parseLedger(bytes);
      if (options.reports) {
        await importReports(io, file, parsed, year, options);
        return;
      }
      if (options.dryRun) {
        printDryRun(io, presentDryRun(parsed), options.json);
        return;
      }
      await withDatabase(async (handle, auditKey) => {
        const ctx = await actingAs(handle, auditKey, options.as!);
        try {
          const outcome = await importLedger(ctx, {
            parsed,
            regionCode: options.region ?? null,
            year,
            fileName: file.split(/[\\/]/).pop() ?? null,
          });
          const result = presentLedgerImport(outcome);
          if (options.json) {
            io.out(`${JSON.stringify(result)}\n`);
            return;
          }
          const c = result.counts;
          io.out(
            `已导入：新建 ${c.created} 个项目，更新 ${c.updated} 个，无变化 ${c.unchanged} 个；` +
              `新登记业主单位 ${c.ownersCreated} 个，新增领域 ${c.domainsCreated} 个\n`,
          );
          io.out(
            `年度计划（${result.planYears.length > 0 ? `${result.planYears.join('、')} 年` : '无年度计划投资'}）：` +
              `新建草稿 ${c.plansCreated} 个，更新 ${c.plansUpdated} 个，未修改（已冻结等）${c.plansSkipped} 个\n`,
          );
          for (const p of result.problems) io.out(problemLine(p));
        } catch (error) {
          if (!(error instanceof LedgerRefusedError)) throw error;
          const problems = presentLedgerImport(error.outcome).problems;
          if (options.json) {
            io.out(
              `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details }, problems })}\n`,
            );
          } else {
            io.err(`错误：${error.message}\n`);
            for (const p of problems) io.err(problemLine(p));
          }
          throw new CliError('台账未导入', 1, true);
        }
      });
    });
}

function printDryRun(io: Io, preview: ReturnType<typeof presentDryRun>, json?: boolean) {
  if (json) {
    io.out(`${JSON.stringify(preview)}\n`);
    return;
  }
  const errors = preview.problems.filter((p) => p.severity === 'error').length;
  io.out(
    `识别到 ${preview.totals.records} 个项目，总投资 ${preview.totals.totalInvestmentWanYuan} 万元；` +
      `跳过 ${preview.skippedRows.length} 行；问题 ${preview.problems.length} 个（错误 ${errors}）\n`,
  );
  for (const p of preview.problems) io.out(problemLine(p));
}

/** `--sheet-year 福安市=2026` pairs as a map; a malformed pair is a usage error. */
function sheetYears(pairs: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^(.+)=(\d{4})$/.exec(pair);
    if (!match)
      throw new CliError(`参数 --sheet-year 无效：“${pair}”应写成 工作表名=年份（如 福安市=2026）`, 2);
    out[match[1]!] = Number(match[2]);
  }
  return out;
}

async function importReports(
  io: Io,
  file: string,
  parsed: Awaited<ReturnType<typeof parseLedger>>,
  year: number | null,
  options: LedgerOptions,
) {
  if (!options.as) throw new CliError('导入进展台账须用 --as <用户名> 指明以哪个办公室账号的身份导入', 2);
  const years = sheetYears(options.sheetYear);
  await withDatabase(async (handle, auditKey) => {
    const ctx = await actingAs(handle, auditKey, options.as!);
    const outcome = await importLedgerReports(ctx, {
      parsed,
      year,
      sheetYears: years,
      dryRun: options.dryRun ?? false,
      fileName: file.split(/[\\/]/).pop() ?? null,
    });
    if (options.json) {
      io.out(`${JSON.stringify(outcome)}\n`);
      return;
    }
    for (const sheet of outcome.sheets)
      io.out(
        sheet.status === 'ok'
          ? `工作表“${sheet.sheet}”：${sheet.year}年${sheet.fromMonth === sheet.month ? '' : `${sheet.fromMonth}-`}${sheet.month}月，写入 ${sheet.year}年${sheet.month}月月报\n`
          : `工作表“${sheet.sheet}”未读取：${sheet.reason}\n`,
      );
    const c = outcome.counts;
    io.out(
      `${options.dryRun ? '预检（未写入）' : '已导入'}：新建已审核月报 ${c.created} 份，已有相同 ${c.unchanged} 份，` +
        `已有不同未覆盖 ${c.kept} 份，未匹配 ${c.skipped} 行\n`,
    );
    for (const p of outcome.problems) io.out(problemLine(p));
  });
}

interface ApprovalsOptions {
  region?: string;
  dryRun?: boolean;
  json?: boolean;
  as?: string;
}

const cellLine = (p: ApprovalImportResult['problems'][number]) =>
  `  “${p.sheet}” 第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}［${p.severity === 'error' ? '错误' : '提示'}］${p.message}\n`;

/**
 * `tuijin import approvals <file> --as <office> [--region <code>] [--dry-run] [--json]`: an office's
 * 前期手续 ledger, previewed or imported in one transaction exactly as on the web (same scope).
 */
function registerImportApprovals(importCommand: Command, io: Io) {
  importCommand
    .command('approvals')
    .description(
      '导入前期手续台账 Excel（.xlsx）：每行一个项目（项目编码或项目名称），每列一项手续（表头为目录中的手续名称），' +
        '单元格写日期（当日已批复，可接文号）或状态（已受理 日期、容缺受理 日期 缺…、准备中、不需办理、退回 日期）；' +
        '--dry-run 只预检；有错误时整表不导入',
    )
    .argument('<file>', '台账文件（.xlsx）')
    .option('--as <username>', '以哪个重点办账号的身份导入（必填；权限与辖区与网页相同）')
    .option('--region <code>', '台账所属辖区的区划代码；不指定时为该账号所在辖区')
    .option('--dry-run', '只预检、不写入')
    .option('--json', '以一个 JSON 对象输出结果')
    .action(async (file: string, options: ApprovalsOptions) => {
      if (options.region !== undefined && !/^[0-9A-Za-z-]{2,20}$/.test(options.region))
        throw new CliError(`参数 --region 无效：“${options.region}”不是区划代码（如 350902）`, 2);
      if (!options.as) throw new CliError('须用 --as <用户名> 指明以哪个重点办账号的身份导入', 2);
      const bytes = await readInputFile(file);
      await withDatabase(async (handle, auditKey) => {
        const ctx = await actingAs(handle, auditKey, options.as!);
        try {
          const result = await importApprovals(ctx, {
            bytes,
            fileName: file.split(/[\\/]/).pop() ?? null,
            regionCode: options.region ?? null,
            dryRun: options.dryRun ?? false,
          });
          if (options.json) {
            io.out(`${JSON.stringify(result)}\n`);
            return;
          }
          const c = result.counts;
          io.out(
            `${result.isDryRun ? (result.isBlocked ? '预检（有错误，不能导入）' : '预检（未写入）') : '已导入'}：` +
              `${c.rows} 行，匹配项目 ${c.projects} 个；新建手续 ${c.itemsCreated} 项，更新 ${c.itemsUpdated} 项，` +
              `无变化 ${c.itemsUnchanged} 项；错误 ${c.errors} 个，提示 ${c.warnings} 个\n`,
          );
          for (const p of result.problems) io.out(cellLine(p));
        } catch (error) {
          if (!(error instanceof ApprovalImportRefusedError)) throw error;
          if (options.json) {
            io.out(
              `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details }, problems: error.result.problems })}\n`,
            );
          } else {
            io.err(`错误：${error.message}\n`);
            for (const p of error.result.problems) io.err(cellLine(p));
          }
          throw new CliError('前期手续台账未导入', 1, true);
        }
      });
    });
}
