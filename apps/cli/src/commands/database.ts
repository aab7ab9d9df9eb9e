import { fileStoreFor, loadDemo, readSettings } from '@tuijin/server';
import type { Command } from 'commander';
import { withDatabase } from '../open';

export function registerDatabaseCommands(program: Command, io: { out: (s: string) => void }) {
  program
    .command('migrate')
    .description('执行数据库迁移（服务启动时也会自动执行）')
    .action(async () => {
      await withDatabase(async (handle) => io.out(`数据库已迁移到最新版本（${handle.kind}）\n`));
    });

  program
    .command('demo')
    .description('向空数据库载入演示辖区（宁德市）和演示账号，密码 Tuijin#2026')
    .action(async () => {
      await withDatabase(async (handle, auditKey) => {
        const loaded = await loadDemo({
          db: handle.db,
          auditKey,
          files: fileStoreFor(handle, readSettings().filesDir),
        });
        io.out(loaded ? '已载入演示辖区：宁德市\n' : '数据库中已有区划数据，未重复载入演示数据\n');
      });
    });
}
