import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bulletin } from '@tuijin/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, inChina, screenshot, screenshotDir, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

/** The bulletin the city office generates and issues; the later tests open it. */
let bulletinId = '';

async function bulletinOf(page: Page, id: string): Promise<Bulletin> {
  const response = await page.request.get(`${baseUrl}/api/bulletins/${id}`);
  if (!response.ok()) throw new Error(`GET bulletin ${id}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Bulletin;
}

/** Waits for the notices to fade and shoots the page from its top. */
async function settledShot(page: Page, name: string) {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe('通报: the October bulletin of 宁德, issued, read below, as a PDF and on a phone', () => {
  it('lets ningde generate the 2026-10 monthly bulletin, read its figures’ formulas, review and issue it', async () => {
    const office = await signIn('ningde', 'desktop', '/bulletins');
    await office.getByTestId('bulletin-create').click();
    const dialog = office.getByRole('dialog');
    // The month defaults to last month (2026-11 on 2026-12-06); the office picks October.
    const month = dialog.locator('.ant-picker input');
    await expect.poll(() => month.inputValue()).toMatch(/^\d{4}-\d{2}$/);
    // Picked from the month panel (Enter in the input can submit the form before the OK button is clicked).
    // A click while the panel is still opening can be lost: open it and pick again until it took.
    await expect
      .poll(
        async () => {
          if ((await office.locator('.ant-picker-dropdown:visible').count()) === 0) await month.click();
          await office
            .locator('.ant-picker-dropdown:visible .ant-picker-cell[title="2026-10"]')
            .click({ timeout: 3_000 })
            .catch(() => {});
          return month.inputValue();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('2026-10');
    await office.locator('.ant-picker-dropdown:visible').waitFor({ state: 'detached' });
    await dialog.getByTestId('bulletin-create-ok').click();
    await office.waitForURL(/\/bulletins\/[^/]+$/, { timeout: 60_000 });
    bulletinId = office.url().split('/').pop() ?? '';

    const draft = await bulletinOf(office, bulletinId);
    expect(draft.kind).toBe('monthly');
    expect(draft.period).toBe('2026-10');
    expect(draft.status).toBe('draft');
    const sheet = office.getByTestId('bulletin-sheet');
    await sheet.getByTestId('bulletin-title').getByText(draft.title).waitFor();
    expect(draft.title).toContain('1—10月');
    await office.getByTestId('bulletin-status').getByText('草稿').waitFor();
    // The headline table names every figure of the snapshot, in Chinese, each number a button.
    const headline = sheet.getByTestId('bulletin-headline');
    await headline.waitFor();
    expect(draft.snapshot.headline.length).toBeGreaterThan(0);
    for (const figure of draft.snapshot.headline) await headline.getByText(figure.label).first().waitFor();
    await sheet.getByTestId('bulletin-section-headline').getByText('一、').waitFor();
    const first = draft.snapshot.headline.find((f) => f.value !== null);
    if (!first) throw new Error('the October bulletin has no headline figure with a value');
    await settledShot(office, 'bulletin-preview');

    // A figure opens its formula and the link to the records behind it.
    await headline.getByTestId(`figure-${first.key}`).click();
    const explain = office.getByTestId('figure-explain').last();
    await explain.waitFor();
    await expect.poll(() => explain.getByTestId('figure-formula').textContent()).toMatch(/=|：/);
    expect(await explain.getByTestId('figure-records').getAttribute('href')).toBe(first.provenance.href);
    await screenshot(office, 'bulletin-formula');
    await office.keyboard.press('Escape');
    // The region table's numbers explain themselves too.
    const regions = sheet.getByTestId('bulletin-regions');
    if (draft.snapshot.regions.length > 0) {
      await regions.getByTestId('bulletin-figure').first().click();
      await expect.poll(() => office.getByTestId('figure-explain').count()).toBeGreaterThan(0);
      await office.keyboard.press('Escape');
    }

    await office.getByTestId('bulletin-review').click();
    await office.getByTestId('bulletin-status').getByText('已审核').waitFor();
    await office.getByTestId('bulletin-issue').click();
    await office.getByText('通报中的数字冻结').waitFor();
    await office.getByTestId('bulletin-issue-ok').click();
    await office.getByTestId('bulletin-status').getByText('已签发').waitFor({ timeout: 60_000 });
    const serial = sheet.getByTestId('bulletin-serial');
    await expect.poll(() => serial.textContent()).toMatch(/^宁重点办通报〔2026〕\d+号$/);
    await office
      .getByTestId('bulletin-panel-serial')
      .getByText(/宁重点办通报〔2026〕\d+号/)
      .waitFor();
    await settledShot(office, 'bulletin-issued');

    // The PDF as issued: a real PDF whose first page, rendered, a person looks at.
    const pdf = await office.request.get(`${baseUrl}/api/bulletins/${bulletinId}/files/pdf`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    mkdirSync(screenshotDir, { recursive: true });
    const pdfPath = join(screenshotDir, 'bulletin.pdf');
    writeFileSync(pdfPath, bytes);
    const pngBase = join(screenshotDir, 'bulletin-pdf-page1');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, pngBase]);
    expect(existsSync(`${pngBase}.png`)).toBe(true);
    expect(statSync(`${pngBase}.png`).size).toBeGreaterThan(10_000);
    console.log(`PDF first page: ${pngBase}.png`);
  });

  it('shows it to jiaocheng under 收文, unread until opened, and ningde sees the receipt', async () => {
    if (!bulletinId) throw new Error('the first test issued no bulletin');
    const county = await signIn('jiaocheng', 'desktop', '/bulletins');
    await county.getByTestId('bulletins-tab-received').click();
    const received = county.getByTestId('bulletins-received');
    const row = received.locator('tr').filter({ has: county.locator(`a[href="/bulletins/${bulletinId}"]`) });
    await row.waitFor();
    await row.getByTestId('bulletin-unread').waitFor();
    await row.getByTestId('bulletin-link').click();
    await county
      .getByTestId('bulletin-sheet')
      .getByTestId('bulletin-serial')
      .getByText(/宁重点办通报/)
      .waitFor();
    expect((await bulletinOf(county, bulletinId)).readAt).not.toBeNull();
    await county.getByText('返回通报列表').click();
    await county.getByTestId('bulletins-tab-received').click();
    await row.waitFor();
    await expect.poll(() => row.getByTestId('bulletin-unread').count()).toBe(0);

    const office = await signIn('ningde', 'desktop', `/bulletins/${bulletinId}`);
    const receipts = office.getByTestId('bulletin-receipts');
    await receipts.getByText(/蕉城/).first().waitFor();
  });

  it('fits the preview on a 375-px phone: the sheet scrolls inside, the page never sideways', async () => {
    if (!bulletinId) throw new Error('the first test issued no bulletin');
    const phone = await signIn('jiaocheng', 'phone', `/bulletins/${bulletinId}`);
    const frame = phone.getByTestId('bulletin-scroll');
    await frame.getByTestId('bulletin-title').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await frame.evaluate((el) => el.scrollTo({ left: 200 }));
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await settledShot(phone, 'bulletin-phone');
  });

  it('晾晒: ningde shows the headline and the ranking on the public screen, which anyone sees with its 文号', async () => {
    if (!bulletinId) throw new Error('the first test issued no bulletin');
    const office = await signIn('ningde', 'desktop', `/bulletins/${bulletinId}`);
    await office.getByTestId('bulletin-publish').click();
    const modal = office.locator('.ant-modal');
    const option = (title: string) => modal.locator('.ant-checkbox-label', { hasText: title });
    await option('总体情况').click();
    await option('各地进展及排名').click();
    expect(await option('红黄灯项目').count()).toBe(0);
    await office.getByTestId('bulletin-publish-ok').click();
    await expect
      .poll(async () => (await bulletinOf(office, bulletinId)).publicSections, { timeout: 10_000 })
      .toEqual(['headline', 'regions']);
    const { serial } = await bulletinOf(office, bulletinId);

    const browser = office.context().browser();
    if (!browser) throw new Error('no browser');
    const anonymous = await browser.newContext({
      ...inChina,
      viewport: { width: 1920, height: 1080 },
    });
    try {
      const visitor = await anonymous.newPage();
      await visitor.goto(`${baseUrl}/public/screen/350900`);
      const panel = visitor.getByTestId('screen-bulletin');
      await panel.waitFor({ timeout: 30_000 });
      await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain(serial!);
      expect(await panel.textContent()).toContain('蕉城区');
      const fits = await visitor.evaluate(
        () =>
          document.documentElement.scrollHeight <= window.innerHeight &&
          document.documentElement.scrollWidth <= window.innerWidth,
      );
      expect(fits).toBe(true);
      // Nothing of the panel is cut off by the screen's frame.
      expect(await panel.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
      await screenshot(visitor, 'bulletin-public-screen');
    } finally {
      await anonymous.close();
      // Taken down again, so the other screen tests see the screen as they left it.
      const { version } = await bulletinOf(office, bulletinId);
      await office.request.post(`${baseUrl}/api/bulletins/${bulletinId}/publication`, {
        headers: { origin: baseUrl },
        data: { version, publicSections: null },
      });
    }
  });
});

describe('一日一通报: the timer and the day’s site figures', () => {
  it('lets ningde switch the daily bulletin on at 17:30 and read today’s 现场用工与督查 table', async () => {
    const office = await signIn('ningde', 'desktop', '/bulletins/templates');
    const settings = office.getByTestId('daily-bulletin-settings');
    await settings.waitFor();
    await settings.getByTestId('daily-bulletin-enabled').click();
    await settings.getByTestId('daily-bulletin-at').fill('17:30');
    await settings.getByTestId('daily-bulletin-save').click();
    await office.getByText('一日一通报设置已保存').waitFor();
    await screenshot(office, 'daily-bulletin-settings');
    await office.reload();
    await expect
      .poll(() => office.getByTestId('daily-bulletin-enabled').getAttribute('aria-checked'))
      .toBe('true');

    // Today's daily bulletin (as the timer would make it): the site's day opens it, figures with formulas.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const created = await office.request.post(`${baseUrl}/api/bulletins`, {
      headers: { origin: baseUrl },
      data: { kind: 'daily', period: today },
    });
    expect(created.status()).toBe(200);
    const { id } = (await created.json()) as { id: string };
    await office.goto(`${baseUrl}/bulletins/${id}`);
    const table = office.getByTestId('bulletin-site-day');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await table.locator('thead').textContent()).toContain('在岗');
    await table.locator('tbody tr').last().getByTestId('bulletin-figure').first().click();
    await expect.poll(() => office.getByTestId('figure-formula').textContent()).toContain('在岗 = 花名册');
    await screenshot(office, 'daily-bulletin-site-day');
  });
});
