/** What the CLI's tests share: running `tuijin` in-process, and a PGlite data directory of their own. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, inject } from 'vitest';
import { main } from './main';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory `tuijin demo` loaded for the run (apps/server/src/testing/cli-demo-dir.ts). */
    cliDemoDir: string;
  }
}

/** Runs the CLI in-process with `args` and captures its exit code and what it printed. */
export async function runCli(...args: string[]) {
  return runCliWithInput(null, ...args);
}

/** `runCli` with `input` as its standard input (for `--password-stdin` and the like). */
export async function runCliWithInput(input: string | null, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'tuijin', ...args], {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    ...(input === null ? {} : { stdin: Readable.from([input]) }),
  });
  return { code, out, err };
}

/**
 * A fresh data directory the CLI uses (on PGlite, whatever DATABASE_URL says) for the tests of the
 * enclosing file or describe block; the environment is restored after them. Returns the directory.
 */
export function scratchDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.TUIJIN_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
  });
  return dataDir;
}

/**
 * Loads the db tests' dump (`pgliteDumpPath`) into a scratch data directory, with the audit key its
 * log was chained under (the server's `testAuditKey`, 32 bytes of 7): a command refuses a database
 * whose audit log its key cannot continue.
 */
export async function openTestDump(dataDir: string, dump: Blob): Promise<PGlite> {
  writeFileSync(join(dataDir, 'audit.key'), '07'.repeat(32), { mode: 0o600 });
  return PGlite.create({ dataDir: join(dataDir, 'pglite'), loadDataDir: dump });
}

/**
 * Like `scratchDataDir`, but the directory starts as a copy of the one `tuijin demo` loaded once for
 * the run (see apps/server/src/testing/cli-demo-dir.ts): the demo jurisdiction on today's date, ready for the file's tests.
 */
export function demoDataDir(prefix: string): string {
  const dataDir = scratchDataDir(prefix);
  beforeAll(() => {
    const demoDir = inject('cliDemoDir');
    if (!demoDir) throw new Error('no CLI demo directory: this run was filtered to server files only');
    cpSync(demoDir, dataDir, { recursive: true });
  });
  return dataDir;
}
