import { databaseFindings, migrationsCurrent, openDatabase, readSettings } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';

/**
 * `tuijin doctor`: what an operator (or a 等保 assessor) checks before and after going live — the
 * database reachable and writable, the schema current, the server's role not a superuser, and the
 * durability settings on. Exit 1 when anything needs fixing. It changes nothing (no migration).
 */
export function registerDoctorCommand(program: Command, io: { out: (s: string) => void }) {
  program
    .command('doctor')
    .description('运行检查：数据库可写、迁移是否最新、是否以超级用户连接、fsync 等持久化参数（不做任何修改）')
    .action(async () => {
      const settings = readSettings();
      const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
      const problems: string[] = [];
      try {
        io.out(`数据库：${handle.kind === 'postgresql' ? 'PostgreSQL' : `PGlite ${settings.dataDir}`}\n`);
        try {
          await handle.ping();
          io.out('  ✓ 可连接、可写入\n');
        } catch (error) {
          problems.push(`数据库不可写入：${(error as Error).message}`);
        }
        const current = await migrationsCurrent(handle.db).catch(() => false);
        if (current) io.out('  ✓ 数据库结构为本版本最新\n');
        else problems.push('数据库结构落后于本版本：请以所有者角色执行 tuijin migrate');
        for (const finding of await databaseFindings(handle.db, handle.kind)) problems.push(finding.message);
      } finally {
        await handle.close();
      }
      for (const problem of problems) io.out(`  ✗ ${problem}\n`);
      if (problems.length > 0) throw new CliError(`发现 ${problems.length} 个问题`, 1);
      io.out('检查通过\n');
    });
}
