import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../app';
import { queryRows } from '../db/rows';
import { demoPassword } from '../demo/load-demo';
import { testAuditKey } from '../testing/test-constants';
import { createTestDatabase } from '../testing/test-database';

let base: Awaited<ReturnType<typeof createTestDatabase>>;
let first: App;
let second: App;
beforeAll(async () => {
  base = await createTestDatabase();
  // Two instances of the server on one database, each with its own files (two machines).
  const instance = () =>
    buildApp({
      database: base,
      auditKey: testAuditKey,
      filesDir: mkdtempSync(join(tmpdir(), 'tuijin-files-')),
      loginRatePerMinute: 4,
    });
  first = await instance();
  second = await instance();
});
afterAll(async () => {
  await first.close();
  await second.close();
  await base.close();
});

const login = (app: App, remoteAddress: string, username = 'ningde') =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: demoPassword },
    remoteAddress,
  });

describe('the login rate limit across instances', () => {
  it('counts an address’s logins in the database, so two instances enforce one limit', async () => {
    const statuses: number[] = [];
    for (const app of [first, second, first, second, first, second])
      statuses.push((await login(app, '10.77.0.1')).statusCode);
    // Four a minute per address and username in all: the fifth, wherever it lands, is refused.
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    const refused = await login(second, '10.77.0.1');
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address has its own count.
    expect((await login(second, '10.77.0.2')).statusCode).toBe(200);
    // So has another person at the same address (a county behind one NAT address).
    expect((await login(first, '10.77.0.1', 'jiaocheng')).statusCode).toBe(200);

    const [row] = await queryRows<{ hits: number }>(
      base.db,
      sql`select hits from rate_limit_hits where bucket = 'POST /api/auth/login 10.77.0.1 ningde'`,
    );
    expect(Number(row?.hits)).toBe(7);
  });
});
