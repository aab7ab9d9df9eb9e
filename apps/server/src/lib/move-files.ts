import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { systemActor } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Clock } from '../context';
import type { Database } from '../db/database';
import { storedFileChunks } from '../db/schema';
import { recordAudit } from '../modules/audit';
import { databaseFileStore, fileChunkBytes, storedNamePattern } from './file-store';

/** What `moveFilesIntoDatabase` did. */
export interface FilesMoved {
  /** Files copied into the database and read back equal. */
  moved: number;
  /** Files the database already held (an earlier run): left as they are. */
  present: number;
  /** Files in the directory whose names are not the store's: not touched, listed. */
  foreign: string[];
  /** Moved files deleted from the directory (`remove`). */
  removed: number;
}

/** The names under `root` that look like the store's (`2026/11/<uuid>.pdf`), and the others. */
async function storedNamesUnder(root: string): Promise<{ names: string[]; foreign: string[] }> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  const foreign: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const name = join(entry.parentPath, entry.name)
      .slice(root.length + 1)
      .split('\\')
      .join('/');
    (storedNamePattern.test(name) ? names : foreign).push(name);
  }
  return { names: names.sort(), foreign: foreign.sort() };
}

const sha256Of = async (stream: NodeJS.ReadableStream) => {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

/**
 * `tuijin files to-database` (issue 19): copies every file of the directory store into
 * `stored_file_chunks` under the same stored name — a chunk at a time, one transaction per file,
 * never a whole file in memory — reads each back and compares its SHA-256 with the file's, and with
 * `remove` deletes the file once it is in the database. Files the database already holds are left
 * alone, so the command can run again after an interruption. One audit event for the run.
 */
export async function moveFilesIntoDatabase(
  deps: { db: Database; clock: Clock; auditKey: Buffer },
  root: string,
  options: { remove?: boolean } = {},
): Promise<FilesMoved> {
  const store = databaseFileStore(deps.db);
  const { names, foreign } = await storedNamesUnder(root);
  const outcome: FilesMoved = { moved: 0, present: 0, foreign, removed: 0 };
  for (const name of names) {
    if (await store.exists(name)) {
      outcome.present += 1;
      continue;
    }
    const path = join(root, name);
    const onDisk = createHash('sha256');
    await deps.db.transaction(async (tx) => {
      let part = 0;
      for await (const chunk of createReadStream(path, { highWaterMark: fileChunkBytes })) {
        onDisk.update(chunk as Buffer);
        await tx.insert(storedFileChunks).values({ storedName: name, part, bytes: chunk as Buffer });
        part += 1;
      }
      if (part === 0)
        await tx.insert(storedFileChunks).values({ storedName: name, part, bytes: Buffer.alloc(0) });
    });
    const expected = onDisk.digest('hex');
    if ((await sha256Of(store.open(name))) !== expected) {
      await deps.db.delete(storedFileChunks).where(eq(storedFileChunks.storedName, name));
      throw new Error(`文件 ${name} 写入数据库后读回不一致，已撤回该文件；目录中的文件未改动`);
    }
    outcome.moved += 1;
    if (options.remove) {
      await rm(path);
      outcome.removed += 1;
    }
  }
  await recordAudit(
    deps.db,
    { actor: systemActor, clock: deps.clock, ip: null, auditKey: deps.auditKey },
    {
      action: 'fileStore.moveToDatabase',
      entityType: 'fileStore',
      entityId: 'stored_file_chunks',
      regionPath: null,
      detail: {
        moved: outcome.moved,
        present: outcome.present,
        removed: outcome.removed,
        foreign: foreign.length,
      },
    },
  );
  return outcome;
}
