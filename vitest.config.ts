import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const serverFiles = ['apps/server/src/**/*.test.ts'];
/** The CLI always runs on a PGlite directory of its own (see cli-test-kit), so once is enough. */
const cliFiles = ['apps/cli/src/**/*.test.ts'];
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * The server's test files that open the test database (through the test app or directly): the only
 * ones the PostgreSQL tier runs again. The rest — file sniffing, Excel, pinyin, rendering, the demo
 * problems' own in-process PGlite — do the same on any engine, so they run once, in the db tier.
 */
function databaseTestFiles(dir = 'apps/server/src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return databaseTestFiles(path);
    if (!entry.name.endsWith('.test.ts')) return [];
    const text = readFileSync(path, 'utf8');
    return /testing\/(test-app|test-database)|createTestApp|openTestDatabase/.test(text) ? [path] : [];
  });
}
/**
 * Vitest runs one file at a time on a two-core machine (it keeps a core for itself); the database
 * tiers' main process is idle while files run, so they use both cores. Each file has its own database
 * and the server's per-process caches are keyed by database (`lib/process-cache.ts`), so a worker reuses its loaded modules from file to file (`isolate: false`): the server's
 * module graph is imported once per worker, not once per file (≈150 s of the PGlite tier).
 */
const databaseWorkers = Math.max(2, availableParallelism() - 1);

/**
 * Browser-test files run two at a time, each worker against a server of its own (e2e/global-setup.ts):
 * much of a browser test is waiting — on the server, on Chromium's paint — so two overlap well even
 * on two cores. TUIJIN_E2E_WORKERS=1 runs them one by one.
 */
const browserWorkers = Math.max(1, Number(process.env.TUIJIN_E2E_WORKERS) || 2);

/**
 * Test tiers: `unit` (pure packages, web logic, the import graph), `db` (server and CLI against
 * PGlite), `db-postgres` (the server files against PostgreSQL when TEST_DATABASE_URL is set) and
 * `browser` (Chromium end to end).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            // The benchmarks' pure generators (no database), e.g. the province data set.
            'apps/server/bench/**/*.test.ts',
          ],
          // Pure code with no mocks or globals: a worker's modules serve every file (37 s → 9 s).
          isolate: false,
        },
      },
      {
        test: {
          name: 'db',
          include: [...serverFiles, ...cliFiles],
          globalSetup: ['apps/server/src/testing/global-setup.ts'],
          env: { TUIJIN_TEST_ENGINE: 'pglite' },
          maxWorkers: databaseWorkers,
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: 'db-postgres',
                include: databaseTestFiles(),
                globalSetup: ['apps/server/src/testing/global-setup.ts'],
                env: { TUIJIN_TEST_ENGINE: 'postgresql' },
                maxWorkers: databaseWorkers,
                isolate: false,
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // A long walk-through takes 20 s alone and three times that beside another file on two
          // loaded cores; the waits inside keep their own 15 s limits.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: browserWorkers,
          // expect.poll's own 1 s is shorter than a page's first paint on a loaded two-core machine.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
