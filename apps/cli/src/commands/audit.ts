import { open, readFile } from 'node:fs/promises';
import { systemActor } from '@tuijin/domain';
import {
  checkAuditArchive,
  describeAuditReport,
  exportAuditLog,
  systemClock,
  verifyAuditLog,
} from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';
import { readAuditKeyForFile } from './audit-key';

/** `2026-06-01` is China's midnight (+08:00); a full ISO time is taken as written. */
export function parseAuditTime(value: string, option: string): Date {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliError(
      `${option}：无法识别的时间「${value}」，请写 2026-06-01 或 2026-06-01T08:00:00+08:00`,
      2,
    );
  }
  return date;
}

/**
 * `tuijin audit verify [--file <archive>]` and `tuijin audit export --from --to --out`: the audit
 * log's verification (links, checkpoints, truncation; exit 1 with the report when broken) and its
 * archive export (JSON lines with the chain fields, re-checkable with `verify --file`).
 */
export function registerAuditCommands(
  program: Command,
  io: { out: (s: string) => void; err: (s: string) => void },
) {
  const audit = program.command('audit').description('审计日志：校验、归档导出');
  audit
    .command('verify')
    .description(
      '校验审计日志：哈希链、检查点签名、被删除的最新记录（截断）；完整时记下新的检查点。不完整时退出码 1',
    )
    .option('--file <path>', '改为校验一份归档导出文件（tuijin audit export 的输出）')
    .action(async (options: { file?: string }) => {
      if (options.file) {
        const text = await readFile(options.file, 'utf8').catch(() => {
          throw new CliError(`--file：无法读取 ${options.file}`, 2);
        });
        const check = checkAuditArchive(readAuditKeyForFile(), text);
        io.out(`归档文件 ${options.file}：${check.rows} 条记录\n`);
        for (const problem of check.problems) io.err(`${problem}\n`);
        if (check.problems.length > 0) throw new CliError('归档文件校验未通过', 1, true);
        io.out('归档文件完整，每条记录的哈希均与内容相符\n');
        return;
      }
      await withDatabase(async (handle, auditKey) => {
        const report = await verifyAuditLog(handle.db, auditKey, systemClock);
        const lines = describeAuditReport(report);
        if (report.intact) {
          for (const line of lines) io.out(`${line}\n`);
          return;
        }
        for (const line of lines) io.err(`${line}\n`);
        throw new CliError('审计日志不完整', 1, true);
      });
    });
  audit
    .command('export')
    .description('导出审计日志归档（JSON Lines，含哈希链字段，可复核）；保留期清除只删除已导出归档的记录')
    .requiredOption('--from <time>', '起始时间（含），如 2026-06-01（北京时间零点）')
    .requiredOption('--to <time>', '截止时间（不含），如 2026-07-01')
    .requiredOption('--out <path>', '输出文件，如 audit-2026-06.jsonl（已存在则拒绝覆盖）')
    .action(async (options: { from: string; to: string; out: string }) => {
      const range = { from: parseAuditTime(options.from, '--from'), to: parseAuditTime(options.to, '--to') };
      await withDatabase(async (handle, auditKey) => {
        const file = await open(options.out, 'wx').catch((error: NodeJS.ErrnoException) => {
          throw new CliError(
            error.code === 'EEXIST'
              ? `--out：${options.out} 已存在，请换一个文件名`
              : `--out：无法写入 ${options.out}`,
            2,
          );
        });
        try {
          let buffered = '';
          const summary = await exportAuditLog(
            { db: handle.db, actor: systemActor, clock: systemClock, ip: null, auditKey },
            range,
            async (line) => {
              buffered += `${line}\n`;
              if (buffered.length > 1 << 20) {
                await file.write(buffered);
                buffered = '';
              }
            },
            'cli',
          );
          await file.write(buffered);
          await file.sync();
          io.out(
            `已导出审计记录 ${summary.rows} 条到 ${options.out}（SHA-256 ${summary.sha256}，归档检查点 #${summary.checkpointId}）\n`,
          );
        } finally {
          await file.close();
        }
      });
    });
}
