import type { CockpitRollup } from '@tuijin/contracts';
import { addDecimals } from '@tuijin/domain';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';
import { wholeWanYuan } from './figures';
import { sitePhoto } from './fixtures';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

interface Candidate {
  projectId: string;
  projectName: string;
  year: number;
  month: number;
  ytdBefore: string;
}

/**
 * A month owner1 may report now for one of its 蕉城区 projects: the report form says the owner can
 * submit, the window is open (or late but allowed) and the report is absent, a draft or returned.
 * This month first (the demo leaves owner1 a draft), then last month.
 */
async function findCandidate(page: Page): Promise<Candidate> {
  const today = new Date(Date.now() + 8 * 3600_000);
  const months = [
    [today.getUTCFullYear(), today.getUTCMonth() + 1],
    today.getUTCMonth() === 0
      ? [today.getUTCFullYear() - 1, 12]
      : [today.getUTCFullYear(), today.getUTCMonth()],
  ] as const;
  for (const [year, month] of months) {
    const board = await page.request.get(
      `${baseUrl}/api/monthly-reports/status-board?year=${year}&month=${month}&pageSize=200`,
    );
    expect(board.ok()).toBe(true);
    const rows = (await board.json()).data as {
      projectId: string;
      projectName: string;
      regionCode: string;
    }[];
    for (const row of rows.filter((r) => r.regionCode === '350902')) {
      const form = await (
        await page.request.get(`${baseUrl}/api/projects/${row.projectId}/reports/${year}/${month}/form`)
      ).json();
      const isOpen = form.window && (form.window.state === 'open' || form.window.state === 'late');
      const isEditable = form.report === null || form.report.abilities.canEdit;
      if (form.canSubmit && isOpen && isEditable)
        return {
          projectId: row.projectId,
          projectName: row.projectName,
          year,
          month,
          ytdBefore: form.ytdBeforeWanYuan,
        };
    }
  }
  throw new Error('owner1 has no project with an open reporting window in the demo data');
}

const text = async (locator: Locator) => ((await locator.first().textContent()) ?? '').replace(/,/g, '');
/** Waits until the element's text (thousands separators removed) contains `expected`. */
const waitForText = (locator: Locator, expected: string, timeout = 15_000) =>
  expect.poll(() => text(locator), { timeout }).toContain(expected);

const monthParam = (c: Candidate) => `${c.year}-${String(c.month).padStart(2, '0')}`;

async function openForm(page: Page, c: Candidate) {
  await page.goto(`${baseUrl}/reports/fill?project=${c.projectId}&month=${monthParam(c)}`);
  await page.getByTestId('report-editor').waitFor();
}

async function submitForm(page: Page) {
  await page.getByTestId('report-submit').click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await waitForText(page.getByTestId('report-editor').getByTestId('report-status'), '待审核');
}

/** jiaocheng opens the report from the review queue of its month. */
async function openFromQueue(page: Page, c: Candidate) {
  await page.goto(`${baseUrl}/reports/review?month=${monthParam(c)}`);
  const link = page.getByTestId('queue-project').filter({ hasText: c.projectName });
  await link.first().click();
  await page.locator('.ant-drawer').getByTestId('report-status').waitFor();
}

/**
 * The year-to-date completed investment the cockpit shows the signed-in office for the candidate's
 * month (its own region, adjusted plan): read from the page's headline card once it matches the
 * rollup the page received.
 */
async function cockpitYtd(page: Page, c: Candidate): Promise<string> {
  const answer = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/cockpit/rollup' && url.searchParams.get('dimension') === 'region';
  });
  await page.goto(`${baseUrl}/cockpit?year=${c.year}&month=${c.month}`);
  const rollup = (await (await answer).json()) as CockpitRollup;
  const value = rollup.total.completedYtd.value;
  await page.getByTestId('headline-completedYtd').getByText(wholeWanYuan(value), { exact: true }).waitFor();
  return value;
}

describe('monthly report on a phone', () => {
  it('owner1 submits, jiaocheng returns with a reason, owner1 fixes and resubmits, jiaocheng approves, the report locks', async () => {
    const owner = await signIn('owner1', 'phone', null);
    const c = await findCandidate(owner);

    // The form on a 375-px phone: plan, running totals as the amount is typed, a photo from the camera.
    await openForm(owner, c);
    await owner.getByTestId('report-plan').waitFor();
    const amount = owner.getByTestId('report-amount');
    await amount.fill('12.5');
    await waitForText(owner.getByTestId('report-ytd'), addDecimals([c.ytdBefore, '12.5']));
    await owner.getByTestId('report-progress').fill(`${c.month}月：桩基施工完成 60%，承台开挖`);
    const fileInput = owner.locator('input[type=file]');
    expect(await fileInput.getAttribute('capture')).toBe('environment');
    expect(await fileInput.getAttribute('accept')).toBe('image/*');
    await fileInput.setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: sitePhoto });
    await owner.getByTestId('report-photos').locator('img').first().waitFor({ timeout: 15_000 });
    expect(await noHorizontalScroll(owner)).toBe(true);
    await screenshot(owner, 'report-form-375');
    await submitForm(owner);
    expect(await noHorizontalScroll(owner)).toBe(true);

    // jiaocheng returns it; the reason is required. First the cockpit's year-to-date, before approval.
    const office = await signIn('jiaocheng', 'desktop', null);
    const ytdBeforeApproval = await cockpitYtd(office, c);
    await openFromQueue(office, c);
    // The camera photo's own metadata says 18 March 2026: older than last month, flagged to the
    // reviewer as a warning (the report went through all the same).
    if (c.year * 12 + c.month > 2026 * 12 + 4)
      await waitForText(
        office.locator('.ant-drawer').getByTestId('photo-finding-tooOld'),
        '拍摄于 2026-03-18，早于上期',
      );
    await office.getByTestId('report-return').click();
    const modal = office.locator('.ant-modal').filter({ hasText: '退回月报' });
    await modal.getByRole('button', { name: /退\s*回/ }).click();
    await waitForText(modal, '请填写退回原因');
    const reason = '形象进度未写明承台施工部位，请补充后重报';
    await modal.getByTestId('return-reason').fill(reason);
    await modal.getByRole('button', { name: /退\s*回/ }).click();
    await waitForText(office.locator('.ant-message'), '已退回');

    // owner1 sees the reason, corrects and resubmits.
    await openForm(owner, c);
    await waitForText(owner.getByTestId('report-return-reason'), reason);
    await screenshot(owner, 'report-returned-375');
    await amount.fill('15');
    await waitForText(owner.getByTestId('report-ytd'), addDecimals([c.ytdBefore, '15']));
    await owner.getByTestId('report-progress').fill(`${c.month}月：桩基施工完成 60%，1#、2# 承台开挖完成`);
    await submitForm(owner);

    // jiaocheng approves.
    await openFromQueue(office, c);
    await waitForText(office.locator('.ant-drawer'), '15');
    await office.getByTestId('report-approve').click();
    await office
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await waitForText(office.locator('.ant-message'), '已审核通过');

    // The cockpit's year-to-date grows by exactly the approved amount.
    expect(await cockpitYtd(office, c)).toBe(addDecimals([ytdBeforeApproval, '15']));

    // Locked for owner1: read-only, no save or submit, the history shows each step.
    await openForm(owner, c);
    await owner.getByTestId('report-locked').waitFor();
    expect(await owner.getByTestId('report-amount').isDisabled()).toBe(true);
    expect(await owner.getByTestId('report-submit').count()).toBe(0);
    expect(await owner.getByTestId('report-save').count()).toBe(0);
    await waitForText(owner.getByTestId('report-events'), reason);
    expect(await noHorizontalScroll(owner)).toBe(true);
    await screenshot(owner, 'report-approved-375');

    // The project page's 月报 tab lists the month as approved with its amount.
    await office.goto(`${baseUrl}/projects/${c.projectId}?tab=reports`);
    const row = office.getByTestId('project-reports').locator(`tr[data-row-key="${c.month}"]`);
    await waitForText(row, '已通过');
    await waitForText(row, '15');
    if (c.year * 12 + c.month > 2026 * 12 + 4)
      await waitForText(row.getByTestId('month-photos'), '1 张1 张有提示');

    // The office corrects the approved report (reason required); the tab shows the corrected amount.
    await row.getByRole('button', { name: /查\s*看/ }).click();
    await office.getByTestId('report-correct').click();
    const correction = office.locator('.ant-modal').filter({ hasText: '更正已通过的月报' });
    await correction.getByTestId('report-amount').fill('16');
    await correction.getByRole('button', { name: /确\s*定|OK/ }).click();
    await waitForText(correction, '请填写更正原因');
    await correction.getByRole('textbox', { name: '更正原因' }).fill('按统计部门核定数更正');
    await correction.getByRole('button', { name: /确\s*定|OK/ }).click();
    await waitForText(office.locator('.ant-message'), '月报已更正');
    await waitForText(office.locator('.ant-drawer').getByTestId('report-events'), '更正');
    // The toast sits over the drawer's close button until it fades (and hovering keeps it).
    await office.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await office.locator('.ant-drawer-close').click();
    await waitForText(row, '16');
  });
});

describe('reviewer pages', () => {
  it('shows jiaocheng the month’s status board and filters it by status', async () => {
    const office = await signIn('jiaocheng', 'phone', null);
    const today = new Date(Date.now() + 8 * 3600_000);
    const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    const lastMonth = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`;
    // Last month: the demo has it submitted, reviewed, returned, late and missing.
    await office.goto(`${baseUrl}/reports/status?month=${lastMonth}`);
    const due = office.getByTestId('board-count-due');
    await expect
      .poll(async () => Number((await due.locator('.ant-statistic-content-value').textContent()) ?? 'NaN'))
      .toBeGreaterThan(0);
    await office.getByTestId('board-status').click();
    await office.locator('.ant-select-item-option').filter({ hasText: '已通过' }).click();
    await expect
      .poll(
        async () => new Set(await office.locator('tbody [data-testid="report-status"]').allTextContents()),
      )
      .toEqual(new Set(['已通过']));
    expect(await noHorizontalScroll(office)).toBe(true);
    await screenshot(office, 'report-status-375');
  });

  it('lets jiaocheng set a working-days deadline and see the next 12 deadlines, then go back to the inherited rule', async () => {
    const office = await signIn('jiaocheng', 'desktop', `${baseUrl}/reports/calendar`);
    await expect
      .poll(() => office.getByTestId('calendar-upcoming').locator('tbody tr.ant-table-row').count())
      .toBe(12);
    await office.getByTestId('calendar-edit').click();
    await office.getByRole('radio', { name: '月末后第 N 个工作日' }).check();
    await office.getByLabel('月末后第几个工作日').fill('5');
    await office.getByTestId('calendar-save').click();
    await waitForText(office.getByTestId('calendar-source'), '本级设置');
    await waitForText(office.getByTestId('calendar-rule'), '月末后第 5 个工作日截止');
    await screenshot(office, 'reporting-calendar');
    await office.getByRole('button', { name: '删除本级设置' }).click();
    await office
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => text(office.getByTestId('calendar-source'))).not.toBe('本级设置');

    // Below the calendar, the site-photo distance threshold: the 5 km default until 蕉城 saves its own.
    await waitForText(office.getByTestId('photo-evidence-source'), '使用缺省值 5 公里');
    await office.getByLabel('距离阈值（公里）').fill('6.5');
    await office.getByTestId('photo-evidence-save').click();
    await waitForText(office.getByTestId('photo-evidence-source'), '本辖区的设置');
    const saved = await office.request.get(`${baseUrl}/api/photo-evidence/settings`);
    expect(await saved.json()).toMatchObject({ maxDistanceKm: 6.5, fromRegionCode: '350902', version: 1 });
  });
});
