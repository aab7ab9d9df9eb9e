/**
 * The province benchmark's own PostgreSQL database, `tuijin_scale_s<N>`: created, migrated and
 * loaded on first use, reused while its marker (a comment on the database naming the scale, the
 * generator's seed and version, the year and the last migration) still matches, loaded again when
 * it does not (a new migration, another year, an interrupted load).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseHandle } from '../../src/db/database';
import { openDatabase } from '../../src/db/open-database';
import { scratchDir, step } from '../bench-kit';
import { loadProvince } from './load-province';
import type { ProvinceShape } from './province-data';

/** Bumped whenever the generator or the loader writes something different. */
const generatorVersion = 1;

/** The last migration's tag: the schema version a loaded database was made with. */
export function schemaVersion(): string {
  const journal = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'drizzle', 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  return journal.entries.at(-1)?.tag ?? 'none';
}

export interface ProvinceDatabase {
  handle: DatabaseHandle;
  url: string;
  /** Seconds the load took, by part; null when an already loaded database was reused. */
  loadSeconds: Record<string, number> | null;
}

export async function openProvinceDatabase(
  serverUrl: string,
  shape: ProvinceShape,
  auditKey: Buffer,
  reload = false,
): Promise<ProvinceDatabase> {
  const name = `tuijin_scale_s${String(shape.scale).replace(/\W/g, '_')}`;
  const marker = JSON.stringify({
    scale: shape.scale,
    seed: shape.seed,
    year: shape.year,
    generator: generatorVersion,
    schema: schemaVersion(),
  });
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  const found = await admin.query<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [name],
  );
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  let loadSeconds: Record<string, number> | null = null;
  if (found.rows[0]?.comment === marker && !reload) {
    step(`reusing ${name} (${marker})`);
  } else {
    step(found.rows.length > 0 ? `${name} is stale or incomplete: loading it again` : `creating ${name}`);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const handle = await openDatabase({ databaseUrl: url, dataDir: scratchDir('scale') });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const start = performance.now();
      await handle.migrate();
      loadSeconds = { migrate: Number(((performance.now() - start) / 1000).toFixed(1)) };
      Object.assign(loadSeconds, await loadProvince(handle, client, shape, auditKey));
      loadSeconds.total = Number(((performance.now() - start) / 1000).toFixed(1));
    } finally {
      await client.end();
      await handle.close();
    }
    // Written last: a load that stopped half-way has no marker and is loaded again next time.
    await admin.query(`comment on database ${name} is ${admin.escapeLiteral(marker)}`);
  }
  await admin.end();
  const handle = await openDatabase({ databaseUrl: url, dataDir: scratchDir('scale') });
  return { handle, url, loadSeconds };
}
