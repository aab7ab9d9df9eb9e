import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLedger } from '../apps/server/src/modules/ledger/parse-ledger';
import { e2eServer, inChina, launchChromium, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({
    ...inChina,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
});
afterAll(async () => browser?.close());

describe('monthly ledger export', () => {
  it('lets the county office pick a month and download its ledger in the office sheet form', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await page.getByRole('menuitem', { name: /台账导入/ }).click();
    await page.waitForURL(/\/ledger$/);
    const card = page.getByTestId('monthly-ledger-export');
    await card.getByText('只统计已审核的月报').waitFor();

    await page.getByTestId('monthly-ledger-month').click();
    await page.locator('.ant-select-item-option[title="9 月"]').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('monthly-ledger-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^\d{4}年9月重点项目台账-蕉城区\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(String(workbook.worksheets[0]!.getCell('A1').value)).toMatch(
      /^\d{4}年宁德市蕉城区重点项目建设情况表（截至9月）$/,
    );
    await screenshot(page, 'ledger-export');
    const parsed = await parseLedger(bytes);
    expect(parsed.problems).toEqual([]);
  });
});
