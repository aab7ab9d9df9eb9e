import type { FundOverview } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

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
});
