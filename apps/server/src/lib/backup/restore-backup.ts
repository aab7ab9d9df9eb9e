import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { systemActor } from '@tuijin/domain';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Clock } from '../../context';
import type { DatabaseHandle } from '../../db/database';
import { acquireDirectoryLock } from '../../db/directory-lock';
import { openDatabase } from '../../db/open-database';
import { queryRows } from '../../db/rows';
import { recordAudit } from '../../modules/audit';
import { inspectDatabase, shippedMigration } from './backup-contents';
import { type BackupManifest, BackupRefusedError, keyFingerprint, readManifest } from './backup-manifest';
import { checkClientVersion, restoreDatabase } from './pg-archive';
import { checkParts, contentDifferences } from './verify-backup';
import { backupParts, filesUnder } from './write-backup';

/** Where a restore writes: PostgreSQL at `databaseUrl`, else PGlite in `dataDir` with `filesDir`. */
export interface RestoreTarget {
  databaseUrl?: string | undefined;
  dataDir: string;
  filesDir: string;
}

/** What a restore did. */
export interface RestoreOutcome {
  manifest: BackupManifest;
  /** Audit events the restored chain holds (all HMACs recomputed), before the restore's own event. */
  auditEvents: number;
  /** Migrations applied after loading (a backup from an older build is brought forward). */
  migratedForward: boolean;
}

const engineName = { pglite: '嵌入式数据库（PGlite）', postgresql: 'PostgreSQL' } as const;

/** Files of the PGlite data directory that are not data: the audit key and the process lock. */
const notData = new Set(['audit.key', 'tuijin.lock']);

function refuseNonEmpty(what: string): never {
  throw new BackupRefusedError(
    `${what} 不是空的：恢复只写入全新的位置；确认要覆盖其中的全部数据时，加 --force 重试`,
    true,
  );
}

/** Empties (with `force`) or checks empty the PGlite data directory and the files directory. */
function prepareDirectories(target: RestoreTarget, force: boolean) {
  const filesName = dirname(target.filesDir) === target.dataDir ? basename(target.filesDir) : null;
  const dataEntries = existsSync(target.dataDir)
    ? readdirSync(target.dataDir).filter((name) => !notData.has(name) && name !== filesName)
    : [];
  if (!force) {
    if (dataEntries.length > 0) refuseNonEmpty(`数据目录 ${target.dataDir}`);
    if (filesUnder(target.filesDir).length > 0) refuseNonEmpty(`文件目录 ${target.filesDir}`);
    return;
  }
  for (const name of dataEntries) rmSync(join(target.dataDir, name), { recursive: true, force: true });
  rmSync(target.filesDir, { recursive: true, force: true });
}

/** Checks empty (or with `force` empties) the PostgreSQL database: no table outside the catalogs. */
async function preparePostgres(databaseUrl: string, force: boolean) {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupRefusedError(`无法连接 DATABASE_URL 指定的数据库：${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p', 'v', 'm', 'S') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'`,
    );
    if (Number(rows[0]?.n) === 0) return;
    if (!force) refuseNonEmpty(`数据库 ${new URL(databaseUrl).pathname.slice(1)}`);
    await client.query('drop schema if exists drizzle cascade');
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

async function serverVersionOf(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    return Number(rows[0]?.server_version_num);
  } finally {
    await client.end();
  }
}

/** Loads the backup's database part into the target (files too, on PGlite). */
async function load(dir: string, target: RestoreTarget) {
  if (!target.databaseUrl) {
    mkdirSync(target.dataDir, { recursive: true });
    const lock = acquireDirectoryLock(target.dataDir);
    try {
      const snapshot = new Blob([readFileSync(join(dir, backupParts.pgliteSnapshot))]);
      const client = await PGlite.create({ dataDir: join(target.dataDir, 'pglite'), loadDataDir: snapshot });
      await client.close();
    } finally {
      lock.release();
    }
    if (existsSync(join(dir, backupParts.filesDir)))
      cpSync(join(dir, backupParts.filesDir), target.filesDir, { recursive: true });
    else mkdirSync(target.filesDir, { recursive: true });
    return;
  }
  await checkClientVersion('pg_restore', await serverVersionOf(target.databaseUrl));
  await restoreDatabase(target.databaseUrl, join(dir, backupParts.postgresArchive));
}

/**
 * `tuijin restore DIR` (issue 19): checks the backup's parts against its manifest and refuses a
 * damaged backup, another engine's backup, a backup newer than this build, an audit key that is
 * not the backup's (by fingerprint) and — unless `force` — a target that already holds data. Then
 * loads it, reads the restored database back (rows per table and the whole audit chain with every
 * HMAC must equal the manifest), brings its migrations forward and records the restore in its
 * audit log.
 */
export async function restoreBackup(
  dir: string,
  target: RestoreTarget,
  options: { force?: boolean; auditKey: Buffer | null; clock: Clock },
): Promise<RestoreOutcome> {
  const manifest = readManifest(dir);
  const engine = target.databaseUrl ? 'postgresql' : 'pglite';
  if (manifest.engine !== engine)
    throw new BackupRefusedError(
      `此备份来自${engineName[manifest.engine]}，不能恢复到${engineName[engine]}：${
        manifest.engine === 'postgresql'
          ? '请设置 DATABASE_URL 指向一个空的 PostgreSQL 数据库'
          : '请去掉 DATABASE_URL，用 TUIJIN_DATA_DIR 指定一个空目录'
      }`,
      true,
    );
  if (manifest.migration.applied > shippedMigration().count)
    throw new BackupRefusedError(
      `此备份来自更新的版本（迁移 ${manifest.migration.newest}），本程序只到 ${shippedMigration().newest}：请用不低于备份时的版本恢复`,
    );
  const key = options.auditKey;
  if (key === null || keyFingerprint(key) !== manifest.auditKeyFingerprint)
    throw new BackupRefusedError(
      `恢复需要备份时的审计密钥（指纹 ${manifest.auditKeyFingerprint}）${key === null ? '，当前没有' : `，当前密钥的指纹是 ${keyFingerprint(key)}`}：设置 TUIJIN_AUDIT_KEY，或把原 audit.key 放入数据目录 ${target.dataDir}`,
      true,
    );
  const damaged = await checkParts(dir, manifest);
  if (damaged.length > 0)
    throw new BackupRefusedError(`备份已损坏，未作任何改动：${damaged.slice(0, 5).join('；')}`);

  if (target.databaseUrl) await preparePostgres(target.databaseUrl, Boolean(options.force));
  else prepareDirectories(target, Boolean(options.force));
  await load(dir, target);

  const database: DatabaseHandle = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
  });
  try {
    const contents = await inspectDatabase(database.db, key);
    const problems = contentDifferences(manifest, contents);
    if (problems.length > 0)
      throw new BackupRefusedError(`恢复后的数据库与备份清单不符：${problems.slice(0, 5).join('；')}`);
    const before = await queryRows<{ n: string | number }>(
      database.db,
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    );
    await database.migrate();
    const after = await queryRows<{ n: string | number }>(
      database.db,
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    );
    await recordAudit(
      database.db,
      { actor: systemActor, clock: options.clock, ip: null, auditKey: key },
      {
        action: 'backup.restore',
        entityType: 'backup',
        entityId: manifest.createdAt,
        regionPath: null,
        detail: {
          engine: manifest.engine,
          directory: dir,
          createdAt: manifest.createdAt,
          auditEvents: contents.audit.events,
          migration: manifest.migration.newest,
        },
      },
    );
    return {
      manifest,
      auditEvents: contents.audit.events,
      migratedForward: Number(after[0]?.n) > Number(before[0]?.n),
    };
  } finally {
    await database.close();
  }
}
