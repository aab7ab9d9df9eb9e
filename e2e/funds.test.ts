import type { FundOverview, ProjectFunds, ProjectListItem } from '@tuijin/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

/** A 资金台账 as an office sends it: the heading row, then one allocation or payment per row. */
async function fundSheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('资金台账');
  ws.addRow([
    '项目代码',
    '项目名称',
    '资金类型',
    '年度',
    '批次',
    '下达金额（万元）',
    '下达日期',
    '支付金额（万元）',
    '支付日期',
    '凭证/说明',
  ]);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('资金保障', () => {
  it('the city office records an application and a payment on a project and reads the funds page', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const year = new Date().getFullYear();
    const overview = (await (
      await office.request.get(`${baseUrl}/api/funds/overview?kind=specialBond&year=${year}`)
    ).json()) as FundOverview;
    const idle = overview.idle[0];
    expect(idle, 'the demo holds an idle special-bond allocation').toBeDefined();

    await office.goto(`${baseUrl}/projects/${idle!.projectId}?tab=funds`);
    const tab = office.getByTestId('project-funds');
    await tab.getByTestId('fund-allocation').first().waitFor({ timeout: 15_000 });
    // An application for next year, moved to 省级审核.
    await tab.getByRole('button', { name: /新增申报/ }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel('年度').fill(String(year + 1));
    await dialog.getByLabel('申请金额（万元）').fill('abc');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.getByText('金额应为不小于 0 的数字（万元），最多 4 位小数').waitFor({ timeout: 15_000 });
    await dialog.getByLabel('申请金额（万元）').fill('6000');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const applications = tab.getByTestId('fund-applications');
    await applications.getByText('谋划储备', { exact: true }).waitFor({ timeout: 15_000 });
    await applications.getByTestId('fund-move-provincialReview').click();
    await applications.getByText('省级审核', { exact: true }).waitFor({ timeout: 15_000 });
    // A payment on the idle allocation.
    const allocation = tab.getByTestId('fund-allocation').first();
    await allocation.getByRole('button', { name: /登记支付/ }).click();
    const pay = office.getByRole('dialog');
    await pay.getByLabel('支付金额（万元）').fill('100');
    await pay.getByRole('button', { name: /确\s*定|OK/ }).click();
    await allocation
      .getByTestId('fund-allocation-paid')
      .getByText(/已支付（万元）：100\.00$/)
      .waitFor({ timeout: 15_000 });
    await screenshot(office, 'project-funds-tab');

    const phone = await signIn('ningde', 'phone', null);
    await phone.goto(`${baseUrl}/projects/${idle!.projectId}?tab=funds`);
    await phone.getByTestId('fund-allocation').first().waitFor({ timeout: 15_000 });
    await screenshot(phone, 'project-funds-tab-phone');

    await office.goto(`${baseUrl}/funds`);
    await office
      .getByTestId('fund-card-start-rate')
      .getByText('专项债券项目开工率')
      .waitFor({ timeout: 15_000 });
    await office
      .getByTestId('fund-pipeline')
      .getByText(/专项债券：申报 \d+ 个，其中 \d+ 个通过省级审核/)
      .waitFor();
    await office.getByTestId('fund-idle').getByText(idle!.projectName).first().waitFor();
    await screenshot(office, 'funds-page');
  });

  it('the city office imports a 资金台账 from the funds page: a payment past the allocation is named, then the sheet is recorded', async () => {
    const office = await signIn('ningde', 'desktop', null);
    office.setDefaultTimeout(15_000);
    const list = (await (await office.request.get(`${baseUrl}/api/projects?pageSize=200`)).json()) as {
      data: ProjectListItem[];
    };
    const project = list.data.find((p) => p.code !== null);
    expect(project, 'the demo holds coded projects').toBeDefined();
    const issuedOn = daysAgo(30);
    const year = Number(issuedOn.slice(0, 4));
    const allocation = [
      project!.code,
      project!.name,
      '超长期特别国债',
      year,
      '导入测试批',
      200,
      issuedOn,
      null,
      null,
      '发改投资〔导入〕1号',
    ];
    const payment = (amount: number) => [
      project!.code,
      project!.name,
      '超长期特别国债',
      year,
      '导入测试批',
      null,
      null,
      amount,
      daysAgo(10),
      '进度款',
    ];

    await office.goto(`${baseUrl}/funds`);
    await office.getByTestId('fund-import-open').click();
    const drawer = office.getByTestId('fund-import');
    const upload = async (buffer: Buffer) =>
      drawer.getByTestId('fund-import-upload').locator('input[type="file"]').setInputFiles({
        name: '资金台账.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
    await upload(await fundSheet([allocation, payment(250)]));
    await drawer
      .getByTestId('fund-import-problems')
      .getByText(
        '第 3 行：H 列 支付后累计 250 万元，超过下达金额 200 万元（已支付 0 万元，尚可支付 200 万元）',
      )
      .waitFor();
    await expect.poll(() => drawer.getByTestId('fund-import-confirm').isDisabled()).toBe(true);

    await upload(await fundSheet([allocation, payment(150)]));
    await drawer
      .getByTestId('fund-import-summary')
      .getByText('资金下达新增 1 笔、已有 0 笔；资金支付新增 1 笔、已有 0 笔')
      .waitFor();
    await expect.poll(() => drawer.getByTestId('fund-import-preview').getByRole('row').count()).toBe(3);
    await screenshot(office, 'funds-import-preview');
    await drawer.getByTestId('fund-import-confirm').click();
    await drawer
      .getByTestId('fund-import-done')
      .getByText(/已导入：资金下达新增 1 笔/)
      .waitFor();

    const funds = (await (
      await office.request.get(`${baseUrl}/api/projects/${project!.id}/funds`)
    ).json()) as ProjectFunds;
    const imported = funds.allocations.find((a) => a.batch === '导入测试批');
    expect(imported).toMatchObject({
      kind: 'ultraLongTreasury',
      amountWanYuan: '200',
      issuedOn,
      documentNumber: '发改投资〔导入〕1号',
      paidWanYuan: '150',
    });
  });
});
