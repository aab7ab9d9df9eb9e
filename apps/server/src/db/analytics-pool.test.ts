import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { demoPassword } from '../demo/load-demo';
import { installErrorHandler } from '../http/error-handler';
import { testAuditKey } from '../testing/test-constants';
import { createTestDatabase } from '../testing/test-database';
import type { DatabaseHandle } from './database';
import { openDatabase } from './open-database';
import { queryRows } from './rows';

let base: Awaited<ReturnType<typeof createTestDatabase>>;
/** On PostgreSQL a second handle on the same database whose analytics statements may run 1 ms. */
let strict: DatabaseHandle | null = null;
beforeAll(async () => {
  base = await createTestDatabase();
  if (base.engine === 'postgresql') {
    strict = await openDatabase({ databaseUrl: base.databaseUrl, dataDir: tmpdir(), analyticsTimeoutMs: 1 });
  }
});
afterAll(async () => {
  await strict?.close();
  await base.close();
});

const setting = async (db: DatabaseHandle['db'], name: 'jit' | 'statement_timeout') =>
  (await queryRows<Record<string, string>>(db, sql.raw(`show ${name}`)))[0]?.[name];

describe('the analytics pool', () => {
  it('is the same handle on PGlite, and cockpit reads answer through it', async () => {
    if (base.engine === 'pglite') expect(base.analyticsDb).toBe(base.db);
    const app = await buildApp({
      database: base,
      auditKey: testAuditKey,
      filesDir: mkdtempSync(join(tmpdir(), 'tuijin-files-')),
      loginRatePerMinute: 100_000,
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'ningde', password: demoPassword },
      });
      const cookie = `tuijin_session=${login.cookies.find((c) => c.name === 'tuijin_session')!.value}`;
      const rollup = await app.inject({
        method: 'GET',
        url: '/api/cockpit/rollup?year=2026&month=5',
        headers: { cookie },
      });
      expect(rollup.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it.runIf(process.env.TUIJIN_TEST_ENGINE === 'postgresql')(
    'runs PostgreSQL connections with jit off, and analytics ones with their statement timeout',
    async () => {
      expect(await setting(base.db, 'jit')).toBe('off');
      expect(await setting(base.analyticsDb, 'jit')).toBe('off');
      expect(await setting(base.db, 'statement_timeout')).toBe('0');
      expect(await setting(base.analyticsDb, 'statement_timeout')).toBe('10s');
    },
  );

  it.runIf(process.env.TUIJIN_TEST_ENGINE === 'postgresql')(
    'answers 503 SERVICE_BUSY, localised, when an analytics statement is cancelled by its timeout',
    async () => {
      const probe = Fastify();
      installErrorHandler(probe);
      probe.get('/slow', async () => strict!.analyticsDb.execute(sql`select pg_sleep(0.2)`));
      const slow = await probe.inject({ method: 'GET', url: '/slow' });
      expect(slow.statusCode).toBe(503);
      expect(slow.json().error).toEqual({
        code: 'SERVICE_BUSY',
        message: '系统繁忙，请稍后重试',
      });
      await probe.close();

      // The whole app: the cockpit's statement on the 1 ms pool is cancelled, a write on the main pool is not.
      const app = await buildApp({
        database: strict!,
        auditKey: testAuditKey,
        filesDir: mkdtempSync(join(tmpdir(), 'tuijin-files-')),
        loginRatePerMinute: 100_000,
      });
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'ningde', password: demoPassword },
        });
        expect(login.statusCode).toBe(200);
        const cookie = `tuijin_session=${login.cookies.find((c) => c.name === 'tuijin_session')!.value}`;
        const rollup = await app.inject({
          method: 'GET',
          url: '/api/cockpit/rollup?year=2026&month=5',
          headers: { cookie },
        });
        expect(rollup.statusCode).toBe(503);
        expect(rollup.json().error.code).toBe('SERVICE_BUSY');
        expect(
          (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
        ).toBe(200);
      } finally {
        await app.close();
      }
    },
  );
});
