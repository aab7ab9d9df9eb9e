import type { WorkerImportResult } from '@tuijin/contracts';
import { importWorkers, resolveImportTarget, WorkerImportRefusedError } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { actingAs, readInputFile } from '../cli-input';
import { withDatabase } from '../open';

type Io = { out: (s: string) => void; err: (s: string) => void };

interface WorkersOptions {
  project?: string;
  contractor?: string;
  dryRun?: boolean;
  json?: boolean;
  as?: string;
}

const problemLine = (p: WorkerImportResult['problems'][number]) =>
  `  第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}：${p.message}\n`;

/**
 * `tuijin import workers <file> --project <code> [--contractor <name>] --as <username> [--dry-run]
 * [--json]`: a contractor's 实名制花名册, previewed or imported in one transaction exactly as on the
 * web (same use case, scope, masking and audit; a wrong row refuses the whole sheet and is named; a
 * person already on the project's roster is updated, never duplicated).
 */
export function registerImportWorkers(importCommand: Command, io: Io) {
  importCommand
    .command('workers')
    .description(
      '导入实名制花名册 Excel（.xlsx）：表头含“姓名”“身份证号码”“来源省份”“到岗日期”，可有“施工单位”“工种”“班组”等列；' +
        '--project 指明项目代码，--contractor 为表中未填施工单位的行指定施工单位；--dry-run 只预检；有错误时整表不导入；' +
        '按身份证号码识别同一人，重复导入即更新',
    )
    .argument('<file>', '花名册文件（.xlsx）')
    .option('--project <code>', '项目代码（必填）')
    .option('--contractor <name>', '施工单位名称（该项目已登记的）')
    .option('--as <username>', '以哪个账号的身份导入（必填：项目业主单位或重点办；权限与辖区与网页相同）')
    .option('--dry-run', '只预检、不写入')
    .option('--json', '以一个 JSON 对象输出结果')
    .action(async (file: string, options: WorkersOptions) => {
      if (!options.as) throw new CliError('须用 --as <用户名> 指明以哪个账号的身份导入', 2);
      if (!options.project) throw new CliError('须用 --project <项目代码> 指明导入到哪个项目', 2);
      const bytes = await readInputFile(file);
      await withDatabase(async (handle, auditKey) => {
        const ctx = await actingAs(handle, auditKey, options.as!);
        const target = await resolveImportTarget(ctx, options.project!, options.contractor ?? null);
        try {
          const result = await importWorkers(ctx, target.projectId, {
            bytes,
            fileName: file.split(/[\\/]/).pop() ?? null,
            contractorId: target.contractorId,
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
            `${state}：花名册 ${result.rows.length} 人；新增 ${c.created} 人、更新 ${c.updated} 人、无变化 ${c.unchanged} 人；问题 ${result.problems.length} 个\n`,
          );
          for (const p of result.problems) io.out(problemLine(p));
        } catch (error) {
          if (!(error instanceof WorkerImportRefusedError)) throw error;
          if (options.json) {
            io.out(
              `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details }, problems: error.result.problems })}\n`,
            );
          } else {
            io.err(`错误：${error.message}\n`);
            for (const p of error.result.problems) io.err(problemLine(p));
          }
          throw new CliError('花名册未导入', 1, true);
        }
      });
    });
}
