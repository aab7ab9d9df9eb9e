import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { migrationsFolder } from '../../db/migrate';
import { queryRows } from '../../db/rows';
import { auditEvents } from '../../db/schema';
import { type ChainedRow, chainVerifier } from '../../modules/audit';
import type { BackupContents } from './backup-manifest';
import { readArchive } from './pg-archive';

/** What was read, plus whether the audit chain held (and whether its HMACs could be checked). */
export interface InspectedContents extends BackupContents {
  chain: { intact: boolean; firstBrokenId: number | null; isKeyChecked: boolean };
}

/** The journal's tag of the migration created at `when` (the migrator stores only the time). */
function migrationLevel(applied: number[]): BackupContents['migration'] {
  if (applied.length === 0) return { applied: 0, newest: null };
  const newest = Math.max(...applied);
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  return {
    applied: applied.length,
    newest: journal.entries.find((e) => e.when === newest)?.tag ?? `未知迁移（${newest}）`,
  };
}

/** The newest migration this build ships, by tag. */
export function shippedMigration(): { count: number; newest: string | null } {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return { count: journal.entries.length, newest: journal.entries.at(-1)?.tag ?? null };
}

/** Feeds rows (in id order) to the chain check, batch by batch, and sums up the heads. */
function chainCheck(key: Buffer | null) {
  const verifier = chainVerifier(key);
  let firstBrokenId: number | null = null;
  return {
    /** False once a link is broken (later rows are not read). */
    feed(rows: Iterable<ChainedRow>): boolean {
      for (const row of rows) {
        if (firstBrokenId !== null) return false;
        if (!verifier.add(row)) firstBrokenId = row.id;
      }
      return firstBrokenId === null;
    },
    result(): Pick<InspectedContents, 'audit' | 'chain'> {
      return {
        audit: {
          events: verifier.checked,
          heads: [...verifier.heads.entries()]
            .sort(([a], [b]) => a - b)
            .map(([chain, head]) => ({ chain, id: head.id, hash: head.hash })),
        },
        chain: { intact: firstBrokenId === null, firstBrokenId, isKeyChecked: key !== null },
      };
    },
  };
}

/**
 * Counts the rows of every table in the `public` schema and the migrator's bookkeeping, reads the
 * migration level and walks the audit chain (HMACs checked when `key` is given), on either engine.
 * Call it inside one repeatable-read transaction for a consistent picture of a live database.
 */
export async function inspectDatabase(db: Database, key: Buffer | null): Promise<InspectedContents> {
  const tables = await queryRows<{ schemaname: string; tablename: string }>(
    db,
    sql`select schemaname, tablename from pg_tables
        where schemaname = 'public' or (schemaname = 'drizzle' and tablename = '__drizzle_migrations')
        order by schemaname, tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { schemaname, tablename } of tables) {
    const [row] = await queryRows<{ n: string | number }>(
      db,
      sql`select count(*) as n from ${sql.identifier(schemaname)}.${sql.identifier(tablename)}`,
    );
    counts[`${schemaname}.${tablename}`] = Number(row?.n ?? 0);
  }
  const applied = counts['drizzle.__drizzle_migrations']
    ? (
        await queryRows<{ created_at: string | number }>(
          db,
          sql`select created_at from drizzle.__drizzle_migrations`,
        )
      ).map((r) => Number(r.created_at))
    : [];
  const chain = chainCheck(key);
  let lastId = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.id} > ${lastId}`)
      .orderBy(asc(auditEvents.id))
      .limit(5000);
    if (batch.length === 0 || !chain.feed(batch)) break;
    lastId = batch.at(-1)!.id;
  }
  return { counts, migration: migrationLevel(applied), ...chain.result() };
}

/** The same reading of a `pg_dump -Fc` archive, without a server. */
export async function inspectArchive(path: string, key: Buffer | null): Promise<InspectedContents> {
  const reading = await readArchive(path);
  const counts = Object.fromEntries(
    Object.entries(reading.counts).filter(
      ([table]) => table.startsWith('public.') || table === 'drizzle.__drizzle_migrations',
    ),
  );
  const chain = chainCheck(key);
  chain.feed(reading.auditRows);
  return { counts, migration: migrationLevel(reading.migrations), ...chain.result() };
}
