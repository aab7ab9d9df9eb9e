import type { CampaignOverview, ProjectListItem } from '@tuijin/contracts';
import { addDecimals } from '@tuijin/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

/** Today in China (what the page's year and the date picker default to). */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

const overviewOf = async (page: Page, year: number) =>
  (await (await page.request.get(`${baseUrl}/api/campaigns?year=${year}`)).json()) as CampaignOverview;

/** Picks a project in the event form's row `i` by typing its name. */
async function pickProject(page: Page, i: number, name: string) {
  await page.getByRole('combobox', { name: `项目 ${i}` }).click();
  await page.keyboard.type(name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: name })
    .first()
    .click();
}

describe('攻坚行动与集中开竣工', () => {
  it('the city office holds a ceremony with two projects and reads its totals and marks', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const day = today();
    const year = Number(day.slice(0, 4));
    const before = await overviewOf(office, year);
    // The demo on today's date: a campaign for every quarter begun, each ceremony on a day projects started.
    expect(before.campaigns.map((c) => c.name)).toContain('开门红');
    expect(before.yearFigures.events).toBeGreaterThan(0);

    const list = (await (
      await office.request.get(`${baseUrl}/api/projects?stage=started&pageSize=5&sort=name&order=asc`)
    ).json()) as { data: ProjectListItem[] };
    const [first, second] = list.data;
    expect(second, 'the demo has started projects').toBeDefined();

    await office.goto(`${baseUrl}/events`);
    await office.getByTestId('campaign-开门红').waitFor({ timeout: 15_000 });
    await office.getByRole('button', { name: /新建活动/ }).click();
    const drawer = office.getByRole('dialog');
    await drawer.getByLabel('活动名称').fill('宁德市冬季重点项目集中开工活动（测试）');
    await drawer.getByLabel('活动日期').click();
    await office.locator(`.ant-picker-dropdown:visible .ant-picker-cell[title="${day}"]`).click();
    await drawer.getByLabel('主会场').fill('东侨经济技术开发区');
    await drawer.getByRole('button', { name: /添加项目/ }).click();
    await pickProject(office, 1, first!.name);
    await drawer.getByRole('button', { name: /添加项目/ }).click();
    await pickProject(office, 2, second!.name);
    // A mistyped amount is refused where it was typed; then the second brings 5000 万元.
    await drawer.getByLabel('投资额（万元） 2').fill('五千');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await office
      .getByText(/金额应为不小于 0 的数字/)
      .first()
      .waitFor({ timeout: 15_000 });
    await drawer.getByLabel('投资额（万元） 2').fill('5000');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();

    const standalone = office.getByTestId('events-standalone');
    await standalone.getByText('宁德市冬季重点项目集中开工活动（测试）').waitFor({ timeout: 15_000 });
    const after = await overviewOf(office, year);
    const expected = addDecimals([first!.totalInvestmentWanYuan, '5000']);
    expect(after.yearFigures.events).toBe(before.yearFigures.events + 1);
    expect(after.yearFigures.projects).toBe(before.yearFigures.projects + 2);
    expect(after.yearFigures.investmentWanYuan).toBe(
      addDecimals([before.yearFigures.investmentWanYuan, expected]),
    );
    await office
      .getByTestId('events-year-investment')
      .getByText(after.yearFigures.investmentYiYuan)
      .waitFor({ timeout: 15_000 });
    await screenshot(office, 'events-page');

    await standalone.getByRole('button', { name: '宁德市冬季重点项目集中开工活动（测试）' }).click();
    const event = office.getByTestId('event-drawer');
    await event
      .getByTestId('event-summary')
      .getByText(/^2 个项目（开工 2，竣工 0）/)
      .waitFor({ timeout: 15_000 });
    // Both are started projects: each marked 已开工 with its date.
    await expect.poll(() => event.getByText(/^已开工（\d{4}-\d{2}-\d{2}）$/).count()).toBe(2);
    await screenshot(office, 'event-drawer');

    // The project page lists the ceremony on its 活动 tab.
    await office.goto(`${baseUrl}/projects/${second!.id}?tab=events`);
    await office
      .getByTestId('project-events')
      .getByText('宁德市冬季重点项目集中开工活动（测试）')
      .waitFor({ timeout: 15_000 });
    await screenshot(office, 'project-events-tab');
  });
});
