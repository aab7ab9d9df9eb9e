import type { PublicScreen, Screen } from '@tuijin/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eServer, inChina, launchChromium, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
const viewport = { width: 1920, height: 1080 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** Whether the page fits the command-room display: nothing to scroll either way. */
const fitsScreen = () =>
  document.documentElement.scrollHeight <= window.innerHeight &&
  document.documentElement.scrollWidth <= window.innerWidth;

describe('big screen', () => {
  it('shows the city office its command screen at 1920×1080, publishes two panels and an anonymous browser sees only those', async () => {
    const office = await browser.newContext({ ...inChina, viewport });
    const page = await office.newPage();
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/screen' && r.ok());
    await page.goto(`${baseUrl}/screen`);
    const screen = (await (await answer).json()) as Screen;
    await expect.poll(() => page.getByTestId('screen-figures').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('screen-map-chart').locator('canvas').first().waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('宁德市重点项目建设指挥大屏');
    expect(await page.getByTestId('screen-data-time').textContent()).toMatch(
      /^数据时间 \d{4}\/\d{1,2}\/\d{1,2}/,
    );
    expect(await page.getByTestId('screen-figures').textContent()).toContain(
      `项目数${screen.figures?.figures.projectCount.value}`,
    );
    for (const panel of ['screen-ranking', 'screen-red-counts', 'screen-red-projects', 'screen-overdue'])
      expect(await page.getByTestId(panel).isVisible(), panel).toBe(true);
    const firstRed = screen.redProjects[0];
    if (firstRed)
      expect(await page.getByTestId('screen-red-projects').textContent()).toContain(firstRed.projectName);
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.evaluate(fitsScreen)).toBe(true);
    await screenshot(page, 'screen-command-room');

    await page.getByTestId('screen-publish-open').click();
    const form = page.getByTestId('screen-publication-form');
    await form.waitFor();
    await form.getByLabel('核心指标').check();
    await form.getByLabel('各地红灯项目数').check();
    const saved = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/screen/publication' && r.request().method() === 'PUT',
    );
    await form.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('发布设置已保存').waitFor();
    await office.close();

    const anonymous = await browser.newContext({ ...inChina, viewport });
    const visitor = await anonymous.newPage();
    const publicAnswer = visitor.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/public/screen/350900',
    );
    await visitor.goto(`${baseUrl}/public/screen/350900`);
    const published = (await (await publicAnswer).json()) as PublicScreen;
    expect(published.panels).toEqual(['figures', 'redCounts']);
    await visitor.getByTestId('screen-figures').waitFor({ timeout: 30_000 });
    await visitor.getByTestId('screen-red-counts').waitFor();
    expect(new URL(visitor.url()).pathname).toBe('/public/screen/350900');
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('宁德市重点项目建设公开大屏');
    for (const hidden of ['screen-ranking', 'screen-map', 'screen-red-projects', 'screen-overdue'])
      expect(await visitor.getByTestId(hidden).count(), hidden).toBe(0);
    expect(await visitor.getByTestId('screen-figures').textContent()).toContain(
      `项目数${screen.figures?.figures.projectCount.value}`,
    );
    const body = (await visitor.locator('body').textContent()) ?? '';
    if (firstRed) expect(body).not.toContain(firstRed.projectName);
    expect(await visitor.evaluate(fitsScreen)).toBe(true);
    await screenshot(visitor, 'screen-public');

    const unknown = await anonymous.newPage();
    await unknown.goto(`${baseUrl}/public/screen/350902`);
    await unknown.getByText('该区划未公开大屏，或区划不存在。').waitFor({ timeout: 30_000 });
    await anonymous.close();
  });
});
