import { initialiseInstallation, readSettings, setUpDatabaseRoles, systemCtx } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import type { Io } from '../main';
import { withDatabase } from '../open';
import { readInputLines } from '../stdin';

export function registerInitCommand(program: Command, io: Pick<Io, 'out' | 'stdin'>) {
  program
    .command('init')
    .description(
      '生产环境初始化：建立辖区（省、省→市或省→市→县）和三员账号 admin、security、auditor（无默认密码）',
    )
    .option('--region-code <code>', '本系统辖区的区划代码（省级、市级或县级），如 350000、350900')
    .option('--region-name <name>', '辖区名称，如 福建省、宁德市')
    .option('--province-code <code>', '所属省份代码（市、县级辖区必填；省级辖区不填），如 350000')
    .option('--province-name <name>', '所属省份名称，如 福建省')
    .option('--city-code <code>', '所属城市代码（仅县级辖区必填），如 350900')
    .option('--city-name <name>', '所属城市名称，如 宁德市')
    .option('--org <name>', '三员所属单位名称，如 宁德市大数据服务中心')
    .option('--passwords-stdin', '从标准输入依次读取三行：系统管理员、安全管理员、审计管理员的初始密码')
    .option(
      '--database-roles',
      'PostgreSQL 最小权限：以超级用户的 DATABASE_URL 建立所有者角色（迁移用）和应用角色（服务用，无 DDL、无 TRUNCATE），并移交本库对象；与 --passwords-stdin 同用时依次读两行密码（所有者、应用）',
    )
    .option('--owner-role <name>', '所有者角色名（--database-roles）', 'tuijin_owner')
    .option('--app-role <name>', '应用角色名（--database-roles）', 'tuijin_app')
    .action(
      async (options: {
        databaseRoles?: boolean;
        ownerRole: string;
        appRole: string;
        regionCode?: string;
        regionName?: string;
        provinceCode?: string;
        provinceName?: string;
        cityCode?: string;
        cityName?: string;
        org?: string;
        passwordsStdin?: boolean;
      }) => {
        if (options.databaseRoles) {
          await initDatabaseRoles(io, options);
          return;
        }
        if (!options.regionCode || !options.regionName || !options.org) {
          throw new CliError(
            '请给出 --region-code、--region-name 和 --org（或用 --database-roles 只建立数据库角色）',
            2,
          );
        }
        const { regionCode, regionName, org } = options;
        if (!options.passwordsStdin)
          throw new CliError('请用 --passwords-stdin 从标准输入提供三个初始密码（每行一个）', 2);
        if (Boolean(options.provinceCode) !== Boolean(options.provinceName)) {
          throw new CliError('--province-code 与 --province-name 须同时给出', 2);
        }
        if (Boolean(options.cityCode) !== Boolean(options.cityName)) {
          throw new CliError('--city-code 与 --city-name 须同时给出', 2);
        }
        const [admin, security, auditor] = await readInputLines(io, 3);
        if (!admin || !security || !auditor)
          throw new CliError('标准输入须有三行密码：系统管理员、安全管理员、审计管理员', 2);
        await withDatabase(async (handle, auditKey) => {
          const created = await initialiseInstallation(systemCtx(handle.db, auditKey), {
            region: { code: regionCode, name: regionName },
            province: options.provinceCode
              ? { code: options.provinceCode, name: options.provinceName! }
              : undefined,
            city: options.cityCode ? { code: options.cityCode, name: options.cityName! } : undefined,
            organisationName: org,
            passwords: { admin, security, auditor },
          });
          io.out(`已初始化：账号 ${created.join('、')} 已建立，首次登录须修改密码\n`);
        });
      },
    );
}

/** `init --database-roles`: the two PostgreSQL roles of least privilege, over the installer's connection. */
async function initDatabaseRoles(
  io: Pick<Io, 'out' | 'stdin'>,
  options: { ownerRole: string; appRole: string; passwordsStdin?: boolean },
) {
  if (!readSettings().databaseUrl) {
    throw new CliError('--database-roles 只用于 PostgreSQL：请以超级用户连接设置 DATABASE_URL', 2);
  }
  const [ownerPassword, appPassword] = options.passwordsStdin ? await readInputLines(io, 2) : [];
  if (options.passwordsStdin && (!ownerPassword || !appPassword)) {
    throw new CliError('标准输入须有两行密码：所有者角色、应用角色', 2);
  }
  await withDatabase(async (handle) => {
    const statements = await setUpDatabaseRoles(handle.db, {
      owner: options.ownerRole,
      app: options.appRole,
      ownerPassword,
      appPassword,
    }).catch((error: Error) => {
      throw new CliError(error.message, 2);
    });
    for (const statement of statements) io.out(`  ${statement}\n`);
    io.out(
      `已建立数据库角色：${options.ownerRole}（所有者，执行迁移：TUIJIN_MIGRATION_DATABASE_URL 或 tuijin migrate）与 ${options.appRole}（应用，服务的 DATABASE_URL）\n`,
    );
  });
}
