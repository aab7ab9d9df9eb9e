import type { EvaluationResults, WhatItTakes } from '@tuijin/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, freshPagePerTest, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let page: Page;
freshPagePerTest({ width: 1440, height: 900 }, (fresh) => {
  page = fresh.page;
});

/** The quarter the page opens on: the latest one that has ended (as the page decides). */
function lastEndedQuarter() {
  const now = new Date();
  const q = Math.floor(now.getMonth() / 3);
  return q === 0 ? `${now.getFullYear() - 1}Q4` : `${now.getFullYear()}Q${q}`;
}

/** The next results answer the page receives for a quarter. */
function nextResults(quarter: string): Promise<EvaluationResults> {
  return page
    .waitForResponse((response) => {
      const url = new URL(response.url());
      return (
        url.pathname.endsWith('/results') && url.searchParams.get('quarter') === quarter && response.ok()
      );
    })
    .then((response) => response.json() as Promise<EvaluationResults>);
}

async function pick(testId: string, title: string) {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

describe('evaluation (赛马)', () => {
  it('shows each region’s score broken into its inputs, the red and black lists, what it takes and the history', async () => {
    const quarter = lastEndedQuarter();
    await loginThroughPage(page, baseUrl, 'ningde');
    const first = nextResults(quarter);
    await page.getByRole('menuitem', { name: /考评赛马/ }).click();
    let results = await first;
    if (results.run === null) {
      // Early in a year the demo has no ended quarter of its own: compute this one first.
      const computed = nextResults(quarter);
      await page.getByRole('button', { name: /计算本季度/ }).click();
      results = await computed;
    }
    expect(results.run).not.toBeNull();
    expect(results.entries).toHaveLength(10);

    const table = page.getByTestId('ranking-table');
    for (const entry of results.entries)
      await table.getByRole('cell', { name: entry.name, exact: true }).waitFor();
    const top = results.entries[0]!;
    await table.locator('tr', { hasText: top.name }).first().locator('.ant-table-row-expand-icon').click();
    const breakdown = page.getByTestId(`breakdown-${top.code}`);
    const plan = top.indicators.find((i) => i.key === 'planCompletionRate')!;
    await breakdown
      .getByText(`本年累计完成 ${plan.numerator} 万元 ÷ 年度计划 ${plan.denominator} 万元`, { exact: true })
      .waitFor();
    await breakdown.getByRole('cell', { name: plan.points, exact: true }).waitFor();

    const red = results.entries.filter((e) => e.list === 'red');
    const black = results.entries.filter((e) => e.list === 'black');
    for (const e of red) await page.getByTestId('red-list').getByText(`${e.rank}. ${e.name}`).waitFor();
    for (const e of black) await page.getByTestId('black-list').getByText(`${e.rank}. ${e.name}`).waitFor();
    expect(await page.getByTestId('black-list').locator('.ant-list-item').count()).toBe(black.length);
    for (const e of results.entries.filter((x) => x.isSparedByExemption))
      await page.getByText(`${e.name}：免责：${e.exemptionReason}`).waitFor();

    const last = results.entries[results.entries.length - 1]!;
    await pick('what-if-entity', last.name);
    await pick('what-if-rank', '第 1 名');
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/what-it-takes'));
    await page.getByRole('button', { name: /测\s*算/ }).click();
    const need = (await (await answered).json()) as WhatItTakes;
    expect(Number(need.extraPoints)).toBeGreaterThan(0);
    await page
      .getByTestId('what-if-answer')
      .getByText(`要达到第 1 名需再得 ${need.extraPoints} 分`, { exact: false })
      .waitFor();

    await page.getByTestId('chart-history').locator('canvas').first().waitFor();
    await screenshot(page, 'evaluation-ranking');
  }, 120_000);

  it('keeps an exempted region off the black list once the office records the exemption and recomputes', async () => {
    const quarter = lastEndedQuarter();
    await loginThroughPage(page, baseUrl, 'ningde');
    const first = nextResults(quarter);
    await page.getByRole('menuitem', { name: /考评赛马/ }).click();
    const before = await first;
    expect(before.run?.status).toBe('computed');
    const blackListed = before.entries.find((e) => e.list === 'black');
    expect(blackListed).toBeDefined();
    await page.getByRole('tab', { name: '加减分与免责' }).click();
    await pick('adjust-entity', blackListed!.name);
    await pick('adjust-kind', '免责');
    await page.getByTestId('adjust-reason').fill('山体滑坡阻断施工便道（不可抗力）');
    await page.getByRole('button', { name: /录\s*入/ }).click();
    await page.getByRole('cell', { name: '山体滑坡阻断施工便道（不可抗力）' }).waitFor();
    const after = nextResults(quarter);
    await page.getByRole('button', { name: /计算本季度/ }).click();
    const recomputed = await after;
    const spared = recomputed.entries.find((e) => e.code === blackListed!.code)!;
    expect(spared).toMatchObject({ list: null, isSparedByExemption: true });
    await page.getByRole('tab', { name: '排名' }).click();
    await page
      .getByText(`${spared.name}：免责：山体滑坡阻断施工便道（不可抗力）`, { exact: false })
      .waitFor();
    expect(await page.getByTestId('black-list').getByText(spared.name).count()).toBe(0);
    await screenshot(page, 'evaluation-exemption');
  }, 120_000);

  it('publishes the quarter and then shows a county the ranking of the counties, and nothing unpublished', async () => {
    const quarter = lastEndedQuarter();
    await loginThroughPage(page, baseUrl, 'ningde');
    const opened = nextResults(quarter);
    await page.getByRole('menuitem', { name: /考评赛马/ }).click();
    await opened;
    await page.getByRole('button', { name: /发布本季度/ }).click();
    const republished = nextResults(quarter);
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    expect((await republished).run?.status).toBe('published');
    await page.getByText('已发布', { exact: true }).first().waitFor();
    await expect(page.getByRole('button', { name: /计算本季度/ }).isDisabled()).resolves.toBe(true);

    // Signed out (the session cookie gone), then in again as the county office.
    await page.context().clearCookies();
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await page.getByRole('menuitem', { name: /考评赛马/ }).waitFor();
    const seen = nextResults(quarter);
    await page.goto(`${baseUrl}/evaluation?quarter=${quarter}`);
    const county = await seen;
    expect(county.entries).toHaveLength(10);
    await page.getByTestId('ranking-table').getByRole('cell', { name: '福鼎市', exact: true }).waitFor();
    expect(await page.getByRole('tab', { name: '加减分与免责' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /计算本季度/ }).count()).toBe(0);
    await screenshot(page, 'evaluation-county');

    const next = `${Number(quarter.slice(0, 4)) + 1}Q1`;
    const unpublished = nextResults(next);
    await page.goto(`${baseUrl}/evaluation?quarter=${next}`);
    expect((await unpublished).run).toBeNull();
    await page.getByText('本季度结果尚未发布。').waitFor();
  }, 120_000);
});
