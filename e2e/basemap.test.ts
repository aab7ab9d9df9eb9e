import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { e2eServer, freshPagePerTest, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
const { dataDir } = e2eServer();
let page: Page;

freshPagePerTest({ width: 1440, height: 1000 }, (fresh) => {
  ({ page } = fresh);
});

/** The tile column and row holding a longitude/latitude at zoom z (Web Mercator, as Leaflet uses). */
function tileOf(longitude: number, latitude: number, z: number) {
  const n = 2 ** z;
  const radians = (latitude * Math.PI) / 180;
  return {
    x: Math.floor(((longitude + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * n),
  };
}

/** Test tiles only: one light-blue square at every tile over 宁德 from zoom 5 to 11. */
async function writeOfflineTiles() {
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#9fd0ff' } })
    .png()
    .toBuffer();
  for (let z = 5; z <= 11; z++) {
    const from = tileOf(117.5, 28.5, z);
    const to = tileOf(121.5, 25.5, z);
    for (let x = from.x; x <= to.x; x++) {
      mkdirSync(join(dataDir, 'tiles', String(z), String(x)), { recursive: true });
      for (let y = from.y; y <= to.y; y++)
        writeFileSync(join(dataDir, 'tiles', String(z), String(x), `${y}.png`), tile);
    }
  }
}

async function saveBasemap(source: 'none' | 'local') {
  const request = page.context().request;
  const current = await (await request.get(`${baseUrl}/api/settings/basemap`)).json();
  const saved = await request.put(`${baseUrl}/api/settings/basemap`, {
    data: {
      source,
      urlTemplate: null,
      subdomains: '',
      minZoom: 3,
      maxZoom: 18,
      attribution: '测试离线底图',
      version: current.version,
    },
    headers: { origin: baseUrl },
  });
  expect(saved.status()).toBe(200);
}

const tileRequests = (seen: string[]) =>
  seen.filter((url) => new URL(url).pathname.startsWith('/api/map/tiles/'));

describe('map basemap (地图底图)', () => {
  it('requests no tile while no basemap is configured', async () => {
    const seen: string[] = [];
    page.on('request', (request) => seen.push(request.url()));
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.getByRole('menuitem', { name: /挂图作战/ }).click();
    await page.getByTestId('map-tiles').locator('canvas').first().waitFor();
    await page.waitForTimeout(1500);
    expect(page.getByTestId('map-view')).toBeDefined();
    expect(await page.getByTestId('map-view').count()).toBe(0);
    expect(tileRequests(seen)).toEqual([]);
  });

  it('shows offline tiles from the server once the system admin sets the basemap, and the grid on request', async () => {
    await writeOfflineTiles();
    await loginThroughPage(page, baseUrl, 'admin');
    await page.getByRole('menuitem', { name: /地图底图/ }).click();
    await page.getByText('本地离线瓦片').click();
    await page.getByLabel('版权及审图号').fill('测试离线底图');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('底图设置已保存').waitFor();
    await screenshot(page, 'basemap-settings');

    await page.context().clearCookies();
    const seen: string[] = [];
    page.on('request', (request) => seen.push(request.url()));
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.getByRole('menuitem', { name: /挂图作战/ }).click();
    const basemap = page.getByTestId('map-basemap');
    await basemap.waitFor();
    await expect
      .poll(
        () =>
          basemap
            .locator('img.leaflet-tile')
            .evaluateAll(
              (images) =>
                (images as HTMLImageElement[]).filter((img) => img.complete && img.naturalWidth === 256)
                  .length,
            ),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(3);
    expect(tileRequests(seen).every((url) => new URL(url).origin === baseUrl)).toBe(true);
    expect(await basemap.locator('.leaflet-interactive').count()).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('map-mode').textContent()).toBe('测试离线底图');
    await expect
      .poll(() => basemap.locator('.leaflet-control-attribution').textContent())
      .toContain('测试离线底图');
    await screenshot(page, 'map-basemap');

    await page.getByTestId('map-view').getByText('区划着色').click();
    await page.getByTestId('map-tiles').locator('canvas').first().waitFor();

    // Back to no basemap for the other map tests.
    await page.context().clearCookies();
    await loginThroughPage(page, baseUrl, 'admin');
    await page.waitForURL(`${baseUrl}/`);
    await saveBasemap('none');
  });
});
