import { type Role, roles } from '@tuijin/domain';
import { addAccount, resetPasswordByUsername, systemCtx } from '@tuijin/server';
import { type Command, Option } from 'commander';
import { CliError } from '../cli-error';
import type { Io } from '../main';
import { withDatabase } from '../open';
import { readInputLines } from '../stdin';

async function passwordFrom(
  io: Pick<Io, 'stdin'>,
  options: { password?: string; passwordStdin?: boolean },
): Promise<string> {
  if (options.password) return options.password;
  if (options.passwordStdin) {
    const [line] = await readInputLines(io, 1);
    if (line === undefined) throw new CliError('标准输入中没有密码', 2);
    return line;
  }
  throw new CliError('请用 --password <密码> 或 --password-stdin 提供密码', 2);
}

export function registerUserCommands(program: Command, io: Pick<Io, 'out' | 'stdin'>) {
  const user = program.command('user').description('账号管理');

  user
    .command('add')
    .description('新增账号（首次登录须修改密码）')
    .argument('<username>', '登录名：小写字母开头，3–32 位')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--org <organisation>', '所属单位名称或编号')
    .addOption(new Option('--role <role...>', '角色，可多个').choices([...roles]).makeOptionMandatory())
    .option('--phone <phone>', '手机号')
    .option('--password <password>', '初始密码（会留在命令历史中，建议用 --password-stdin）')
    .option('--password-stdin', '从标准输入读取初始密码')
    .action(
      async (
        username: string,
        options: {
          name: string;
          org: string;
          role: Role[];
          phone?: string;
          password?: string;
          passwordStdin?: boolean;
        },
      ) => {
        const password = await passwordFrom(io, options);
        await withDatabase(async (handle, auditKey) => {
          const created = await addAccount(systemCtx(handle.db, auditKey), {
            username,
            displayName: options.name,
            organisation: options.org,
            roles: options.role,
            password,
            phone: options.phone ?? null,
          });
          io.out(`已新增账号 ${created.username}（${created.displayName}，${created.organisationName}）\n`);
        });
      },
    );

  user
    .command('reset-password')
    .description('重置账号密码（下次登录须修改），并结束其所有会话')
    .argument('<username>', '登录名')
    .option('--password <password>', '新密码（会留在命令历史中，建议用 --password-stdin）')
    .option('--password-stdin', '从标准输入读取新密码')
    .action(async (username: string, options: { password?: string; passwordStdin?: boolean }) => {
      const password = await passwordFrom(io, options);
      await withDatabase(async (handle, auditKey) => {
        await resetPasswordByUsername(systemCtx(handle.db, auditKey), username, password);
        io.out(`已重置 ${username} 的密码\n`);
      });
    });
}
