import { startServer } from '@tuijin/server';
import type { Command } from 'commander';

export function registerServeCommand(program: Command, io: { out: (s: string) => void }) {
  program
    .command('serve')
    .description(
      '启动服务（API + 网页），默认 http://localhost:3000；环境变量 PORT、DATABASE_URL、TUIJIN_DATA_DIR',
    )
    .option('--demo', '数据库为空时载入演示辖区（宁德市）和演示账号')
    .action(async (options: { demo?: boolean }) => {
      await startServer({ demo: Boolean(options.demo), log: (line) => io.out(`${line}\n`) });
      await new Promise(() => {});
    });
}
