import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database';
import type { DatabaseHandle } from './database';
import { databaseFindings, setUpDatabaseRoles } from './database-roles';
import { migratePostgres } from './migrate';
import { openDatabase } from './open-database';

const onPostgres = Boolean(inject('postgresTemplate'));

/** The same connection string as another role (trust authentication on the test server). */
function asRole(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = '';
  return parsed.toString();
}

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(client: pg.Client, statement: string): Promise<string> {
  try {
    await client.query(statement);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.runIf(onPostgres)('database roles (PostgreSQL)', () => {
  const suffix = randomBytes(4).toString('hex');
  const owner = `tuijin_owner_${suffix}`;
  const app = `tuijin_app_${suffix}`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let statements: string[];
  const clients: pg.Client[] = [];
  const handles: DatabaseHandle[] = [];
  const connect = async (role: string) => {
    const client = new pg.Client({ connectionString: asRole(database.databaseUrl!, role) });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    statements = await setUpDatabaseRoles(database.db, { owner, app, appPassword: "s3cret'pass" });
  });
  afterAll(async () => {
    for (const client of clients) await client.end().catch(() => {});
    for (const handle of handles) await handle.close().catch(() => {});
    await database?.close();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop role if exists ${app}`).catch(() => {});
    await admin.query(`drop role if exists ${owner}`).catch(() => {});
    await admin.end();
  });

  it('lets the application role read and write rows, and nothing more', async () => {
    const client = await connect(app);
    expect(await outcome(client, 'select count(*) from projects')).toBe('ok');
    expect(await outcome(client, 'update organisations set name = name where false')).toBe('ok');
    // No DDL, no TRUNCATE, and no way around the audit trail's append-only trigger.
    expect(await outcome(client, 'create table intruder (x int)')).toBe('42501');
    expect(await outcome(client, 'truncate audit_events')).toBe('42501');
    expect(await outcome(client, 'alter table audit_events disable trigger all')).toBe('42501');
    expect(await outcome(client, 'drop trigger audit_events_no_update_delete on audit_events')).toBe('42501');
    expect(await outcome(client, 'delete from audit_events')).toBe('P0001');
    // The password it was given is kept (quoted safely) and never echoed back.
    expect(statements.join('\n')).not.toContain('s3cret');
  });

  it('runs migrations as the owner, and the owner’s new tables are the application’s to use', async () => {
    const pool = new pg.Pool({ connectionString: asRole(database.databaseUrl!, owner), max: 1 });
    try {
      await migratePostgres(pool);
      await pool.query('create table later_table (x int)');
    } finally {
      await pool.end();
    }
    const client = await connect(app);
    expect(await outcome(client, 'insert into later_table values (1)')).toBe('ok');
  });

  it('starts the server’s database handle as the application role: migrations current, nothing to warn of', async () => {
    const handle = await openDatabase({ databaseUrl: asRole(database.databaseUrl!, app), dataDir: tmpdir() });
    handles.push(handle);
    await handle.migrate();
    await handle.ping();
    expect(await databaseFindings(handle.db, 'postgresql')).toEqual([]);
    // Connected as the installer's superuser, the server is told to change.
    const findings = await databaseFindings(database.db, 'postgresql');
    expect(findings.map((f) => f.setting)).toContain('role');
    expect(findings.find((f) => f.setting === 'role')?.message).toContain('超级用户');
  });

  it('refuses a role name that is not a plain identifier, and one role for both', async () => {
    await expect(setUpDatabaseRoles(database.db, { owner: 'x; drop table projects', app })).rejects.toThrow(
      '--owner-role 角色名无效',
    );
    await expect(setUpDatabaseRoles(database.db, { owner: app, app })).rejects.toThrow('不能相同');
  });
});
