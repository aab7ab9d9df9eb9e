import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;
/** The drizzle handle, the same type over PGlite and node-postgres. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries accept either the database or an open transaction. */
export type Queryable = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgresql';

/** An open database: the drizzle handle plus what the server needs to run and stop it. */
export interface DatabaseHandle {
  db: Database;
  /**
   * Heavy reads (cockpit, map, screen, bulletin snapshots): on PostgreSQL a small pool of its own
   * with a statement timeout, so a slow dashboard cannot take the connections writes need; on
   * PGlite the same handle as `db`.
   */
  analyticsDb: Database;
  kind: DatabaseKind;
  /** Throws when the database cannot serve writes (down, or a read-only standby). */
  ping(): Promise<void>;
  /** Applies the generated migrations (the same SQL files on both engines). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * PGlite only: a consistent copy of the whole data directory (a gzipped tar), taken while the
   * database stays open. PGlite runs one statement at a time, so no write lands half-way through the
   * copy; a checkpoint first keeps the replay on load short.
   */
  snapshot?: () => Promise<Blob>;
}
