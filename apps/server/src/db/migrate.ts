import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateWithPg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migrateWithPglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import type { Database } from './database';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** An arbitrary constant: the advisory lock that keeps two instances from migrating at once. */
const migrationLockKey = 7_243_001;

/** Applies the migrations to PGlite (one process holds the directory, so no lock is needed). */
export async function migratePglite(db: Database): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
  await migrateWithPglite(db as any, { migrationsFolder });
}

/**
 * Applies the migrations to PostgreSQL on one dedicated connection holding an advisory lock, so
 * several instances starting together migrate once.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await migrateWithPg(drizzlePg({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}
