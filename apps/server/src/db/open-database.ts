import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { ensureDefaultDictionaries } from '../modules/dictionaries';
import { startCacheListener } from './cache-listener';
import type { Database, DatabaseHandle } from './database';
import { acquireDirectoryLock } from './directory-lock';
import { migratePglite, migratePostgres, migrationsCurrent } from './migrate';
import { queryRows } from './rows';
import * as schema from './schema';

export interface DatabaseConfig {
  /** `postgres://…` selects PostgreSQL; absent selects the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files (and the lock file). */
  dataDir: string;
  /** Open an in-memory PGlite from a dumped data directory (tests). */
  pgliteDump?: Blob | File | undefined;
  onPoolError?: (error: Error) => void;
  /**
   * PostgreSQL: the statement timeout of the analytics pool (cockpit, map, screen, bulletin
   * snapshots), default {@link defaultAnalyticsTimeoutMs}; a dashboard past it answers 503 SERVICE_BUSY.
   */
  analyticsTimeoutMs?: number | undefined;
  /**
   * PostgreSQL: the owner role's connection that migrations run over
   * (`TUIJIN_MIGRATION_DATABASE_URL`) when the server itself connects as the application role,
   * which may not change the schema. Absent: migrations run over `databaseUrl`.
   */
  migrationUrl?: string | undefined;
}

/** How long an analytics statement may run on PostgreSQL before it is cancelled. */
export const defaultAnalyticsTimeoutMs = 10_000;
/** Connections of the analytics pool: a few, so slow dashboards queue among themselves, not before writes. */
const analyticsPoolSize = 3;
/**
 * Session settings of every application connection. The JIT compiler spent seconds compiling the
 * cockpit's one-off statements (issue 18) and pays off only on long reporting scans we do not run.
 */
const connectionOptions = '-c jit=off';

async function pingWritable(db: Database): Promise<void> {
  const rows = await queryRows<{ transaction_read_only: string }>(db, sql`show transaction_read_only`);
  if (rows[0]?.transaction_read_only === 'on') throw new Error('database is read-only');
}

/** Opens PostgreSQL (with `databaseUrl`) or the embedded PGlite in `dataDir`, locked against a second process. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      options: connectionOptions,
    });
    const analyticsPool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: analyticsPoolSize,
      connectionTimeoutMillis: 5_000,
      options: connectionOptions,
      statement_timeout: config.analyticsTimeoutMs ?? defaultAnalyticsTimeoutMs,
    });
    // An idle client's error would otherwise kill the process; the readiness probe reports it instead.
    pool.on('error', (error) => config.onPoolError?.(error));
    analyticsPool.on('error', (error) => config.onPoolError?.(error));
    const listener = startCacheListener({ connectionString: config.databaseUrl }, config.onPoolError);
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    return {
      db,
      analyticsDb: drizzlePg({ client: analyticsPool, schema }) as unknown as Database,
      kind: 'postgresql',
      ping: () => pingWritable(db),
      migrate: async () => {
        await migratePostgresAs(db, pool, config.migrationUrl);
        await ensureDefaultDictionaries(db);
      },
      close: async () => {
        await listener.stop();
        await Promise.all([pool.end(), analyticsPool.end()]);
      },
    };
  }
  if (config.pgliteDump) {
    return pgliteHandle(await PGlite.create({ loadDataDir: config.pgliteDump }), () => {});
  }
  mkdirSync(config.dataDir, { recursive: true });
  const lock = acquireDirectoryLock(config.dataDir);
  try {
    return pgliteHandle(await PGlite.create({ dataDir: join(config.dataDir, 'pglite') }), lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Migrates PostgreSQL unless it is current already — so an application role without DDL rights
 * starts on a current schema — over the owner's connection when one is given. A role that may not
 * migrate a database that needs it is stopped with the one line that says what to do.
 */
async function migratePostgresAs(db: Database, pool: pg.Pool, migrationUrl: string | undefined) {
  if (await migrationsCurrent(db).catch(() => false)) return;
  const ownerPool = migrationUrl
    ? new pg.Pool({ connectionString: migrationUrl, max: 1, connectionTimeoutMillis: 5_000 })
    : undefined;
  try {
    await migratePostgres(ownerPool ?? pool);
  } catch (error) {
    if ((error as { code?: string }).code === '42501') {
      throw new Error(
        '数据库结构需要迁移，而当前连接的角色无权修改结构：请设置 TUIJIN_MIGRATION_DATABASE_URL 为所有者角色的连接，或以所有者角色执行 tuijin migrate',
        { cause: error },
      );
    }
    throw error;
  } finally {
    await ownerPool?.end();
  }
}

/** The handle over one PGlite instance; `release` runs after it closes (the directory lock). */
function pgliteHandle(client: PGlite, release: () => void): DatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    analyticsDb: db,
    kind: 'pglite',
    ping: () => pingWritable(db),
    snapshot: async () => {
      await client.exec('checkpoint');
      return client.dumpDataDir('gzip');
    },
    migrate: async () => {
      await migratePglite(db);
      await ensureDefaultDictionaries(db);
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
