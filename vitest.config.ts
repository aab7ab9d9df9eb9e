import { defineConfig } from 'vitest/config';

const dbFiles = ['apps/server/src/**/*.test.ts', 'apps/cli/src/**/*.test.ts'];
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Test tiers: `unit` (pure packages), `db` (server and CLI against PGlite), `db-postgres` (the same
 * files against PostgreSQL when TEST_DATABASE_URL is set) and `browser` (Chromium end to end).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'db',
          include: dbFiles,
          globalSetup: ['apps/server/src/testing/global-setup.ts'],
          env: { TUIJIN_TEST_ENGINE: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: 'db-postgres',
                include: dbFiles,
                globalSetup: ['apps/server/src/testing/global-setup.ts'],
                env: { TUIJIN_TEST_ENGINE: 'postgresql' },
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
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
