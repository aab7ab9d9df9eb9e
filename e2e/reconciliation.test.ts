import type { Reconciliation } from '@tuijin/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('入统');
  ws.addRow(['项目代码', '项目名称', '本年累计完成投资（万元）']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('三数比对', () => {
  it('shows the city office the demo’s gaps for the reporting month, and names a wrong row of a sheet', async () => {
    const office = await signIn('ningde', 'desktop', null);
    office.setDefaultTimeout(15_000);
    const view = (await (await office.request.get(`${baseUrl}/api/reconciliation`)).json()) as Reconciliation;
    expect(view.imports.length, 'the demo imported the reporting month’s statistics').toBeGreaterThan(0);
    const flagged = view.rows.find((r) => r.flags.includes('reportedVsStatistics'));
    expect(flagged, 'the demo holds a gap beyond the threshold').toBeDefined();

    await office.goto(`${baseUrl}/reconciliation`);
    const page = office.getByTestId('reconciliation');
    await page
      .getByTestId('reconciliation-imports')
      .getByText(/已导入 宁德市/)
      .waitFor({ timeout: 15_000 });
    // The month picker shows the reporting month the server chose.
    const month = `${view.year}-${String(view.month).padStart(2, '0')}`;
    await expect
      .poll(() =>
        page
          .locator('input[data-testid="reconciliation-month"], [data-testid="reconciliation-month"] input')
          .inputValue(),
      )
      .toBe(month);
    const row = page
      .getByTestId('reconciliation-table')
      .getByRole('row', { name: new RegExp(flagged!.projectName) });
    await row.getByText('自报与入统差异超限').waitFor({ timeout: 10_000 });
    await expect.poll(() => row.textContent()).toContain(`${flagged!.gapPercent}%`);
    await page.getByTestId('reconciliation-flagged-only').click();
    await expect
      .poll(async () => page.getByTestId('reconciliation-table').getByText('一致', { exact: true }).count())
      .toBe(0);
    await screenshot(office, 'reconciliation');

    // A sheet with one code the library does not hold: the row is named and nothing is imported.
    await page.getByTestId('statistics-import-open').click();
    const drawer = office.getByTestId('statistics-import');
    await drawer
      .getByTestId('statistics-import-upload')
      .locator('input[type="file"]')
      .setInputFiles({
        name: '入统数据.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await sheet([
          [flagged!.projectCode ?? '', flagged!.projectName, flagged!.reportedWanYuan],
          ['NO-SUCH-CODE-1', '不存在的项目', 10],
        ]),
      });
    await drawer
      .getByTestId('statistics-import-problems')
      .getByText('第 3 行：项目代码 NO-SUCH-CODE-1（不存在的项目） 不在项目库中')
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => drawer.getByTestId('statistics-import-confirm').isDisabled()).toBe(true);
    await screenshot(office, 'reconciliation-import-refused');
  });
});
