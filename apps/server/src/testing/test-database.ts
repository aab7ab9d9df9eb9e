import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { openDatabase } from '../db/open-database';
import { withDatabase } from './global-setup';

/**
 * A fresh database holding the migrated demo jurisdiction, private to the caller: PGlite loaded
 * from the run's dump, or a PostgreSQL clone of the run's template (dropped on close).
 */
export async function createTestDatabase(): Promise<
  DatabaseHandle & {
    engine: 'pglite' | 'postgresql' /** PostgreSQL only: to open a second handle. */;
    databaseUrl?: string;
  }
> {
  const template = inject('postgresTemplate');
  if (!template) {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const handle = await openDatabase({ dataDir: tmpdir(), pgliteDump: dump });
    return { ...handle, engine: 'pglite' };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `tuijin_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        // Two clones of one template at the same instant can collide; wait and retry.
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ databaseUrl: withDatabase(url, name), dataDir: tmpdir() });
  return {
    ...handle,
    engine: 'postgresql',
    databaseUrl: withDatabase(url, name),
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await dropper.end();
    },
  };
}
