import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMessyLedger } from '../apps/server/src/modules/ledger/messy-ledger.fixture';
import { e2eServer, inChina, launchChromium, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fileDir: string;
let messyLedger: string;
let textAsXlsx: string;

beforeAll(async () => {
  browser = await launchChromium();
  fileDir = mkdtempSync(join(tmpdir(), 'tuijin-ledger-'));
  messyLedger = join(fileDir, '蕉城区台账.xlsx');
  writeFileSync(messyLedger, await buildMessyLedger());
  textAsXlsx = join(fileDir, '项目清单.xlsx');
  writeFileSync(textAsXlsx, '项目名称,总投资\n某项目,100\n');
});
afterAll(async () => {
  await browser?.close();
  rmSync(fileDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({
    ...inChina,
    viewport: { width: 1366, height: 800 },
  });
  page = await context.newPage();
});

const uploadInput = () => page.getByTestId('ledger-upload').locator('input[type="file"]');

describe('ledger check', () => {
  it('previews a messy ledger for jiaocheng and shows the server’s refusal of a fake .xlsx', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await page.getByRole('menuitem', { name: /台账导入/ }).click();
    await page.waitForURL(/\/ledger$/);
    await page.getByText('预检不会写入任何数据').waitFor();

    await uploadInput().setInputFiles(messyLedger);
    const recordsCount = page.getByTestId('ledger-records-count');
    await recordsCount.waitFor();
    expect(await recordsCount.textContent()).toBe('5');
    await page.getByRole('tab', { name: /^项目（/ }).click();
    const firstRow = page.getByTestId('ledger-records-table').locator('tbody tr.ant-table-row').first();
    expect(await firstRow.getByTestId('ledger-record-name').textContent()).toBe('时代新能源锂电池扩产项目');
    expect(await firstRow.getByTestId('ledger-provincial').textContent()).toBe('省重点');

    await page.getByRole('tab', { name: /问题/ }).click();
    const warningOnRow11 = page
      .getByTestId('ledger-problems-table')
      .locator('tbody tr.ant-table-row')
      .filter({ has: page.getByTestId('ledger-problem-row').getByText('11', { exact: true }) })
      .filter({ has: page.getByTestId('ledger-problem-severity').getByText('提示', { exact: true }) });
    await warningOnRow11.first().waitFor();
    await screenshot(page, 'ledger-preview');

    await uploadInput().setInputFiles(textAsXlsx);
    const refusal = page.getByTestId('ledger-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('不是 Excel .xlsx 文件');
    expect(await page.getByTestId('ledger-result').count()).toBe(0);
  });

  it('imports the messy ledger for jiaocheng, shows the projects in the library, then finds nothing to change', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await page.getByRole('menuitem', { name: /台账导入/ }).click();
    await page.waitForURL(/\/ledger$/);
    await uploadInput().setInputFiles(messyLedger);
    await page.getByTestId('ledger-plan').waitFor();
    expect(await page.getByTestId('ledger-plan').textContent()).toContain('新建 5 个项目');
    const actions = page.getByTestId('ledger-actions-table').getByTestId('ledger-action');
    expect(await actions.allTextContents()).toEqual(Array(5).fill('新建'));
    // the title says 2025年: the four rows with 年度计划投资 become 2025 draft plans
    expect(await page.getByTestId('ledger-plan-figures').textContent()).toContain(
      '年度计划投资写入 2025 年度计划草稿：新建 4 个',
    );
    await screenshot(page, 'ledger-import-preview');

    await page.getByTestId('ledger-confirm').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确认导入/ })
      .click();
    const counts = page.getByTestId('ledger-imported-counts');
    await counts.waitFor();
    expect(await counts.textContent()).toContain('新建 5 个项目，更新 0 个，无变化 0 个');
    expect(await page.getByTestId('ledger-imported-plans').textContent()).toBe(
      '2025 年度计划草稿：新建 4 个，更新 0 个，未修改 0 个。',
    );
    await screenshot(page, 'ledger-imported');

    await page.getByTestId('ledger-to-projects').click();
    await page.waitForURL(/\/projects/);
    const search = page.getByPlaceholder(/拼音首字母/);
    await search.fill('国道改线工程');
    await search.press('Enter');
    await expect
      .poll(async () => page.getByTestId('project-link').allTextContents())
      .toContain('国道改线工程');

    await page.goto(`${baseUrl}/ledger`);
    await uploadInput().setInputFiles(messyLedger);
    await page.getByTestId('ledger-plan').waitFor();
    expect(await page.getByTestId('ledger-plan').textContent()).toContain(
      '新建 0 个项目、更新 0 个，5 个无变化',
    );
    expect(await actions.allTextContents()).toEqual(Array(5).fill('无变化'));
    expect(await page.getByTestId('ledger-plan-figures').textContent()).toContain('新建 0 个，更新 0 个');
  });

  it('does not offer the ledger import to a project owner', async () => {
    await loginThroughPage(page, baseUrl, 'owner1');
    await page.getByRole('menuitem', { name: /项目库/ }).waitFor();
    await expect(page.getByRole('menuitem', { name: /台账导入/ }).count()).resolves.toBe(0);
  });
});
