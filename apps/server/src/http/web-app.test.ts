import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { immutableCaching, registerWebApp } from './web-app';

const script = join(__dirname, '../../../../scripts/compress-dist.mjs');
const js = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "项目 ${i}" }`).join(', ')}];\n`;
const html = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;
let app: FastifyInstance;
let dist: string;

beforeAll(async () => {
  // A built web app as scripts/build-web.mjs leaves it: hashed assets, index.html, then the twins.
  dist = mkdtempSync(join(tmpdir(), 'tuijin-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets/index-Ab12Cd34.js'), js);
  writeFileSync(join(dist, 'index.html'), html);
  execFileSync(process.execPath, [script, dist]);
  app = Fastify();
  await registerWebApp(app, dist);
  await app.ready();
});
afterAll(async () => app.close());

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the web app served compressed and cached', () => {
  it('writes brotli and gzip twins at build time', () => {
    for (const twin of ['assets/index-Ab12Cd34.js.br', 'assets/index-Ab12Cd34.js.gz', 'index.html.gz'])
      expect(existsSync(join(dist, twin))).toBe(true);
  });

  it('answers a JS asset asked for with gzip compressed, immutable for a year', async () => {
    const response = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toContain('accept-encoding');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe(immutableCaching);
    expect(response.rawPayload.length).toBeLessThan(js.length / 3);
    expect(gunzipSync(response.rawPayload).toString()).toBe(js);
  });

  it('prefers brotli when the browser takes it', async () => {
    const response = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(js);
  });

  it('answers plain bytes to a client that takes no encoding', async () => {
    const response = await get('/assets/index-Ab12Cd34.js');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(js);
  });

  it('serves index.html, and any app route, compressed and revalidated on every load', async () => {
    for (const url of ['/', '/reports/fill?month=2026-11']) {
      const response = await get(url, 'gzip');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(gunzipSync(response.rawPayload).toString()).toBe(html);
    }
  });

  it('keeps unknown API paths a JSON 404', async () => {
    const response = await get('/api/nothing-here', 'gzip');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
