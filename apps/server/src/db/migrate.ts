import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateWithPg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migrateWithPglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import type { Database } from './database';
import { queryRows } from './rows';

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

/** The `when` of the newest migration this build ships (its journal), or null without one. */
function newestShippedMigration(): number | null {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return journal.entries.reduce<number | null>(
    (max, e) => (max === null || e.when > max ? e.when : max),
    null,
  );
}

/**
 * Whether the database holds every migration this build ships: the migrator's bookkeeping
 * (`drizzle.__drizzle_migrations`, the same on both engines) reaches the journal's newest entry.
 * A database ahead of the build (a newer instance migrated it) counts as current: its schema only
 * adds to ours.
 */
export async function migrationsCurrent(db: Database): Promise<boolean> {
  const newest = newestShippedMigration();
  if (newest === null) return true;
  const rows = await queryRows<{ newest: string | number | null }>(
    db,
    sql`select max(created_at) as newest from drizzle.__drizzle_migrations`,
  );
  const applied = rows[0]?.newest;
  return applied !== null && applied !== undefined && Number(applied) >= newest;
}
