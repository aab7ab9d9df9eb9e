import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type BackupManifest,
  BackupRefusedError,
  DirectoryLockedError,
  loadAuditKey,
  readSettings,
  restoreBackup,
  verifyBackup,
  writeBackup,
} from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/** The audit key at hand without creating one: `TUIJIN_AUDIT_KEY`, else `audit.key` in the data directory. */
function auditKeyAtHand(dataDir: string): Buffer | null {
  if (process.env.TUIJIN_AUDIT_KEY?.trim() || existsSync(join(dataDir, 'audit.key')))
    return loadAuditKey(dataDir);
  return null;
}

/** A refusal or a held data directory as the one-line error the CLI prints. */
async function explained<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupRefusedError) throw new CliError(error.message, error.isUsage ? 2 : 1);
    if (error instanceof DirectoryLockedError)
      throw new CliError(
        `数据目录 ${error.dataDir} 正被运行中的服务（进程 ${error.pid}）占用，命令行不能同时打开嵌入式数据库。` +
          '运行中的服务自己写出备份：为服务设置 TUIJIN_BACKUP_DIR（可选 TUIJIN_BACKUP_HOUR、TUIJIN_BACKUP_KEEP）后重启，' +
          '它每天在该时刻写出并核验一份备份；或先停止服务再执行本命令（见 docs/OPERATIONS.md“备份”一节）',
      );
    throw error;
  }
}

const summary = (manifest: BackupManifest) => {
  const rows = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
  const bytes = manifest.parts.reduce((sum, p) => sum + p.bytes, 0);
  return (
    `引擎 ${manifest.engine}，迁移 ${manifest.migration.newest}，${Object.keys(manifest.counts).length} 张表共 ${rows} 行，` +
    `${manifest.parts.length} 个部件共 ${bytes} 字节，审计事件 ${manifest.audit.events} 条（密钥指纹 ${manifest.auditKeyFingerprint}）`
  );
};

/**
 * `tuijin backup --out DIR`, `tuijin backup verify DIR` and `tuijin restore DIR [--force]` (issue 19):
 * the whole installation — database, uploaded files and the manifest that proves them — on either
 * engine; see docs/OPERATIONS.md for the schedule and the restore drill.
 */
export function registerBackupCommands(program: Command, io: { out: (s: string) => void }) {
  const backup = program
    .command('backup')
    .description('备份数据库与上传文件到一个新目录，写出清单（manifest.json）并立即核验')
    .option('--out <dir>', '备份写入的目录（须不存在或为空）')
    .action(async (options: { out?: string }) => {
      if (!options.out) throw new CliError('缺少 --out <目录>：备份写入的新目录', 2);
      const out = resolve(options.out);
      const settings = readSettings();
      const manifest = await explained(() =>
        withDatabase((handle, auditKey) =>
          writeBackup(
            {
              database: handle,
              databaseUrl: settings.databaseUrl,
              filesDir: settings.filesDir,
              auditKey,
              clock: { now: () => new Date() },
            },
            out,
          ),
        ),
      );
      io.out(`已写出备份 ${out}：${summary(manifest)}\n`);
      const verification = await verifyBackup(out, auditKeyAtHand(settings.dataDir));
      if (verification.problems.length > 0)
        throw new CliError(`备份写出后核验未通过：${verification.problems.join('；')}`);
      io.out('已核验：每个部件的校验和、各表行数与审计链（含 HMAC）均与清单一致\n');
    });

  backup
    .command('verify <dir>')
    .description('核验备份：清单中每个部件的 sha256、各表行数、迁移版本与审计链')
    .action(async (dir: string) => {
      const settings = readSettings();
      const verification = await explained(() =>
        verifyBackup(resolve(dir), auditKeyAtHand(settings.dataDir)),
      );
      io.out(`备份 ${resolve(dir)}：${summary(verification.manifest)}\n`);
      if (verification.problems.length > 0) {
        for (const problem of verification.problems) io.out(`  ✗ ${problem}\n`);
        throw new CliError(`备份核验未通过：${verification.problems.length} 处问题`);
      }
      io.out(
        verification.isKeyChecked
          ? `核验通过：部件校验和、各表行数、迁移版本一致，审计链 ${verification.auditEvents} 条事件的 HMAC 全部复算一致\n`
          : `核验通过：部件校验和、各表行数、迁移版本一致，审计链 ${verification.auditEvents} 条事件前后链接完整；` +
              `手头没有指纹为 ${verification.manifest.auditKeyFingerprint} 的审计密钥，未复算 HMAC\n`,
      );
    });

  program
    .command('restore <dir>')
    .description(
      '从备份恢复到全新位置：嵌入式为空的数据目录（TUIJIN_DATA_DIR），PostgreSQL 为 DATABASE_URL 指定的空数据库',
    )
    .option('--force', '目标已有数据时仍然恢复（先清空目标中的全部数据）')
    .action(async (dir: string, options: { force?: boolean }) => {
      const settings = readSettings();
      const outcome = await explained(() =>
        restoreBackup(
          resolve(dir),
          { databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, filesDir: settings.filesDir },
          {
            force: Boolean(options.force),
            auditKey: auditKeyAtHand(settings.dataDir),
            clock: { now: () => new Date() },
          },
        ),
      );
      io.out(
        `已恢复 ${outcome.manifest.createdAt} 的备份到${settings.databaseUrl ? ' PostgreSQL' : `数据目录 ${settings.dataDir}`}：` +
          `各表行数与清单一致，审计链 ${outcome.auditEvents} 条事件的 HMAC 全部复算一致` +
          `${outcome.migratedForward ? '；已迁移到本版本的最新结构' : ''}\n`,
      );
    });
}
