import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { ensureDefaultDictionaries } from '../modules/dictionaries';
import type { Database, DatabaseHandle } from './database';
import { acquireDirectoryLock } from './directory-lock';
import { migratePglite, migratePostgres } from './migrate';
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
}

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
    });
    // An idle client's error would otherwise kill the process; the readiness probe reports it instead.
    pool.on('error', (error) => config.onPoolError?.(error));
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    return {
      db,
      kind: 'postgresql',
      ping: () => pingWritable(db),
      migrate: async () => {
        await migratePostgres(pool);
        await ensureDefaultDictionaries(db);
      },
      close: () => pool.end(),
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

/** The handle over one PGlite instance; `release` runs after it closes (the directory lock). */
function pgliteHandle(client: PGlite, release: () => void): DatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    ping: () => pingWritable(db),
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
