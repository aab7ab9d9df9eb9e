import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { main } from './main';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory `tuijin demo` has loaded (on today's date), for CLI tests to copy. */
    cliDemoDir: string;
  }
}

/**
 * Runs `tuijin demo` once per test run into a data directory of its own, so the CLI test files that
 * need the demo copy it (well under a second) instead of loading it each (≈20 s on two cores).
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'tuijin-cli-demo-'));
  const saved = { ...process.env };
  process.env.TUIJIN_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  let printed = '';
  try {
    const code = await main(['node', 'tuijin', 'demo'], {
      out: (s) => {
        printed += s;
      },
      err: (s) => {
        printed += s;
      },
    });
    if (code !== 0) throw new Error(`tuijin demo failed (exit ${code}):\n${printed}`);
  } finally {
    process.env = saved;
  }
  project.provide('cliDemoDir', dir);
}
