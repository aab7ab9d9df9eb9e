import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
const tilesDir = mkdtempSync(join(tmpdir(), 'tuijin-tiles-'));
const fetched: string[] = [];
let tile: Buffer;

beforeAll(async () => {
  tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#a0c8f0' } })
    .png()
    .toBuffer();
  mkdirSync(join(tilesDir, '7', '107'), { recursive: true });
  writeFileSync(join(tilesDir, '7', '107', '53.png'), tile);
  writeFileSync(join(tmpdir(), 'secret.png'), 'not a tile');
  t = await createTestApp({
    tilesDir,
    fetchTile: async (url) => {
      fetched.push(url);
      return { ok: true, contentType: 'image/png', body: tile };
    },
  });
});
afterAll(async () => t.close());

const local = {
  source: 'local',
  urlTemplate: null,
  subdomains: '',
  minZoom: 3,
  maxZoom: 18,
  attribution: '离线底图',
};

describe('map basemap', () => {
  it('is off by default: the map is told there is none and no tile is served or fetched', async () => {
    const owner = await t.as('owner1');
    expect((await owner.get('/api/map/basemap')).body).toEqual({
      isConfigured: false,
      tileUrl: null,
      minZoom: 3,
      maxZoom: 18,
      attribution: '',
    });
    expect((await owner.get('/api/map/tiles/7/107/53')).status).toBe(404);
    expect(fetched).toEqual([]);
  });

  it('is set by the system admin only, audited', async () => {
    expect((await t.call(null, 'GET', '/api/settings/basemap')).status).toBe(401);
    expect(
      (await (await t.as('jiaocheng')).put('/api/settings/basemap', { ...local, version: 0 })).status,
    ).toBe(403);
    expect((await (await t.as('security')).get('/api/settings/basemap')).status).toBe(403);
    const admin = await t.as('admin');
    expect((await admin.get('/api/settings/basemap')).body).toMatchObject({ source: 'none', version: 0 });
    const saved = await admin.put('/api/settings/basemap', { ...local, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ source: 'local', version: 1, hasToken: false });
    expect((await admin.put('/api/settings/basemap', { ...local, version: 0 })).status).toBe(409);
    const [event] = await t.db
      .select({ changes: auditEvents.changes, actorName: auditEvents.actorName })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'settings.basemap.update'));
    expect(event).toMatchObject({
      actorName: 'admin',
      changes: { source: { before: 'none', after: 'local' } },
    });
  });

  it('serves offline tiles from the data directory to signed-in users with project access', async () => {
    const owner = await t.as('owner1');
    expect((await owner.get('/api/map/basemap')).body).toMatchObject({
      isConfigured: true,
      tileUrl: '/api/map/tiles/{z}/{x}/{y}',
      attribution: '离线底图',
    });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/map/tiles/7/107/53',
      headers: { cookie: owner.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.rawPayload.equals(tile)).toBe(true);
    expect((await t.call(null, 'GET', '/api/map/tiles/7/107/53')).status).toBe(401);
    expect((await (await t.as('auditor')).get('/api/map/tiles/7/107/53')).status).toBe(403);
    expect((await owner.get('/api/map/tiles/7/107/54')).status).toBe(404);
    expect((await owner.get('/api/map/tiles/7/999/53')).status).toBe(404);
    expect((await owner.get('/api/map/tiles/2/1/1')).status).toBe(404);
  });

  it('refuses path traversal in a tile address with a 400', async () => {
    const owner = await t.as('owner1');
    for (const url of [
      '/api/map/tiles/7/..%2F..%2F..%2Ftmp/secret',
      '/api/map/tiles/7/107/53.png',
      '/api/map/tiles/7/107/..%2F..%2F..%2Fsecret',
      '/api/map/tiles/7/107/53%00',
      '/api/map/tiles/-1/0/0',
    ]) {
      const response = await owner.get(url);
      expect(response.status, url).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('relays a tile service (天地图) with its key kept on the server', async () => {
    const admin = await t.as('admin');
    const template = 'http://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}';
    const bad = await admin.put('/api/settings/basemap', {
      ...local,
      source: 'xyz',
      urlTemplate: 'http://t{s}.tianditu.gov.cn/{z}/{x}',
      subdomains: '01234567',
      version: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('urlTemplate');
    const saved = await admin.put('/api/settings/basemap', {
      ...local,
      source: 'xyz',
      urlTemplate: template,
      subdomains: '01234567',
      token: 'secret-key',
      attribution: '天地图 GS(2024)0650号',
      version: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ hasToken: true, version: 2 });
    expect(JSON.stringify(saved.body)).not.toContain('secret-key');
    const owner = await t.as('owner1');
    expect(JSON.stringify((await owner.get('/api/map/basemap')).body)).not.toContain('secret-key');
    const relayed = await t.app.inject({
      method: 'GET',
      url: '/api/map/tiles/7/107/53',
      headers: { cookie: owner.cookie },
    });
    expect(relayed.statusCode).toBe(200);
    expect(relayed.headers['content-type']).toBe('image/png');
    expect(fetched).toEqual([
      'http://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX=7&TILEROW=53&TILECOL=107&tk=secret-key',
    ]);
    const events = await t.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'settings.basemap.update')));
    expect(JSON.stringify(events)).not.toContain('secret-key');
    // Saving again without a key keeps the saved one.
    const kept = await admin.put('/api/settings/basemap', {
      ...local,
      source: 'xyz',
      urlTemplate: template,
      subdomains: '01234567',
      maxZoom: 17,
      version: 2,
    });
    expect(kept.body).toMatchObject({ hasToken: true, maxZoom: 17 });
  });
});
