import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '@tuijin/domain';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../context';
import type { DatabaseHandle } from '../../db/database';
import { openDatabase } from '../../db/open-database';
import { queryRows } from '../../db/rows';
import { recordAudit } from '../../modules/audit';
import { type InspectedContents, inspectArchive, inspectDatabase } from './backup-contents';
import {
  type BackupManifest,
  BackupRefusedError,
  describePart,
  keyFingerprint,
  manifestFile,
} from './backup-manifest';
import { checkClientVersion, dumpDatabase } from './pg-archive';

/** The part names of a backup directory. */
export const backupParts = {
  pgliteSnapshot: 'database.tar.gz',
  postgresArchive: 'database.pgdump',
  filesDir: 'files',
} as const;

/** Where a backup reads from: the open database, and on PGlite the files directory beside it. */
export interface BackupSource {
  database: DatabaseHandle;
  /** PostgreSQL: the URL `pg_dump` connects with (the server's `DATABASE_URL`). */
  databaseUrl?: string | undefined;
  filesDir: string;
  auditKey: Buffer;
  clock: Clock;
}

/** The files of `root`, relative, `/`-separated, sorted (empty when the directory does not exist). */
export function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(root.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** Reads a PGlite snapshot into a private in-memory database to count and check it. */
export async function inspectSnapshot(snapshot: Blob, key: Buffer | null): Promise<InspectedContents> {
  const copy = await openDatabase({ dataDir: tmpdir(), pgliteDump: snapshot });
  try {
    return await inspectDatabase(copy.db, key);
  } finally {
    await copy.close();
  }
}

async function serverVersion(database: DatabaseHandle): Promise<number> {
  const [row] = await queryRows<{ server_version_num: string }>(database.db, sql`show server_version_num`);
  return Number(row?.server_version_num);
}

/**
 * `tuijin backup --out DIR` (issue 19). Embedded: a consistent snapshot of the PGlite data directory
 * taken while it stays open (`snapshot`), then a copy of the files directory — files are written
 * once under new names, so every file the snapshot names is already there. PostgreSQL: `pg_dump -Fc`
 * of the whole database, files included (`stored_file_chunks`). The counts, migration level and audit
 * chain heads in the manifest are read back from the written parts themselves, so they describe the
 * backup exactly even while the server keeps writing; `manifest.json` is written last, its presence
 * marks a finished backup. The run is audited in the source database.
 */
export async function writeBackup(source: BackupSource, outDir: string): Promise<BackupManifest> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0)
    throw new BackupRefusedError(
      `备份目录 ${outDir} 不是空目录：请指定一个新目录（备份从不覆盖已有文件）`,
      true,
    );
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const createdAt = source.clock.now();
  let contents: InspectedContents;
  const partPaths: string[] = [];
  if (source.database.kind === 'pglite') {
    if (!source.database.snapshot) throw new Error('this PGlite handle cannot take a snapshot');
    const snapshot = await source.database.snapshot();
    await writeFile(join(outDir, backupParts.pgliteSnapshot), Buffer.from(await snapshot.arrayBuffer()), {
      mode: 0o600,
    });
    partPaths.push(backupParts.pgliteSnapshot);
    const files = filesUnder(source.filesDir);
    if (files.length > 0) cpSync(source.filesDir, join(outDir, backupParts.filesDir), { recursive: true });
    partPaths.push(...files.map((f) => `${backupParts.filesDir}/${f}`));
    contents = await inspectSnapshot(snapshot, source.auditKey);
  } else {
    if (!source.databaseUrl) throw new Error('a PostgreSQL backup needs the database URL');
    await checkClientVersion('pg_dump', await serverVersion(source.database));
    await dumpDatabase(source.databaseUrl, join(outDir, backupParts.postgresArchive));
    partPaths.push(backupParts.postgresArchive);
    contents = await inspectArchive(join(outDir, backupParts.postgresArchive), source.auditKey);
  }
  const parts = [];
  for (const path of partPaths) parts.push(await describePart(outDir, path));
  const { chain: _chain, ...recorded } = contents;
  const manifest: BackupManifest = {
    format: 'tuijin-backup',
    version: 1,
    engine: source.database.kind,
    createdAt: createdAt.toISOString(),
    auditKeyFingerprint: keyFingerprint(source.auditKey),
    ...recorded,
    parts,
  };
  const temporary = join(outDir, `${manifestFile}.partial`);
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, join(outDir, manifestFile));
  await recordAudit(
    source.database.db,
    { actor: systemActor, clock: source.clock, ip: null, auditKey: source.auditKey },
    {
      action: 'backup.create',
      entityType: 'backup',
      entityId: manifest.createdAt,
      regionPath: null,
      detail: {
        engine: manifest.engine,
        directory: outDir,
        parts: parts.length,
        bytes: parts.reduce((sum, p) => sum + p.bytes, 0),
        auditEvents: manifest.audit.events,
        isChainIntact: contents.chain.intact,
      },
    },
  );
  if (!contents.chain.intact)
    throw new BackupRefusedError(
      `备份已写出，但其中的审计链在第 ${contents.chain.firstBrokenId} 条事件处断开：请用 tuijin 审计核验查明原因，并保留此备份作为证据`,
    );
  return manifest;
}
