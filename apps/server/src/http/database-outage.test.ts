import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endpoints } from '@tuijin/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../app';
import type { DatabaseHandle } from '../db/database';
import { openDatabase } from '../db/open-database';
import { demoPassword } from '../demo/load-demo';
import { testAuditKey } from '../testing/test-constants';
import { createTestDatabase } from '../testing/test-database';

/**
 * Issue 19: a database that is gone or read-only (a standby after failover, before the primary is
 * back) is a 503 with `Retry-After` on every API route, never a 500. PostgreSQL only: PGlite lives
 * in the process and cannot drop away from it.
 */
const onPostgres = process.env.TUIJIN_TEST_ENGINE === 'postgresql';

let base: Awaited<ReturnType<typeof createTestDatabase>>;
let cookie = '';
beforeAll(async () => {
  if (!onPostgres) return;
  base = await createTestDatabase();
  const app = await appOver(base);
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ningde', password: demoPassword },
    });
    cookie = `tuijin_session=${login.cookies.find((c) => c.name === 'tuijin_session')!.value}`;
  } finally {
    await app.close();
  }
});
afterAll(async () => {
  if (onPostgres) await base.close();
});

const appOver = (database: DatabaseHandle) =>
  buildApp({
    database,
    auditKey: testAuditKey,
    filesDir: mkdtempSync(join(tmpdir(), 'tuijin-files-')),
    loginRatePerMinute: 100_000,
  });

const samplePath = (path: string) =>
  path
    .replaceAll(/:(id|projectId|reportId|problemId|userId)\b/g, '00000000-0000-4000-8000-000000000000')
    .replaceAll(/:code\b/g, '350902')
    .replaceAll(/:year\b/g, '2026')
    .replaceAll(/:month\b/g, '4')
    .replaceAll(/:[a-zA-Z]+/g, 'x');

/** Every endpoint of the contracts as the city office, with the statuses it answered. */
async function everyEndpoint(app: App) {
  const answers: { route: string; status: number; retryAfter: unknown }[] = [];
  for (const e of Object.values(endpoints)) {
    const response = await app.inject({
      method: e.method,
      url: samplePath(e.path),
      headers: { cookie },
      ...(e.method === 'GET' ? {} : { payload: {} }),
    });
    answers.push({
      route: `${e.method} ${e.path}`,
      status: response.statusCode,
      retryAfter: response.headers['retry-after'],
    });
  }
  return answers;
}

describe.runIf(onPostgres)('the database gone or read-only', () => {
  it('answers 503 with Retry-After on every API route while the database is unreachable', async () => {
    const gone = await openDatabase({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/gone',
      dataDir: tmpdir(),
    });
    const app = await appOver(gone);
    try {
      const answers = await everyEndpoint(app);
      // The login's empty body is refused by validation before any statement; every other route
      // (each needs the session) meets the database and is 503.
      const notUnavailable = answers.filter(
        (a) =>
          !['GET /api/health', 'POST /api/auth/login'].includes(a.route) &&
          (a.status !== 503 || a.retryAfter === undefined),
      );
      expect(notUnavailable).toEqual([]);
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'ningde', password: demoPassword },
      });
      expect(login.statusCode).toBe(503);
      expect(login.json().error.message).toBe('系统维护中，请稍后重试');
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
    } finally {
      await app.close();
      await gone.close();
    }
  }, 120_000);

  it('refuses writes with 503 and never answers 500 while the database is read-only', async () => {
    const name = new URL(base.databaseUrl ?? '').pathname.slice(1);
    const admin = new pg.Client({ connectionString: base.databaseUrl });
    await admin.connect();
    await admin.query(`alter database ${name} set default_transaction_read_only = on`);
    // New connections start read-only, as on a standby.
    const standby = await openDatabase({ databaseUrl: base.databaseUrl, dataDir: tmpdir() });
    const app = await appOver(standby);
    try {
      const answers = await everyEndpoint(app);
      expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
      const write = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'jiaocheng', password: demoPassword },
      });
      expect(write.statusCode).toBe(503);
      expect(write.headers['retry-after']).toBe('5');
      expect(write.json().error).toEqual({ code: 'UNAVAILABLE', message: '系统维护中，请稍后重试' });
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.database).toBe('readOnly');
    } finally {
      await app.close();
      await standby.close();
      await admin.query(`alter database ${name} reset default_transaction_read_only`);
      await admin.end();
    }
  }, 120_000);
});
