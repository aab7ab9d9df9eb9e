import { type Browser, type BrowserContext, type Page, request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, freshPagePerTest, inChina, loginThroughPage, screenshot } from './browser';
import { sitePhoto } from './fixtures';

const { baseUrl } = e2eServer();
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** An executable disguised as a photo: the ELF header followed by padding, named .jpg. */
const disguisedExecutable = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
  Buffer.alloc(56, 0),
]);

freshPagePerTest({ width: 1366, height: 800 }, (fresh) => {
  ({ page, context, browser } = fresh);
});

async function openProjectLibrary() {
  await page.getByRole('menuitem', { name: /项目库/ }).click();
  await page.waitForURL(/\/projects/);
  await page.getByTestId('project-link').first().waitFor();
}

describe('project library', () => {
  it('shows jiaocheng only the county’s projects, with totals over the whole filter', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await openProjectLibrary();
    const regions = await page.getByTestId('project-region').allTextContents();
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions)).toEqual(new Set(['蕉城区']));
    const totalCount = Number(await page.getByTestId('projects-total-count').textContent());
    const pagerText = (await page.locator('.ant-pagination-total-text').textContent()) ?? '';
    expect(totalCount).toBeGreaterThan(0);
    expect(totalCount).toBe(Number(/\d+/.exec(pagerText)?.[0]));
    await screenshot(page, 'projects-list');
  });

  it('finds a project by pinyin initials, takes a photo and refuses a disguised executable', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await openProjectLibrary();
    const search = page.getByPlaceholder(/拼音首字母/);
    await search.fill('sdxny');
    await search.press('Enter');
    await page.waitForURL(/q=sdxny/);
    const names = page.getByTestId('project-link');
    // The previous page stays on screen until the filtered one arrives; wait for the filtered rows.
    await expect
      .poll(async () => {
        const found = await names.allTextContents();
        return found.length > 0 && found.every((name) => name.includes('时代新能源'));
      })
      .toBe(true);
    await names.first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
    await page.getByTestId('project-name').waitFor();

    await page.getByRole('tab', { name: '文件照片' }).click();
    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles({ name: 'site-photo.jpg', mimeType: 'image/jpeg', buffer: sitePhoto });
    const thumbnail = page.locator('img[alt="site-photo.jpg"]').first();
    await thumbnail.waitFor();
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
      .toBeGreaterThan(0);
    await page
      .getByText(/拍摄于 2026-03-18 10:24/)
      .first()
      .waitFor();

    await fileInput.setInputFiles({ name: 'evil.jpg', mimeType: 'image/jpeg', buffer: disguisedExecutable });
    const refusal = page.getByTestId('upload-refusals');
    await refusal.waitFor();
    const refusalText = (await refusal.textContent()) ?? '';
    expect(refusalText).toContain('未能上传');
    expect(refusalText).toContain('evil.jpg');
    await expect(page.locator('img[alt="evil.jpg"]').count()).resolves.toBe(0);
    await screenshot(page, 'project-photos');
  });

  it('answers another county’s project as not found', async () => {
    const city = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { origin: baseUrl } });
    await city.post('/api/auth/login', { data: { username: 'ningde', password: 'Tuijin#2026' } });
    const fuan = (await (await city.get('/api/projects?region=350981&pageSize=1')).json()) as {
      data: { id: string }[];
    };
    await city.dispose();
    const fuanProject = fuan.data[0];
    expect(fuanProject).toBeDefined();

    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await page.getByTestId('jurisdiction').waitFor();
    await page.goto(`${baseUrl}/projects/${fuanProject?.id}`);
    await page.getByText('记录不存在或无权查看').waitFor();
  });

  it('lets an owner unit edit only its own fields', async () => {
    await loginThroughPage(page, baseUrl, 'owner1');
    await openProjectLibrary();
    await page.getByTestId('project-link').first().click();
    await page.getByTestId('project-name').waitFor();
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const name = page.getByLabel('项目名称', { exact: true });
    await name.waitFor();
    expect(await name.isDisabled()).toBe(true);
    expect(await page.getByLabel('建设地点', { exact: true }).isEnabled()).toBe(true);
    expect(await page.getByLabel('总投资（万元）', { exact: true }).isDisabled()).toBe(true);
  });

  it('stays usable on a 375 px phone: filters stack and the table scrolls inside the page', async () => {
    await context.close();
    context = await browser.newContext({
      ...inChina,
      viewport: { width: 375, height: 740 },
    });
    page = await context.newPage();
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await page.getByTestId('jurisdiction').waitFor();
    await page.goto(`${baseUrl}/projects`);
    await page.getByTestId('project-link').first().waitFor();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(375);
    await screenshot(page, 'projects-list-mobile');
  });
});
