import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messyLedgerExpected } from '../apps/server/src/modules/ledger/messy-ledger.fixture';
import { e2eServer, freshPagePerTest, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let page: Page;

freshPagePerTest({ width: 1366, height: 900 }, (fresh) => {
  ({ page } = fresh);
});

/** Opens an antd select by its test id and picks the option with that title. */
async function pick(testId: string, title: string, scope: Page | ReturnType<Page['getByRole']> = page) {
  await scope.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

const save = (dialog: ReturnType<Page['getByRole']>) =>
  dialog.getByRole('button', { name: /保\s*存/ }).click();

describe('annual plans', () => {
  it('lets the county office draw up, edit, freeze and adjust a plan, showing baseline against adjusted', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await page.getByRole('menuitem', { name: /年度计划/ }).waitFor();
    // A demo project under way: not one the ledger browser test may have imported before this file.
    const imported = new Set(messyLedgerExpected.map((row) => row.name));
    const projects = await (
      await page.request.get(`${baseUrl}/api/projects?pageSize=50&stage=underway`)
    ).json();
    const project = (projects.data as { id: string; name: string }[]).find((p) => !imported.has(p.name))!;
    const year = new Date().getFullYear() + 1;
    await page.goto(`${baseUrl}/projects/${project.id}?tab=plans`);
    await page.getByTestId('project-plans').waitFor();
    await pick('plan-year', `${year} 年`);
    await page.getByText(`${year} 年尚无年度计划`).waitFor();

    await page.getByRole('button', { name: `编制 ${year} 年计划` }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('plan-planned').fill('1200');
    await dialog.getByRole('checkbox').first().check();
    await pick('plan-startMonth', '3 月', dialog);
    await dialog.getByText('按季', { exact: true }).click();
    for (const index of [0, 1, 2, 3]) await dialog.getByTestId(`plan-split-${index}`).fill('300');
    await dialog.getByText('分解合计 1,200 万元').waitFor();
    await save(dialog);
    // Saved: the dialog closes and the plan shows as a draft (the 年度计划已保存 toast lasts only 3 s,
    // too short to count on under load).
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('plan-status').getByText('草稿').waitFor();

    await page.getByRole('button', { name: /编辑计划/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('plan-planned').fill('1500');
    await dialog.getByText('应等于年度计划投资 1,500 万元').waitFor();
    await dialog.getByTestId('plan-split-3').fill('600');
    await save(dialog);
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /冻结为基准/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('已冻结 1 个计划').waitFor();
    await page.getByTestId('plan-status').getByText('已冻结').waitFor();
    await expect(page.getByRole('button', { name: /编辑计划/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: /年中调整/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('plan-planned').fill('1000');
    await dialog.getByTestId('plan-split-3').fill('100');
    await save(dialog);
    await dialog.getByText('必填').waitFor();
    await dialog.getByTestId('plan-reason').fill('征地拆迁进度滞后，四季度投资调减');
    await save(dialog);
    await page.getByText('年中调整已记录').waitFor();

    const planned = page.getByTestId('plan-comparison').getByRole('row').filter({ hasText: '年度计划投资' });
    // Adjusted first (the table refreshes after the save), then the baseline beside it.
    await planned.getByText('1,000.00', { exact: true }).waitFor();
    await planned.getByText('1,500.00', { exact: true }).waitFor();
    const history = page.getByTestId('plan-adjustments');
    await history.getByText('征地拆迁进度滞后，四季度投资调减').waitFor();
    await history.getByText('年度计划投资（万元）：1,500 → 1,000').waitFor();
    await screenshot(page, 'project-plan');
  });

  it('lists the city’s plans of the year with totals and exports them', async () => {
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.getByRole('menuitem', { name: /年度计划/ }).click();
    await page.getByTestId('plans-table').waitFor();
    const count = page.getByTestId('plans-total-count');
    await count.waitFor();
    await expect(count.textContent()).resolves.toMatch(/合计 \d+ 个项目/);
    const year = new Date().getFullYear();
    const api = await (await page.request.get(`${baseUrl}/api/annual-plans?year=${year}&pageSize=1`)).json();
    await expect(count.textContent()).resolves.toBe(`合计 ${api.totals.count} 个项目`);
    await screenshot(page, 'annual-plans');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /导出 Excel/ }).click();
    expect((await download).suggestedFilename()).toBe(`${year}年度计划.xlsx`);
  });
});
