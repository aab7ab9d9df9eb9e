import { tmpdir } from 'node:os';
import { endpoints } from '@tuijin/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { queryRows } from '../db/rows';
import { createTestApp, type TestApp } from '../testing/test-app';
import { testAuditKey } from '../testing/test-constants';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const samplePath = (path: string) =>
  path.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':code', '350902');

describe('route table', () => {
  it('declares access on every API route', () => {
    const api = t.app.routeTable.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(20);
    expect(api.filter((r) => r.access === undefined)).toEqual([]);
  });

  it('registers every endpoint of the contracts table', () => {
    for (const e of Object.values(endpoints)) {
      expect(t.app.routeTable.some((r) => r.method === e.method && r.url === e.path)).toBe(true);
    }
  });

  it('answers 401 on every non-public endpoint without a session', async () => {
    const publicRoutes = t.app.routeTable
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`);
    for (const e of Object.values(endpoints)) {
      if (publicRoutes.includes(`${e.method} ${e.path}`)) continue;
      const response = await t.call(null, e.method, samplePath(e.path), e.method === 'GET' ? undefined : {});
      expect(response.status, `${e.method} ${e.path}`).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('health and documents', () => {
  it('reports the database engine', async () => {
    const health = await t.call(null, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('says ready when the database takes writes and holds every migration', async () => {
    const ready = await t.call(null, 'GET', '/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      database: t.database.kind,
      checks: { database: 'ok', migrations: 'current', draining: false },
    });
  });

  it('stays alive but not ready while the database is down or read-only, with Retry-After', async () => {
    for (const [failure, check] of [
      ['connection refused', 'down'],
      ['database is read-only', 'readOnly'],
    ] as const) {
      const down = await buildApp({
        database: { ...t.database, ping: () => Promise.reject(new Error(failure)) },
        auditKey: testAuditKey,
        filesDir: tmpdir(),
      });
      // Liveness does not ask the database: an outage must not get the instance restarted.
      const health = await down.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      const ready = await down.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['retry-after']).toBe('5');
      expect(ready.json()).toMatchObject({ status: 'unavailable', checks: { database: check } });
      await down.close();
    }
  });

  it('is not ready while draining, nor while the database lacks a shipped migration', async () => {
    t.app.lifecycle.draining = true;
    try {
      const draining = await t.call(null, 'GET', '/api/ready');
      expect(draining.status).toBe(503);
      expect(draining.body.checks).toEqual({ database: 'ok', migrations: 'current', draining: true });
    } finally {
      t.app.lifecycle.draining = false;
    }
    // Another instance has not applied the newest migration yet: its bookkeeping row is missing.
    const [newest] = await queryRows<{ id: number; hash: string; created_at: string }>(
      t.db,
      sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${newest!.id}`);
    try {
      const behind = await t.call(null, 'GET', '/api/ready');
      expect(behind.status).toBe(503);
      expect(behind.body.checks.migrations).toBe('behind');
    } finally {
      await t.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest!.id}, ${newest!.hash}, ${newest!.created_at})`,
      );
    }
    expect((await t.call(null, 'GET', '/api/ready')).status).toBe(200);
  });

  it('serves the OpenAPI document built from the contracts', async () => {
    const doc = await t.call(null, 'GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/api/auth/login'].post.summary).toBe('登录');
    expect(
      doc.body.paths['/api/users'].get.parameters.some((p: { name: string }) => p.name === 'pageSize'),
    ).toBe(true);
  });

  it('sends security headers without forcing HTTPS upgrades', async () => {
    const response = await t.call(null, 'GET', '/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });

  it('answers unknown API paths with the error shape', async () => {
    const response = await t.call(null, 'GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('bad input', () => {
  it('names the field holding a NUL byte or a lone surrogate', async () => {
    const office = await t.as('jiaocheng');
    const nul = await office.post('/api/organisations', {
      name: 'a\u0000b',
      kind: 'owner',
      regionCode: '350902',
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error.details[0].path).toBe('name');
    const surrogate = await office.post('/api/organisations', {
      name: 'x\ud800',
      kind: 'owner',
      regionCode: '350902',
    });
    expect(surrogate.status).toBe(400);
  });

  it('refuses unknown fields (an owner cannot smuggle in a status)', async () => {
    const office = await t.as('jiaocheng');
    const response = await office.post('/api/organisations', {
      name: '新公司',
      kind: 'owner',
      regionCode: '350902',
      isActive: false,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('explains a missing required field in Chinese', async () => {
    const office = await t.as('jiaocheng');
    const response = await office.post('/api/organisations', { kind: 'owner', regionCode: '350902' });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe('name');
    expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a body over the size limit and malformed JSON', async () => {
    const office = await t.as('jiaocheng');
    const big = await office.post('/api/organisations', {
      name: 'x'.repeat(2 * 1024 * 1024),
      kind: 'owner',
      regionCode: '350902',
    });
    expect(big.status).toBe(413);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: office.cookie, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers 400, not 500, to JSON nested 10,000 deep, anonymously on the login route too', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"username":"admin","password":${deep}}`,
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.code).toBe('VALIDATION_FAILED');
    const office = await t.as('jiaocheng');
    const objects = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: office.cookie, 'content-type': 'application/json' },
      payload: objects,
    });
    expect(signedIn.statusCode).toBe(400);
    expect(signedIn.json().error.details[0].path).toBe('(body)');
    // Brackets inside strings are text, not nesting.
    const text = await office.post('/api/organisations', {
      name: '['.repeat(100),
      kind: 'owner',
      regionCode: '350902',
    });
    expect(text.status).toBe(200);
  });

  it('answers 400 naming the parameter when a path parameter holds a NUL byte', async () => {
    const office = await t.as('jiaocheng');
    for (const url of [
      '/api/reporting-calendars/3509%0002',
      '/api/projects/%00',
      '/api/organisations/a%00b',
    ]) {
      const response = await office.get(url);
      expect(response.status, url).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    const calendar = await office.get('/api/reporting-calendars/3509%0002');
    expect(calendar.body.error.details[0].path).toBe('regionCode');
    const anonymous = await t.call(null, 'GET', '/api/public/screen/3509%0000');
    expect(anonymous.status).toBe(400);
  });

  it('refuses a state change sent from another origin', async () => {
    const office = await t.as('jiaocheng');
    const response = await office.post(
      '/api/organisations',
      { name: '跨站', kind: 'owner', regionCode: '350902' },
      { origin: 'http://evil.example' },
    );
    expect(response.status).toBe(403);
  });
});

describe('idempotency and versions', () => {
  it('replays the first response for a repeated idempotency key and stores once', async () => {
    const office = await t.as('jiaocheng');
    const body = { name: '蕉城区幂等测试公司', kind: 'owner', regionCode: '350902' };
    const first = await office.post('/api/organisations', body, { 'idempotency-key': 'k-1' });
    const second = await office.post('/api/organisations', body, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const list = await office.get(`/api/organisations?q=${encodeURIComponent('幂等测试')}`);
    expect(list.body.page.total).toBe(1);
  });

  it('answers CONFLICT to an edit made on a stale version', async () => {
    const office = await t.as('jiaocheng');
    const created = (
      await office.post('/api/organisations', { name: '版本测试公司', kind: 'owner', regionCode: '350902' })
    ).body;
    const { id, regionName: _r, ...fields } = created;
    const first = await office.put(`/api/organisations/${id}`, { ...fields, contactPerson: '甲' });
    expect(first.status).toBe(200);
    const stale = await office.put(`/api/organisations/${id}`, { ...fields, contactPerson: '乙' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect((await office.get(`/api/organisations/${id}`)).body.contactPerson).toBe('甲');
  });
});
