import { sql } from 'drizzle-orm';
import type { Database } from './database';
import { queryRows } from './rows';

/**
 * Least privilege on PostgreSQL (issue 19 item 6, 等保三级 access control): two roles per
 * installation.
 * - The owner role owns the schema and every table: migrations run as it (`tuijin migrate`, or at
 *   start through `TUIJIN_MIGRATION_DATABASE_URL`). Nobody logs in as it day to day.
 * - The application role is what the server connects as (`DATABASE_URL`): it reads and writes rows,
 *   and nothing else — no DDL, no `TRUNCATE`, and since it owns no table it cannot `ALTER TABLE …
 *   DISABLE TRIGGER`, so the audit trail's append-only trigger holds against it.
 */
export interface DatabaseRoles {
  owner: string;
  app: string;
  /** Login passwords; omitted: the role is created without one (peer or certificate login). */
  ownerPassword?: string | undefined;
  appPassword?: string | undefined;
}

const roleName = /^[a-z_][a-z0-9_]{0,62}$/;

/** A role name safe to splice into DDL (identifiers cannot be bound parameters). */
export function checkRoleName(name: string, option: string): string {
  if (!roleName.test(name)) {
    throw new Error(
      `${option} 角色名无效：${name}（小写字母、数字、下划线，字母或下划线开头，至多 63 个字符）`,
    );
  }
  return name;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Creates (or updates) the two roles and hands the current database to the owner, run by a role
 * that may create roles and owns the database's objects today (the installer's superuser). Safe to
 * run again: existing roles get the given passwords, objects already the owner's are left as they
 * are, and grants are idempotent. Answers the statements it ran, for the installer's log.
 */
export async function setUpDatabaseRoles(db: Database, roles: DatabaseRoles): Promise<string[]> {
  const owner = checkRoleName(roles.owner, '--owner-role');
  const app = checkRoleName(roles.app, '--app-role');
  if (owner === app) throw new Error('所有者角色与应用角色不能相同');
  const [database] = await queryRows<{ name: string }>(db, sql`select current_database() as name`);
  const dbName = `"${database!.name.replaceAll('"', '""')}"`;
  const existing = new Set(
    (
      await queryRows<{ rolname: string }>(
        db,
        sql`select rolname from pg_roles where rolname in (${owner}, ${app})`,
      )
    ).map((r) => r.rolname),
  );
  const statements: string[] = [];
  for (const [role, password] of [
    [owner, roles.ownerPassword],
    [app, roles.appPassword],
  ] as const) {
    const login = `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls${password ? ` password ${literal(password)}` : ''}`;
    statements.push(existing.has(role) ? `alter role ${role} ${login}` : `create role ${role} ${login}`);
  }
  statements.push(
    `alter database ${dbName} owner to ${owner}`,
    `revoke create on database ${dbName} from public`,
    `grant connect, temporary on database ${dbName} to ${app}`,
    `create schema if not exists drizzle`,
  );
  // Every table, sequence, view and function of ours (public and the migrator's own schema).
  const objects = await queryRows<{ kind: string; name: string }>(
    db,
    sql`select case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end as kind,
          format('%I.%I', n.nspname, c.relname) as name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'S', 'v', 'm')
          -- a column's own sequence follows its table; an extension's objects stay as they are
          and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
      union all
      select 'function', format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'drizzle')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
  );
  statements.push(`alter schema public owner to ${owner}`, `alter schema drizzle owner to ${owner}`);
  for (const { kind, name } of objects) statements.push(`alter ${kind} ${name} owner to ${owner}`);
  statements.push(
    `revoke all on schema public from public`,
    `grant usage on schema public, drizzle to ${app}`,
    `revoke all on all tables in schema public, drizzle from ${app}`,
    `grant select, insert, update, delete on all tables in schema public to ${app}`,
    `grant select on all tables in schema drizzle to ${app}`,
    `grant usage, select on all sequences in schema public to ${app}`,
    `grant execute on all functions in schema public to ${app}`,
    // Tables the owner creates in later migrations get the same rights.
    `alter default privileges for role ${owner} in schema public grant select, insert, update, delete on tables to ${app}`,
    `alter default privileges for role ${owner} in schema public grant usage, select on sequences to ${app}`,
    `alter default privileges for role ${owner} in schema drizzle grant select on tables to ${app}`,
  );
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
  return statements.map((s) => s.replace(/ password '(?:[^']|'')*'/, " password '…'"));
}

/** One finding of the durability and privilege check the server logs at start and `tuijin doctor` prints. */
export interface DatabaseFinding {
  setting: string;
  value: string;
  message: string;
}

/**
 * What an operator must fix on PostgreSQL: the server connected as a superuser (it could drop the
 * audit trigger), or a setting that trades acknowledged writes for speed (`fsync`,
 * `full_page_writes`, `synchronous_commit` off). PGlite is one process on its own files: not checked.
 */
export async function databaseFindings(
  db: Database,
  kind: 'pglite' | 'postgresql',
): Promise<DatabaseFinding[]> {
  if (kind !== 'postgresql') return [];
  const [row] = await queryRows<{
    role: string;
    superuser: boolean;
    fsync: string;
    full_page_writes: string;
    synchronous_commit: string;
  }>(
    db,
    sql`select current_user as role,
      (select rolsuper from pg_roles where rolname = current_user) as superuser,
      current_setting('fsync') as fsync,
      current_setting('full_page_writes') as full_page_writes,
      current_setting('synchronous_commit') as synchronous_commit`,
  );
  const findings: DatabaseFinding[] = [];
  if (row!.superuser) {
    findings.push({
      setting: 'role',
      value: row!.role,
      message: `服务以超级用户 ${row!.role} 连接数据库：应改用只有读写权限的应用角色（tuijin init --database-roles）`,
    });
  }
  for (const setting of ['fsync', 'full_page_writes', 'synchronous_commit'] as const) {
    if (row![setting] === 'off') {
      findings.push({
        setting,
        value: 'off',
        message: `PostgreSQL 参数 ${setting} = off：崩溃或断电时可能丢失已确认的写入，生产环境须为 on`,
      });
    }
  }
  return findings;
}
