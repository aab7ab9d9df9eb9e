import { readFile } from 'node:fs/promises';
import { parseLedger, presentDryRun } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';

export function registerImportCommands(program: Command, io: { out: (s: string) => void }) {
  const importCommand = program.command('import').description('导入');
  importCommand
    .command('ledger')
    .description('预检项目台账 Excel（.xlsx）：识别项目行、单位换算、分类、级别与年限，列出跳过的行和问题')
    .argument('<file>', '台账文件（.xlsx）')
    .requiredOption('--dry-run', '只检查、不写入（本版本的台账导入只做预检）')
    .option('--json', '以一个 JSON 对象输出预检结果')
    .action(async (file: string, options: { json?: boolean }) => {
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(
          error.code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}：${error.message}`,
          2,
        );
      });
      const preview = presentDryRun(await parseLedger(bytes));
      if (options.json) {
        io.out(`${JSON.stringify(preview)}\n`);
        return;
      }
      const errors = preview.problems.filter((p) => p.severity === 'error').length;
      io.out(
        `识别到 ${preview.totals.records} 个项目，总投资 ${preview.totals.totalInvestmentWanYuan} 万元；` +
          `跳过 ${preview.skippedRows.length} 行；问题 ${preview.problems.length} 个（错误 ${errors}）\n`,
      );
      for (const p of preview.problems) {
        io.out(
          `  第 ${p.row} 行${p.column ? ` ${p.column} 列` : ''}［${p.severity === 'error' ? '错误' : '提示'}］${p.message}\n`,
        );
      }
    });
}
