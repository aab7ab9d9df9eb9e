import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where uploaded bytes live: a directory next to the database, never inside the web root. Names
 * are generated (`2026/11/<uuid>.<ext>`), so nothing a user typed reaches the file system.
 */
export interface FileStore {
  put(bytes: Buffer, extension: string): Promise<string>;
  open(storedName: string): NodeJS.ReadableStream;
  exists(storedName: string): boolean;
  remove(storedName: string): Promise<void>;
}

const safeName = /^\d{4}\/\d{2}\/[0-9a-f-]{36}(\.thumb)?\.[a-z0-9]{2,5}$/;

export function localFileStore(root: string, now: () => Date = () => new Date()): FileStore {
  const resolve = (storedName: string) => {
    if (!safeName.test(storedName)) throw new Error(`invalid stored file name: ${storedName}`);
    return join(root, storedName);
  };
  return {
    async put(bytes, extension) {
      const at = now();
      const folder = `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
      mkdirSync(join(root, folder), { recursive: true });
      const storedName = `${folder}/${randomUUID()}.${extension}`;
      await writeFile(resolve(storedName), bytes, { flag: 'wx', mode: 0o600 });
      return storedName;
    },
    open: (storedName) => createReadStream(resolve(storedName)),
    exists: (storedName) => existsSync(resolve(storedName)),
    remove: (storedName) => rm(resolve(storedName), { force: true }),
  };
}
