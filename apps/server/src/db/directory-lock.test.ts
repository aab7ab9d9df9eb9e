import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDirectoryLock, DirectoryLockedError } from './directory-lock';

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and frees the directory on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuijin-lock-'));
    // A live process other than this one holds the lock (pid 1 always exists).
    writeFileSync(join(dir, 'tuijin.lock'), '1');
    expect(() => acquireDirectoryLock(dir)).toThrow(DirectoryLockedError);
    expect(() => acquireDirectoryLock(dir)).toThrow(/正被进程 1 使用/);
  });

  it('takes over a lock left by a process that has died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuijin-lock-'));
    writeFileSync(join(dir, 'tuijin.lock'), '999999');
    const lock = acquireDirectoryLock(dir);
    lock.release();
    const again = acquireDirectoryLock(dir);
    again.release();
  });
});
