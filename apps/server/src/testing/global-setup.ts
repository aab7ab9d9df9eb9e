import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type { Database } from '../db/database';
import { migratePglite } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import * as schema from '../db/schema';
import { loadDemo } from '../demo/load-demo';
import { ensureDefaultDictionaries } from '../modules/dictionaries';
import { loadCliDemoDir } from './cli-demo-dir';
import { testAuditKey, testEpoch } from './test-constants';
import { cheapenDemoPasswords } from './test-passwords';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    postgresTemplate: string;
    /** A data directory `tuijin demo` loaded (on today's date) for the CLI tests to copy; db tier only. */
    cliDemoDir: string;
  }
}

/**
 * Builds one migrated database holding the demo jurisdiction, once per run: a PGlite data-directory
 * dump that each test file loads (≈0.4 s), or a PostgreSQL template database each file clones.
 */
export default async function setup(project: TestProject) {
  const engine = project.config.env?.TUIJIN_TEST_ENGINE ?? 'pglite';
  const clock = { now: () => testEpoch };
  if (engine === 'pglite') {
    // The CLI tests' demo directory loads in a child process meanwhile (see cli-demo-dir).
    const cliDemo = loadCliDemoDir();
    cliDemo.catch(() => {});
    const client = await PGlite.create();
    const db = drizzle({ client, schema }) as unknown as Database;
    await migratePglite(db);
    await ensureDefaultDictionaries(db);
    await loadDemo({ db, auditKey: testAuditKey, clock });
    await cheapenDemoPasswords(db);
    const dump = await client.dumpDataDir('gzip');
    await client.close();
    const path = join(mkdtempSync(join(tmpdir(), 'tuijin-test-')), 'template.tar.gz');
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteDumpPath', path);
    project.provide('postgresTemplate', '');
    project.provide('cliDemoDir', await cliDemo);
    return;
  }
  const url = process.env.TEST_DATABASE_URL!;
  const template = `tuijin_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const handle = await openDatabase({ databaseUrl: withDatabase(url, template), dataDir: tmpdir() });
  await handle.migrate();
  await loadDemo({ db: handle.db, auditKey: testAuditKey, clock });
  await cheapenDemoPasswords(handle.db);
  await handle.close();
  project.provide('pgliteDumpPath', '');
  project.provide('postgresTemplate', template);
  project.provide('cliDemoDir', '');
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`).catch(() => {});
    await admin.end();
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
