import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eServer, inChina, launchChromium, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const panels = ['screen-figures', 'screen-red-counts', 'screen-map', 'screen-ranking'];

/**
 * Every box of the stage and of the visible panels lies inside the window (1 px of rounding
 * allowed), and the page does not scroll either way.
 */
async function assertNothingClipped(page: Page, testIds: readonly string[]) {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  for (const testId of ['screen-stage', ...testIds]) {
    const box = await page.getByTestId(testId).boundingBox();
    expect(box, testId).not.toBeNull();
    expect(box!.x, testId).toBeGreaterThanOrEqual(-1);
    expect(box!.y, testId).toBeGreaterThanOrEqual(-1);
    expect(box!.x + box!.width, testId).toBeLessThanOrEqual(width + 1);
    expect(box!.y + box!.height, testId).toBeLessThanOrEqual(height + 1);
  }
  const stage = (await page.getByTestId('screen-stage').boundingBox())!;
  // Scaled to fit: one side fills the window (letterboxed on the other).
  expect(Math.max(stage.width / width, stage.height / height)).toBeCloseTo(1, 2);
  expect(
    await page.evaluate(
      () =>
        document.documentElement.scrollHeight <= window.innerHeight &&
        document.documentElement.scrollWidth <= window.innerWidth,
    ),
  ).toBe(true);
}

describe('big screen on any display', () => {
  it.each([
    [1366, 768],
    [3840, 2160],
  ])('fits the command screen and the public screen into %i×%i without clipping', async (width, height) => {
    const context = await browser.newContext({
      ...inChina,
      viewport: { width, height },
    });
    const page = await context.newPage();
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/screen`);
    await page.getByTestId('screen-map-chart').locator('canvas').first().waitFor({ timeout: 30_000 });
    await assertNothingClipped(page, [...panels, 'screen-red-projects', 'screen-overdue']);
    await page.screenshot({ path: `.tmp/screenshots/screen-${width}x${height}.png` });

    // The public screen with all four panels published, then the publication as it was.
    const before = await (await page.request.get(`${baseUrl}/api/screen/publication`)).json();
    const headers = { origin: baseUrl };
    const published = await page.request.put(`${baseUrl}/api/screen/publication`, {
      headers,
      data: { panels: ['figures', 'redCounts', 'map', 'ranking'], quarter: null, version: before.version },
    });
    expect(published.status()).toBe(200);
    try {
      const visitor = await browser.newPage({ ...inChina, viewport: { width, height } });
      await visitor.goto(`${baseUrl}/public/screen/350900`);
      await visitor.getByTestId('screen-map').waitFor({ timeout: 30_000 });
      await visitor.getByTestId('screen-ranking').waitFor();
      await assertNothingClipped(visitor, panels);
      await screenshot(visitor, `screen-public-${width}x${height}`);
      await visitor.close();
    } finally {
      await page.request.put(`${baseUrl}/api/screen/publication`, {
        headers,
        data: { panels: before.panels, quarter: before.quarter, version: (await published.json()).version },
      });
      await context.close();
    }
  });
});
