import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { access, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../db/database';
import { storedFileChunks } from '../db/schema';

/**
 * Where uploaded bytes live. Names are generated (`2026/11/<uuid>.<ext>`), so nothing a user typed
 * reaches a path or a key. Embedded (PGlite): a directory next to the database, never inside the web
 * root. PostgreSQL: the database itself (`stored_file_chunks`), so that replication, failover and
 * `pg_dump` carry the files with the rows that name them (issue 19).
 */
export interface FileStore {
  put(bytes: Buffer, extension: string): Promise<string>;
  /** The file's bytes as a stream (read a chunk at a time from the database). */
  open(storedName: string): NodeJS.ReadableStream;
  exists(storedName: string): Promise<boolean>;
  remove(storedName: string): Promise<void>;
}

export const storedNamePattern = /^\d{4}\/\d{2}\/[0-9a-f-]{36}(\.thumb)?\.[a-z0-9]{2,5}$/;

const checked = (storedName: string) => {
  if (!storedNamePattern.test(storedName)) throw new Error(`invalid stored file name: ${storedName}`);
  return storedName;
};

const newName = (at: Date, extension: string) =>
  `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.${extension}`;

export function localFileStore(root: string, now: () => Date = () => new Date()): FileStore {
  const resolve = (storedName: string) => join(root, checked(storedName));
  return {
    async put(bytes, extension) {
      const storedName = newName(now(), extension);
      mkdirSync(join(root, storedName, '..'), { recursive: true });
      await writeFile(resolve(storedName), bytes, { flag: 'wx', mode: 0o600 });
      return storedName;
    },
    open: (storedName) => createReadStream(resolve(storedName)),
    exists: (storedName) =>
      access(resolve(storedName)).then(
        () => true,
        () => false,
      ),
    remove: (storedName) => rm(resolve(storedName), { force: true }),
  };
}

/** Bytes per row of `stored_file_chunks`: a chunk is what one statement moves. */
export const fileChunkBytes = 256 * 1024;

/**
 * The file store in the database: `put` writes the chunks in one transaction (a file is there whole or
 * not at all), `open` streams them one statement per chunk in order, so a 50 MB file never sits whole
 * in memory.
 */
export function databaseFileStore(db: Database, now: () => Date = () => new Date()): FileStore {
  const whereName = (storedName: string) => eq(storedFileChunks.storedName, checked(storedName));
  return {
    async put(bytes, extension) {
      const storedName = newName(now(), extension);
      await writeChunks(db, storedName, bytes);
      return storedName;
    },
    open(storedName) {
      checked(storedName);
      return Readable.from(
        (async function* () {
          let part = -1;
          for (;;) {
            const [chunk] = await db
              .select({ part: storedFileChunks.part, bytes: storedFileChunks.bytes })
              .from(storedFileChunks)
              .where(and(whereName(storedName), gt(storedFileChunks.part, part)))
              .orderBy(asc(storedFileChunks.part))
              .limit(1);
            if (!chunk) return;
            part = chunk.part;
            yield chunk.bytes;
          }
        })(),
        { objectMode: false },
      );
    },
    async exists(storedName) {
      const [row] = await db
        .select({ part: storedFileChunks.part })
        .from(storedFileChunks)
        .where(and(whereName(storedName), eq(storedFileChunks.part, 0)));
      return row !== undefined;
    },
    async remove(storedName) {
      await db.delete(storedFileChunks).where(whereName(storedName));
    },
  };
}

/** Writes `bytes` as the chunks of `storedName` in one transaction (replacing any it had). */
export async function writeChunks(db: Database, storedName: string, bytes: Buffer): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(storedFileChunks).where(eq(storedFileChunks.storedName, checked(storedName)));
    // An empty file still has its part 0, so `exists` finds it.
    for (
      let offset = 0, part = 0;
      offset === 0 || offset < bytes.length;
      offset += fileChunkBytes, part += 1
    ) {
      await tx
        .insert(storedFileChunks)
        .values({ storedName, part, bytes: bytes.subarray(offset, offset + fileChunkBytes) });
      if (bytes.length === 0) break;
    }
  });
}

/** The store a server uses: the database on PostgreSQL, the directory `filesDir` on PGlite. */
export function fileStoreFor(
  database: Pick<DatabaseHandle, 'db' | 'kind'>,
  filesDir: string,
  now: () => Date = () => new Date(),
): FileStore {
  return database.kind === 'postgresql' ? databaseFileStore(database.db, now) : localFileStore(filesDir, now);
}
