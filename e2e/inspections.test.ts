import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';
import { sitePhoto } from './fixtures';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

let project: { id: string; name: string };
let findingId = '';

describe('一日一督查 on a 375-px phone: a finding with a photo, the owner’s reply, the close', () => {
  it('lets jiaocheng record an inspection with a finding and a camera photo on a phone', async () => {
    const owner = await signIn('owner1', 'desktop', '/');
    const mine = await (
      await owner.request.get(
        `${baseUrl}/api/projects?region=350902&stage=underway&pageSize=1&sort=name&order=asc`,
      )
    ).json();
    project = mine.data[0] as { id: string; name: string };
    expect(project).toBeTruthy();

    const office = await signIn('jiaocheng', 'phone', `/projects/${project.id}?tab=inspections`);
    await office.getByTestId('project-inspections').waitFor({ timeout: 15_000 });
    await office.getByTestId('record-inspection-button').click();
    const drawer = office.getByRole('dialog');
    await drawer.getByTestId('inspection-checklist').click();
    await office
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '安全生产' })
      .first()
      .click();
    await drawer.getByTestId('item-safety-1').waitFor();
    await drawer.getByTestId('result-safety-1-pass').click();
    await drawer.getByTestId('result-safety-4-issue').click();
    await drawer.getByTestId('describe-safety-4').fill('三层楼面临边未设防护栏杆');
    const input = drawer.getByTestId('item-safety-4').locator('input[type=file]');
    expect(await input.getAttribute('capture')).toBe('environment');
    expect(await input.getAttribute('accept')).toBe('image/*');
    await input.setInputFiles({ name: '临边防护.jpg', mimeType: 'image/jpeg', buffer: sitePhoto });
    await drawer.getByTestId('photo-safety-4-count').waitFor();
    expect(await noSideScroll(office)).toBe(true);
    await screenshot(office, 'inspection-form-phone');
    const recorded = office.waitForResponse(
      (r) => r.url().endsWith('/api/inspections') && r.request().method() === 'POST',
    );
    const uploaded = office.waitForResponse(
      (r) => r.url().includes('/photos') && r.request().method() === 'POST',
    );
    await office
      .locator('.ant-drawer-extra')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    const inspection = (await (await recorded).json()) as { findings: { id: string }[] };
    expect(inspection.findings).toHaveLength(1);
    findingId = inspection.findings[0]!.id;
    expect((await uploaded).status()).toBe(200);
    await drawer.waitFor({ state: 'hidden', timeout: 15_000 });
    await office.getByTestId('finding-row').first().waitFor({ timeout: 15_000 });
    await screenshot(office, 'inspection-project-tab-phone');
  });

  it('lets owner1 reply with a photo on a phone', async () => {
    const owner = await signIn('owner1', 'phone', `/inspections?finding=${findingId}`);
    const drawer = owner.getByTestId('finding-drawer');
    await drawer.getByTestId('finding-photos').locator('img').first().waitFor({ timeout: 15_000 });
    await drawer.getByTestId('reply-text').fill('已加装 1.2 米防护栏杆并挂设安全网');
    await drawer
      .getByTestId('finding-reply-form')
      .locator('input[type=file]')
      .setInputFiles({ name: '整改后.jpg', mimeType: 'image/jpeg', buffer: sitePhoto });
    await drawer.getByTestId('reply-photos-count').waitFor();
    expect(await noSideScroll(owner)).toBe(true);
    await screenshot(owner, 'inspection-reply-phone');
    await drawer.getByTestId('submit-reply').click();
    await expect
      .poll(() => drawer.getByTestId('finding-status').first().textContent(), { timeout: 15_000 })
      .toBe('已整改待复核');
    await drawer.getByTestId('reply-photo-grid').locator('img').first().waitFor({ timeout: 15_000 });
    expect(await drawer.getByTestId('submit-reply').count()).toBe(0);
  });

  it('lets the inspector close it on a phone; the finding shows 已销号', async () => {
    const office = await signIn('jiaocheng', 'phone', `/inspections?finding=${findingId}`);
    const drawer = office.getByTestId('finding-drawer');
    await drawer.getByTestId('finding-reply-text').waitFor({ timeout: 15_000 });
    await drawer.getByTestId('close-finding').click();
    await expect
      .poll(() => drawer.getByTestId('finding-status').first().textContent(), { timeout: 15_000 })
      .toBe('已销号');
    await drawer.getByTestId('finding-closed').waitFor();
    await screenshot(office, 'inspection-closed-phone');
    const finding = await (
      await office.request.get(`${baseUrl}/api/inspection-findings/${findingId}`)
    ).json();
    expect(finding.status).toBe('closed');
  });

  it('shows the office the coverage and findings on a desktop', async () => {
    const office = await signIn('jiaocheng', 'desktop', '/inspections');
    await office.getByTestId('coverage-table').waitFor({ timeout: 15_000 });
    await office.getByTestId('coverage-total-rate').waitFor();
    await screenshot(office, 'inspections-desktop');
  });

  it('shows owner1 the findings to rectify on its workbench on a phone and the page on a desktop', async () => {
    const owner = await signIn('owner1', 'phone', '/');
    const section = owner.getByTestId('workbench-findingsToRectify');
    await section.getByTestId('workbench-item').first().waitFor({ timeout: 15_000 });
    expect(await noSideScroll(owner)).toBe(true);
    await screenshot(owner, 'inspections-workbench-phone');
    const desk = await signIn('owner1', 'desktop', '/inspections');
    await desk.getByTestId('finding-row').first().waitFor({ timeout: 15_000 });
    expect(await desk.getByTestId('record-inspection-button').count()).toBe(0);
    await screenshot(desk, 'inspections-owner-desktop');
  });

  it('shows the city the coverage of its counties on a phone', async () => {
    const city = await signIn('ningde', 'phone', '/inspections');
    const table = city.getByTestId('coverage-table');
    await table.locator('tr.ant-table-row').filter({ hasText: '蕉城区' }).waitFor({ timeout: 15_000 });
    await screenshot(city, 'inspections-city-phone');
  });
});
