import type { ProjectReportYear } from '@tuijin/contracts';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);
const slow = { timeout: 120_000 };

/**
 * A city office's progress workbook: 蕉城区 for 2026年1-11月 (only 1-11月完成, a 合计 stating one
 * project too many), an older sheet titled 1-7月份 without a year, and 2026年1-10月 naming a
 * project whose owner already reported October.
 */
async function progressWorkbook(november: string[], july: string, reported: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const dated = book.addWorksheet('蕉城区');
  dated.addRow(['2026年1-11月蕉城区重点项目进展情况']);
  dated.addRow(['单位：万元']);
  dated.addRow(['序号', '项目名称', '1-11月完成', '形象进度']);
  dated.addRow([`合计（${november.length + 1}个）`, null, null, null]);
  november.forEach((name, i) => {
    dated.addRow([i + 1, name, 8_888_888 + i, '主体施工']);
  });
  const undated = book.addWorksheet('七月');
  undated.addRow(['蕉城区重点项目1-7月份进展情况']);
  undated.addRow(['项目名称', '7月完成', '1-7月完成', '形象进度']);
  undated.addRow([july, 321.5, 1200, '桩基施工']);
  const october = book.addWorksheet('十月');
  october.addRow(['2026年1-10月重点项目进展']);
  october.addRow(['项目名称', '10月完成', '形象进度']);
  october.addRow([reported, 12_345.6, '主体施工']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function reportOf(page: Page, projectId: string, year: number, month: number) {
  const response = await page.request.get(`${baseUrl}/api/projects/${projectId}/reports?year=${year}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as ProjectReportYear;
  return body.months.find((m) => m.month === month)?.report ?? null;
}

describe('progress-sheet import (导入进度表（月报）)', () => {
  let projects: { id: string; name: string }[] = [];
  let reported: { id: string; name: string; completedWanYuan: string } | null = null;
  let page: Page;
  beforeAll(async () => {
    page = await signIn('jiaocheng', 'desktop', null);
    const response = await page.request.get(`${baseUrl}/api/projects?region=350902&pageSize=50`);
    expect(response.status()).toBe(200);
    projects = ((await response.json()) as { data: { id: string; name: string }[] }).data
      .map((p) => ({ id: p.id, name: p.name }))
      .slice(0, 12);
    for (const project of projects.slice(3)) {
      const october = await reportOf(page, project.id, 2026, 10);
      if (october) {
        reported = { ...project, completedWanYuan: october.completedWanYuan };
        break;
      }
    }
    projects = projects.slice(0, 3);
    expect(projects).toHaveLength(3);
    expect(reported).not.toBeNull();
  }, 180_000);

  it('previews each sheet, asks the missing year, imports and writes the reports', async () => {
    const [first, second, third] = projects as [
      (typeof projects)[number],
      (typeof projects)[number],
      (typeof projects)[number],
    ];
    const october = reported!;
    const workbook = await progressWorkbook([first.name, second.name], third.name, october.name);
    await page.goto(`${baseUrl}/ledger`, slow);
    const card = page.getByTestId('ledger-reports');
    await card.waitFor(slow);
    await card.scrollIntoViewIfNeeded();
    await card.getByTestId('ledger-reports-upload').locator('input[type="file"]').setInputFiles({
      name: '全区进展.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    });

    const sheets = card.getByTestId('ledger-reports-sheets');
    await sheets.waitFor(slow);
    const row = (sheet: string) => sheets.locator(`tr[data-sheet="${sheet}"]`);
    expect(await row('蕉城区').getByTestId('ledger-reports-period').textContent()).toBe('2026年1-11月');
    expect(await row('蕉城区').getByTestId('ledger-reports-sheet-status').textContent()).toBe('已识别');
    expect(await row('七月').getByTestId('ledger-reports-period').textContent()).toBe('1-7月（缺年份）');
    expect(await row('七月').getByTestId('ledger-reports-sheet-status').textContent()).toBe('缺年份');
    expect(await card.getByTestId('ledger-reports-needs-year').textContent()).toContain(
      '1 张表的标题没有写年份',
    );
    // Only the dated sheet's rows are planned; the confirm waits for the missing year.
    expect(await card.getByTestId('ledger-reports-name').allTextContents()).toEqual([
      first.name,
      second.name,
      october.name,
    ]);
    await card.getByRole('tab', { name: /提示与核对/ }).click();
    expect((await card.getByTestId('ledger-reports-problem').allTextContents()).join('\n')).toContain(
      '写明 3 个项目，下列明细实有 2 个',
    );
    await card.getByRole('tab', { name: /将写入的月报/ }).click();

    await row('七月').locator('input').fill('2025');
    await card.getByTestId('ledger-reports-recheck').click();
    await expect
      .poll(async () => row('七月').getByTestId('ledger-reports-sheet-status').textContent(), slow)
      .toBe('已识别');
    expect(await row('七月').getByTestId('ledger-reports-period').textContent()).toBe('2025年1-7月');
    expect(await card.getByTestId('ledger-reports-name').allTextContents()).toEqual([
      first.name,
      second.name,
      third.name,
      october.name,
    ]);
    const actions = await card.getByTestId('ledger-reports-action').allTextContents();
    await screenshot(page, 'ledger-reports-preview');
    // The July 2025 report is new; November 2026 keeps any report the owner already filed.
    expect(actions[2]).toBe('新建');
    // October 2026 is already reported with another figure: kept, both amounts shown, warned.
    expect(actions[3]).toBe('保留已有');
    const keptRow = card.getByTestId('ledger-reports-actions').locator('tbody tr.ant-table-row').nth(3);
    expect(await keptRow.textContent()).toContain('12,345.6');
    const existing = await keptRow.getByTestId('ledger-reports-existing').textContent();
    expect(existing?.replaceAll(',', '')).toContain(october.completedWanYuan);
    for (const action of actions.slice(0, 2)) expect(['新建', '保留已有']).toContain(action);

    await card.getByTestId('ledger-reports-confirm').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确认导入/ })
      .click();
    const counts = card.getByTestId('ledger-reports-imported-counts');
    await counts.waitFor(slow);
    const created = actions.filter((a) => a === '新建').length;
    expect(await counts.textContent()).toContain(`新建月报 ${created} 份`);
    await screenshot(page, 'ledger-reports-imported');

    const july = await reportOf(page, third.id, 2025, 7);
    expect(july).toMatchObject({ status: 'approved', completedWanYuan: '321.5' });
    for (const [i, project] of [first, second].entries()) {
      const november = await reportOf(page, project.id, 2026, 11);
      expect(november).not.toBeNull();
      if (actions[i] === '新建') expect(november?.status).toBe('approved');
    }

    // Imported once: the same file again writes nothing new.
    await card.getByTestId('ledger-reports-again').click();
    await card
      .getByTestId('ledger-reports-upload')
      .locator('input[type="file"]')
      .setInputFiles({ name: '全区进展.xlsx', mimeType: 'application/octet-stream', buffer: workbook });
    await sheets.waitFor(slow);
    await row('七月').locator('input').fill('2025');
    await card.getByTestId('ledger-reports-recheck').click();
    await expect
      .poll(async () => (await card.getByTestId('ledger-reports-action').allTextContents())[2], slow)
      .toBe('无变化');
  }, 300_000);

  it('is not offered to a project owner', async () => {
    const owner = await signIn('owner1', 'desktop', null);
    await owner.goto(`${baseUrl}/ledger`, slow);
    await owner.waitForTimeout(1500);
    expect(await owner.getByTestId('ledger-reports').count()).toBe(0);
  }, 120_000);
});
