import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when another live process holds the data directory. */
export class DirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${pid} 使用（内嵌数据库不能被两个进程同时打开）。` +
        `请先停止该进程，或用 TUIJIN_DATA_DIR 指定另一个目录。` +
        ` / The data directory ${dataDir} is in use by process ${pid}.`,
    );
    this.name = 'DirectoryLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `tuijin.lock` in the directory, holding this process's pid. PGlite does not lock its files,
 * and two processes on one directory corrupt it, so a second opener is refused while the holder
 * lives; a lock left by a dead process is taken over.
 */
export function acquireDirectoryLock(dataDir: string): { release(): void } {
  const path = join(dataDir, 'tuijin.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isFinite(holder) && holder !== process.pid && processAlive(holder)) {
        throw new DirectoryLockedError(dataDir, holder);
      }
      rmSync(path, { force: true });
    }
  }
  throw new DirectoryLockedError(dataDir, -1);
}
