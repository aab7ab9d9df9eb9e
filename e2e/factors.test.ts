import type { FactorBoard, FactorQuotaView } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

/** A China date `days` from today (the browser and the server both run on the real date). */
function chinaDay(days: number): string {
  const now = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return now.toISOString().slice(0, 10);
}

const ok = /确\s*定|OK/;

describe('要素保障', () => {
  it('the city office adds an overdue energy demand, raises it as a problem and reads the board and quotas', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const board = (await (await office.request.get(`${baseUrl}/api/factors/board`)).json()) as FactorBoard;
    expect(board.totals.total, 'the demo holds factor demands').toBeGreaterThan(20);
    const linked = board.demands.find((d) => d.problem !== null);
    expect(linked, 'the demo raised one demand as a problem').toBeDefined();
    const projectId = linked!.projectId;

    await office.goto(`${baseUrl}/projects/${projectId}?tab=factors`);
    const tab = office.getByTestId('project-factors');
    await tab.getByTestId('demand-problem').first().waitFor({ timeout: 15_000 });
    await tab.getByTestId('demand-add').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel('要素类型').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option[title="用能"]').click();
    await dialog.getByLabel('能耗需求（吨标准煤）').fill('abc');
    await dialog.getByLabel('责任部门').fill('发展和改革');
    await office
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="宁德市发展和改革委员会"]')
      .click();
    const neededBy = dialog.getByLabel('需求时间');
    await neededBy.click();
    await neededBy.fill(chinaDay(-3));
    await neededBy.press('Enter');
    await dialog.getByRole('button', { name: ok }).click();
    await dialog.getByText('数量应为不小于 0 的数字，最多 4 位小数').waitFor({ timeout: 15_000 });
    await dialog.getByLabel('能耗需求（吨标准煤）').fill('3600');
    await dialog.getByLabel('煤炭消费（吨）').fill('1800');
    await dialog.getByRole('button', { name: ok }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    const row = tab.getByRole('row', { name: /3600 吨标准煤/ });
    await row.getByText('逾期 3 天').waitFor({ timeout: 15_000 });
    // Past its date and not met: one click raises it as a problem, linked on the demand.
    await row.getByTestId('demand-raise-problem').click();
    await office.locator('.ant-popconfirm:visible').getByRole('button', { name: ok }).click();
    await row
      .getByTestId('demand-problem')
      .getByText(/问题 WT-/)
      .waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('demand-raise-problem').count()).toBe(0);
    await screenshot(office, 'project-factors-tab');

    await office.goto(`${baseUrl}/factors`);
    const page = office.getByTestId('factor-board');
    await page.getByText('分类型').waitFor({ timeout: 15_000 });
    await page
      .getByTestId('board-total')
      .getByText(String(board.totals.total + 1))
      .waitFor({ timeout: 15_000 });
    await page
      .getByTestId('board-overdue')
      .getByText(/逾期 \d+ 天/)
      .first()
      .waitFor();
    await screenshot(office, 'factors-board');

    const year = Number(chinaDay(0).slice(0, 4));
    const quotas = (await (
      await office.request.get(`${baseUrl}/api/factors/quotas?year=${year}`)
    ).json()) as FactorQuotaView;
    const land = quotas.kinds.find((k) => k.kind === 'land')!;
    expect(land.amount).toBe('2600');
    await office.getByRole('tab', { name: '要素跟着项目走' }).click();
    const view = office.getByTestId('quota-view');
    await view
      .getByTestId('quota-land-unstartedShare')
      .getByText(land.unstarted)
      .waitFor({ timeout: 15_000 });
    await view.getByText('未开工项目占用').first().waitFor();
    await screenshot(office, 'factors-quotas');
  });
});
