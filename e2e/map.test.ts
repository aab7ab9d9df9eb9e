import type { MapPoints, MapRegions, MapTile } from '@tuijin/contracts';
import { extentOf, layoutTileGrid, placeInTile } from '@tuijin/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, freshPagePerTest, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let page: Page;

freshPagePerTest({ width: 1440, height: 1000 }, (fresh) => {
  ({ page } = fresh);
});

const nextAnswer = <T>(path: string, method = 'GET') =>
  page
    .waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === method, {
      timeout: 60_000,
    })
    .then(async (r) => ({ status: r.status(), body: (await r.json()) as T }));

/** Test data only (never shipped): hand-made squares keyed by demo county codes. */
const square = (adcode: string, x: number, y: number) => ({
  type: 'Feature',
  properties: { adcode, name: 'test' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.45, y],
        [x + 0.45, y + 0.45],
        [x, y + 0.45],
        [x, y],
      ],
    ],
  },
});
const testBoundaries = JSON.stringify({
  type: 'FeatureCollection',
  features: [square('350902', 119.2, 26.5), square('350981', 119.7, 26.95), square('350982', 120.15, 27.0)],
});
const outsideBoundaries = JSON.stringify({
  type: 'FeatureCollection',
  features: [square('350102', 119.2, 26.5)],
});

/** Pixels of the canvas in the shading's blue range (the visual map runs from #e6f4ff to #003eb3). */
async function shadedPixels(testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((box) => {
    const canvas = box.querySelector('canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (b > 150 && b - r > 40 && b - g > 10) count++;
    }
    return count;
  });
}

/** Where a point sits on the schematic grid, in page pixels (the page's own layout rule). */
function pointPixel(
  box: { x: number; y: number; width: number },
  tiles: MapTile[],
  inTile: MapPoint[],
  tile: MapTile,
  point: MapPoint,
) {
  const keyOf = (t: MapTile) => `${t.kind}:${t.code}`;
  const grid = layoutTileGrid(
    tiles.map((t) => ({ code: keyOf(t), sortOrder: t.sortOrder, centre: t.centre })),
  );
  const size = grid.columns <= 4 ? 150 : Math.max(56, Math.floor(720 / grid.columns));
  const place = grid.tiles.find((p) => p.code === keyOf(tile))!;
  const extent = extentOf(inTile.map((p) => [p.longitude, p.latitude] as [number, number]))!;
  const [x, y] = placeInTile([point.longitude, point.latitude], extent, place, 0.22);
  const left = box.x + (box.width - size * grid.columns) / 2;
  return { x: left + x * size, y: box.y + 8 + y * size };
}

type MapPoint = MapPoints['data'][number];

describe('map (挂图作战)', () => {
  it('shows the schematic grid with points, opens a project, shades an uploaded boundary map', async () => {
    await loginThroughPage(page, baseUrl, 'ningde');
    const regionsAnswer = nextAnswer<MapRegions>('/api/map/regions');
    const pointsAnswer = nextAnswer<MapPoints>('/api/map/points');
    await page.getByRole('menuitem', { name: /挂图作战/ }).click();
    const { body: regions } = await regionsAnswer;
    const { body: points } = await pointsAnswer;
    expect(regions.root.name).toBe('宁德市');
    expect(points.data.length).toBeGreaterThan(10);

    const tilesChart = page.getByTestId('map-tiles');
    await tilesChart.locator('canvas').first().waitFor();
    await page.getByText('示意网格（未上传边界图）').waitFor();
    await page
      .getByTestId('map-summary')
      .getByText(`符合条件的项目 ${points.count} 个，其中有坐标的 ${points.located} 个`)
      .waitFor();
    await page.getByTestId('map-legend').getByText('在建').waitFor();
    await expect.poll(() => shadedPixels('map-tiles'), { timeout: 20_000 }).toBeGreaterThan(2000);
    await screenshot(page, 'map-tiles');

    // The points coloured by last month's 红黄绿 warning instead of by stage.
    expect(points.colourSources.warning).toBe(true);
    expect(points.data.some((p) => p.warningColour !== null)).toBe(true);
    await page.locator('.ant-select', { hasText: '按阶段' }).click();
    await page.locator('.ant-select-item-option', { hasText: '按预警' }).click();
    await page.getByTestId('map-legend').getByText('红色预警').waitFor();
    await screenshot(page, 'map-warnings');

    // Click the first point of the tile with the fewest points: its project opens in the drawer.
    const byTile = regions.tiles
      .map((tile) => ({
        tile,
        inTile: points.data.filter((p) =>
          tile.kind === 'regionSelf'
            ? p.regionCode === tile.code
            : p.regionPath === tile.path || p.regionPath.startsWith(`${tile.path}.`),
        ),
      }))
      .filter((entry) => entry.inTile.length > 0)
      .sort((a, b) => a.inTile.length - b.inTile.length);
    const { tile, inTile } = byTile[0]!;
    const box = (await tilesChart.boundingBox())!;
    const at = pointPixel(box, regions.tiles, inTile, tile, inTile[0]!);
    await page.mouse.click(at.x, at.y);
    const drawer = page.getByTestId('map-point-drawer');
    await drawer.getByText('打开项目').waitFor();
    const names = inTile.map((p) => p.name);
    const title = await drawer.locator('.ant-drawer-title').textContent();
    expect(names).toContain(title);
    await screenshot(page, 'map-point');
    await drawer.getByText('打开项目').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.goBack();
    await page.getByTestId('map-tiles').locator('canvas').first().waitFor();

    // A file naming a region outside the jurisdiction is refused, feature and property named.
    const refusedAnswer = nextAnswer('/api/region-map', 'POST');
    await page.locator('input[type=file]').setInputFiles({
      name: 'outside.geojson',
      mimeType: 'application/json',
      buffer: Buffer.from(outsideBoundaries),
    });
    expect((await refusedAnswer).status).toBe(400);
    const refusal = page.getByTestId('map-upload-refusal');
    await refusal.getByText('features[0].properties.adcode').waitFor();
    await refusal.getByText('第 1 个要素的区划代码“350102”不是本辖区的区划').waitFor();
    await screenshot(page, 'map-refused');

    // The hand-made test boundaries: the map switches to them and the regions are shaded.
    const uploadAnswer = nextAnswer<{ map: { version: number } }>('/api/region-map', 'POST');
    await page.locator('input[type=file]').setInputFiles({
      name: 'test-ningde.geojson',
      mimeType: 'application/json',
      buffer: Buffer.from(testBoundaries),
    });
    const uploaded = await uploadAnswer;
    expect(uploaded.status).toBe(200);
    const geo = page.getByTestId('map-geo');
    await geo.locator('canvas').first().waitFor();
    await page
      .getByTestId('map-mode')
      .getByText(/边界图：test-ningde\.geojson/)
      .waitFor();
    await expect.poll(() => shadedPixels('map-geo'), { timeout: 20_000 }).toBeGreaterThan(5000);
    await screenshot(page, 'map-geo');

    // Deleting returns to the schematic grid.
    await page.getByRole('button', { name: /删除边界图/ }).click();
    const deleted = nextAnswer('/api/region-map/350900', 'DELETE');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await deleted).status).toBe(200);
    await page.getByTestId('map-tiles').locator('canvas').first().waitFor();
  });

  it('shows a county office only its own county', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    const regionsAnswer = nextAnswer<MapRegions>('/api/map/regions');
    const pointsAnswer = nextAnswer<MapPoints>('/api/map/points');
    await page.getByRole('menuitem', { name: /挂图作战/ }).click();
    const { body: regions } = await regionsAnswer;
    const { body: points } = await pointsAnswer;
    expect(regions.tiles.map((t) => t.code)).toEqual(['350902']);
    expect(new Set(points.data.map((p) => p.regionCode))).toEqual(new Set(['350902']));
    await page.getByTestId('map-tiles').locator('canvas').first().waitFor();
    await expect(page.getByTestId('map-upload').count()).resolves.toBe(1);
  });
});
