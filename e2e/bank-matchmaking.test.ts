import type { BankFollowUp, BankMatchmakingOverview } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();

/** An exact 万元 string as the tables print it: thousands grouped, two decimals ("611200" → "611,200.00"). */
const grouped = (wan: string) => {
  const [whole, fraction = ''] = wan.split('.');
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${(`${fraction}00`).slice(0, 2)}`;
};
const signIn = signedInPages(baseUrl);

describe('政银企对接', () => {
  it('the city office reads the year figures, opens a meeting, follows up a pair and exports the push list', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const year = new Date().getFullYear();
    const overview = (await (
      await office.request.get(`${baseUrl}/api/bank-matchmaking/overview?year=${year}`)
    ).json()) as BankMatchmakingOverview;
    expect(overview.totals.events, 'the demo holds the year’s meetings').toBeGreaterThanOrEqual(3);
    const event = overview.events[0]!;

    await office.goto(`${baseUrl}/bank-matchmaking`);
    await office
      .getByTestId('bank-year-events')
      .getByText(String(overview.totals.events), { exact: true })
      .waitFor({ timeout: 15_000 });
    await office
      .getByTestId('bank-year-credit')
      .getByText(`合 ${grouped(overview.totals.creditSignedWanYuan)} 万元`)
      .waitFor();
    await office.getByTestId('bank-regions').getByText('蕉城区').first().waitFor();
    await screenshot(office, 'bank-matchmaking-page');

    // The meeting's drawer: its projects × banks.
    await office.getByTestId(`bank-event-${event.title}`).click();
    const drawer = office.getByTestId('bank-event-drawer');
    await drawer
      .getByTestId('bank-event-summary')
      .getByText(new RegExp(`^推送项目 ${event.projectsPushed} 个`))
      .waitFor({ timeout: 15_000 });
    await screenshot(office, 'bank-matchmaking-event');
    await office.keyboard.press('Escape');

    // The banks dialog lists the city's banks.
    await office.getByTestId('open-banks').click();
    await office
      .getByTestId('banks-dialog')
      .getByText('中国农业发展银行宁德市分行')
      .waitFor({ timeout: 15_000 });
    await office.keyboard.press('Escape');

    // A pair still 已推送 is taken up (对接中) on its project's 资金 tab; 已放款 cannot be skipped to.
    const pushed = (await (
      await office.request.get(`${baseUrl}/api/bank-matchmaking/follow-ups?status=pushed`)
    ).json()) as { data: BankFollowUp[] };
    const pair = pushed.data.find((f) => f.canManage)!;
    expect(pair.moves).not.toContain('disbursed');
    await office.goto(`${baseUrl}/projects/${pair.projectId}?tab=funds`);
    const card = office.getByTestId('project-bank-follow-ups');
    await card.getByTestId(`follow-up-${pair.projectName}-${pair.bankName}`).click({ timeout: 15_000 });
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel('状态').click();
    await office
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="已放款"]')
      .waitFor({ state: 'detached' });
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option[title="对接中"]').click();
    await dialog.getByLabel('下一步').fill('银行开展贷前调查');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const row = card.locator('tr', { hasText: pair.bankName });
    await row.getByText('对接中', { exact: true }).waitFor({ timeout: 15_000 });
    await row.getByText('银行开展贷前调查').waitFor();
    await screenshot(office, 'project-bank-follow-ups');

    const file = await office.request.get(`${baseUrl}/api/bank-matchmaking/push-list.xlsx?year=${year}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(file.headers()['content-disposition']!)).toContain('政银企对接推送项目清单');
  });
});
