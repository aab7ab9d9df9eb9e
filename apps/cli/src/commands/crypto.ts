import { reencryptIdNumbers } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/** What `--to` accepts: the short name an operator types, and the algorithm it stands for. */
const targets = { sm4: 'sm4-cbc-hmac-sm3', aes: 'aes-256-gcm' } as const;
const names = { 'sm4-cbc-hmac-sm3': 'SM4-CBC + HMAC-SM3', 'aes-256-gcm': 'AES-256-GCM' } as const;

/**
 * `tuijin crypto reencrypt --to sm4|aes`: re-encrypts the stored ID numbers of site workers under
 * the chosen algorithm (for a 密评, SM4-CBC + HMAC-SM3), in audited batches; safe to run again. New
 * values follow the security policy's 敏感字段加密算法, which the security admin sets.
 */
export function registerCryptoCommands(program: Command, io: { out: (s: string) => void }) {
  const crypto = program.command('crypto').description('商用密码：敏感字段加密算法');
  crypto
    .command('reencrypt')
    .description('把已存储的工人身份证号码改用指定算法重新加密（分批进行并记入审计日志，可重复执行）')
    .requiredOption('--to <algorithm>', '目标算法：sm4（SM4-CBC + HMAC-SM3）或 aes（AES-256-GCM）')
    .action(async (options: { to: string }) => {
      const to = targets[options.to.toLowerCase() as keyof typeof targets];
      if (!to) throw new CliError(`参数 --to 无效：${options.to}（应为 sm4 或 aes）`, 2);
      await withDatabase(async (handle, auditKey) => {
        const outcome = await reencryptIdNumbers(
          { db: handle.db, clock: { now: () => new Date() }, auditKey },
          to,
        );
        io.out(
          `已用 ${names[to]} 重新加密 ${outcome.reencrypted} 条工人身份证号码（共 ${outcome.examined} 条，` +
            `${outcome.already} 条原已是该算法）\n`,
        );
      });
    });
}
