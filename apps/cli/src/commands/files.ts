import { moveFilesIntoDatabase, readSettings } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/**
 * `tuijin files to-database [--remove]`: on PostgreSQL, moves the uploaded files of the directory
 * store (`TUIJIN_FILES_DIR`) into the database, where replication, failover and `pg_dump` carry them.
 */
export function registerFilesCommands(program: Command, io: { out: (s: string) => void }) {
  const files = program.command('files').description('上传文件的存放（PostgreSQL 下存入数据库）');
  files
    .command('to-database')
    .description(
      '把文件目录中的上传文件逐个写入数据库并读回核对（可重复执行；--remove 核对后删除目录中的文件）',
    )
    .option('--remove', '写入并核对一致后，删除文件目录中的该文件')
    .action(async (options: { remove?: boolean }) => {
      const settings = readSettings();
      await withDatabase(async (handle, auditKey) => {
        if (handle.kind !== 'postgresql')
          throw new CliError(
            '嵌入式数据库（PGlite）的上传文件保存在数据目录中，无需迁入；请设置 DATABASE_URL 指向 PostgreSQL 后再执行',
            2,
          );
        const outcome = await moveFilesIntoDatabase(
          { db: handle.db, clock: { now: () => new Date() }, auditKey },
          settings.filesDir,
          { remove: Boolean(options.remove) },
        );
        io.out(
          `已迁入 ${outcome.moved} 个文件（逐个读回核对一致），数据库中已有 ${outcome.present} 个` +
            (options.remove ? `，已从目录删除 ${outcome.removed} 个` : '') +
            '\n',
        );
        if (outcome.foreign.length > 0)
          io.out(
            `目录中另有 ${outcome.foreign.length} 个非上传文件未处理：${outcome.foreign.slice(0, 5).join('、')}${outcome.foreign.length > 5 ? '…' : ''}\n`,
          );
      });
    });
}
