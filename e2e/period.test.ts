import type { CockpitRollup, CurrentReportingPeriod, Screen, StatusBoard } from '@tuijin/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

const isPath = (path: string) => (response: { url(): string; ok(): boolean }) =>
  new URL(response.url()).pathname === path && response.ok();

/** Opens `path` and answers the current reporting period the page asked the server for. */
async function openOnPeriod(page: Page, path: string): Promise<CurrentReportingPeriod> {
  const answer = page.waitForResponse(isPath('/api/reporting-period'));
  await page.goto(`${baseUrl}${path}`);
  return (await (await answer).json()) as CurrentReportingPeriod;
}

/** Today in China, as the server judges deadlines. */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The real calendar (the e2e server runs on today's clock): the period is a month that has begun,
 * within the last two, and its window is open or its deadline has passed — never a month whose
 * reports are not yet due, never 2001.
 */
function expectCurrent(period: CurrentReportingPeriod) {
  const today = chinaToday();
  const todayIndex = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7));
  const index = period.year * 12 + period.month;
  expect(todayIndex - index).toBeGreaterThanOrEqual(0);
  expect(todayIndex - index).toBeLessThanOrEqual(2);
  expect(['open', 'late', 'closed']).toContain(period.state);
  expect(period.opensOn! <= today).toBe(true);
  if (period.state !== 'open') expect(period.dueOn! < today).toBe(true);
  // 6 December 2026 under the demo's default rule (25th, opens on the 15th): November.
  if (today === '2026-12-06') expect(period.key).toBe('2026-11');
}

describe('the current reporting month everywhere', () => {
  it('owner1 opens 月报填报 on the current reporting month with its due projects; jiaocheng opens 报送情况 on it with non-zero counts', async () => {
    const owner = await signIn('owner1', 'desktop', null);
    const board = owner.waitForResponse(isPath('/api/monthly-reports/status-board'));
    const period = await openOnPeriod(owner, '/reports/fill');
    expectCurrent(period);
    const ownBoard = (await (await board).json()) as StatusBoard;
    expect({ year: ownBoard.year, month: ownBoard.month }).toEqual({
      year: period.year,
      month: period.month,
    });
    expect(ownBoard.data.length).toBeGreaterThan(0);
    await expect.poll(() => owner.getByTestId('report-month').inputValue()).toBe(period.key);
    expect(await owner.getByText('本月没有需要报送的项目').count()).toBe(0);
    await owner.getByTestId('report-project').click();
    const options = owner.locator('.ant-select-dropdown .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.count()).toBe(ownBoard.data.length);
    await expect.poll(() => options.first().textContent()).toContain(ownBoard.data[0]!.projectName);
    await screenshot(owner, 'period-report-form');

    const office = await signIn('jiaocheng', 'desktop', null);
    const officeBoard = office.waitForResponse(isPath('/api/monthly-reports/status-board'));
    const officePeriod = await openOnPeriod(office, '/reports/status');
    expect(officePeriod.key).toBe(period.key);
    const counts = ((await (await officeBoard).json()) as StatusBoard).counts;
    expect(counts.due).toBeGreaterThan(0);
    await expect.poll(() => office.getByTestId('board-month').inputValue()).toBe(period.key);
    await expect
      .poll(() => office.getByTestId('board-count-due').locator('.ant-statistic-content').textContent())
      .toBe(String(counts.due));
    await screenshot(office, 'period-status-board');
  }, 150_000);

  it('the big screen and the cockpit show the same period and the same 序时进度', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const rollupAnswer = office.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/cockpit/rollup' && url.searchParams.get('dimension') === 'region';
    });
    const period = await openOnPeriod(office, '/cockpit');
    expectCurrent(period);
    const rollup = (await (await rollupAnswer).json()) as CockpitRollup;
    expect({ year: rollup.year, month: rollup.month }).toEqual({ year: period.year, month: period.month });
    const time = rollup.total.timeProgress.percent;
    expect(time).toBe(((period.month / 12) * 100).toFixed(1));
    await office.getByTestId('headline-completion').getByText(`序时进度 ${time}%`).waitFor();
    await expect.poll(() => office.getByTestId('cockpit-month').textContent()).toContain(`${period.month}`);

    const screenAnswer = office.waitForResponse(isPath('/api/screen'));
    await office.goto(`${baseUrl}/screen`);
    const screen = (await (await screenAnswer).json()) as Screen;
    expect(screen.figures).toMatchObject({ year: period.year, month: period.month });
    expect(screen.figures?.figures.timeProgress.percent).toBe(time);
    const figures = office.getByTestId('screen-figures');
    await expect
      .poll(() => figures.textContent(), { timeout: 30_000 })
      .toContain(`${period.year} 年 1–${period.month} 月`);
    expect(await figures.textContent()).toContain(`${time}%`);
    await screenshot(office, 'period-screen');
  }, 150_000);
});

describe('pages open where there is something to see', () => {
  it('an office with nothing to handle opens 问题诉求 on its first tab that holds problems', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const totals: Record<string, number> = {};
    for (const view of ['handling', 'raised', 'all']) {
      const page = await office.request.get(`${baseUrl}/api/problems?view=${view}&pageSize=1`);
      totals[view] = (await page.json()).page.total;
    }
    expect(totals.handling).toBe(0);
    const expected = totals.raised! > 0 ? `我提出的 (${totals.raised})` : `全部可见 (${totals.all})`;
    await office.goto(`${baseUrl}/problems`);
    const active = office.getByTestId('problems-views').locator('.ant-tabs-tab-active');
    await expect.poll(() => active.textContent(), { timeout: 15_000 }).toBe(expected);
    await office.getByTestId('problems-table').locator('tr.ant-table-row').first().waitFor();
    expect(await office.getByTestId('problems-views').textContent()).toContain('我承办的 (0)');
  }, 120_000);

  it('a county opens 考评赛马 on the latest quarter published to it, not an empty current quarter', async () => {
    const county = await signIn('jiaocheng', 'desktop', null);
    const period = await openOnPeriod(county, '/evaluation');
    const select = county.getByTestId('quarter-select');
    await select.waitFor({ timeout: 15_000 });
    const shown = (await select.textContent()) ?? '';
    expect(shown).toMatch(/^\d{4}Q[1-4]$/);
    // The demo publishes every ended quarter but the latest, which is only computed (the city sees it).
    expect(shown < period.quarter).toBe(true);
    await county.getByTestId('ranking-table').waitFor({ timeout: 15_000 });
    await screenshot(county, 'period-evaluation-county');
  }, 120_000);
});
