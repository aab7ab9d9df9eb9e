import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedDemoDir, keepDemoDir } from './demo-cache';

/**
 * Starts `tuijin demo` in a child process, into a data directory of its own, so the CLI test files
 * that need the demo copy it (well under a second) instead of loading it each (≈20 s on two cores).
 * A child process (the CLI's own binary, not its code: the server does not import the CLI), so it
 * loads while the test run's other set-up (the PGlite template) does; answers the directory once the
 * demo is in. Copied by `demoDataDir` in apps/cli/src/cli-test-kit.ts, and kept (`keepDemoDir`) for
 * the browser tier's server and the next run on the same sources and day.
 */
export async function loadCliDemoDir(): Promise<string> {
  if (!runMayIncludeCliTests(process.argv.slice(2))) return '';
  return keptDemoDir();
}

/** The kept demo directory for today's sources, loading (and keeping) it first if no run has. */
export async function keptDemoDir(): Promise<string> {
  return cachedDemoDir() ?? keepDemoDir(await loadDemoDir());
}

/** Runs `tuijin demo` into a new directory; answers it once the demo is in. */
function loadDemoDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tuijin-cli-demo-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TUIJIN_DATA_DIR: dir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['apps/cli/bin/tuijin.mjs', 'demo'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.on('data', (chunk) => {
    printed += chunk;
  });
  child.stderr.on('data', (chunk) => {
    printed += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 && printed.includes('已载入演示辖区：宁德市')
        ? resolve(dir)
        : reject(new Error(`tuijin demo failed (exit ${code}):\n${printed}`)),
    );
  });
}

/**
 * Whether a vitest command line may run a CLI test file: it names no file filter, or one that could
 * match under `apps/cli`. Running one server test file (`vitest run --project db apps/server/…`)
 * then skips the demo load it would never use — twenty seconds of both cores.
 */
export function runMayIncludeCliTests(args: readonly string[]): boolean {
  const filters = args.filter((a, i) => !a.startsWith('-') && a !== 'run' && !args[i - 1]?.startsWith('--'));
  const pathFilters = filters.filter((f) => f.includes('/') || f.endsWith('.ts'));
  if (pathFilters.length === 0 || pathFilters.length < filters.length) return true;
  return pathFilters.some(
    (f) => f.includes('apps/cli') || (f.startsWith('apps/') === false && f.includes('cli')),
  );
}
