import type { PromotionLeadList, PromotionOverview } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

describe('招商引资', () => {
  it('the city office reads the funnel, the conversion and a lead, and moves it on', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const year = new Date().getFullYear();
    const overview = (await (
      await office.request.get(`${baseUrl}/api/promotion/overview?year=${year}`)
    ).json()) as PromotionOverview;
    expect(overview.funnel.map((row) => row.name)).toEqual(['洽谈', '签约', '注册', '开工', '投产', '达产']);
    expect(overview.conversion.signed, 'the demo signs leads this year').toBeGreaterThan(0);
    const list = (await (
      await office.request.get(`${baseUrl}/api/promotion/leads?year=${year}&stage=signed&dropped=false`)
    ).json()) as PromotionLeadList;
    const signed = list.data.find((lead) => lead.project === null);
    expect(signed, 'a signed lead not yet in the library').toBeDefined();

    await office.goto(`${baseUrl}/promotion`);
    const conversion = office.getByTestId('promotion-card-conversion');
    await conversion.getByText('签约转开工率').waitFor({ timeout: 15_000 });
    await conversion.getByText(`${overview.conversion.percent}%`).waitFor();
    await conversion
      .getByText(`期间签约 ${overview.conversion.signed} 个，已开工 ${overview.conversion.started} 个`)
      .waitFor();
    await office.getByTestId('promotion-funnel').locator('canvas').waitFor();
    await office.getByTestId('promotion-regions').getByText('福安市').waitFor();
    await office.getByTestId('promotion-dwell').getByText('洽谈').waitFor();
    await screenshot(office, 'promotion-funnel');

    // The list filtered to broken promises only shows leads carrying an overdue tag.
    await office.getByTestId('promotion-filter-overdue').click();
    const leads = office.getByTestId('promotion-leads');
    // As many rows as the overview counts broken promises, each carrying a red tag.
    await expect
      .poll(
        async () => {
          const rows = await leads.locator('tbody tr.ant-table-row').count();
          const tagged = await leads
            .locator('tbody tr.ant-table-row', { has: office.locator('.ant-tag-red') })
            .count();
          return rows === Math.min(20, overview.totals.overdue) && rows === tagged;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await office.getByTestId('promotion-filter-overdue').click();

    // Open the signed lead from its address and move it on to 注册 today.
    await office.goto(`${baseUrl}/promotion?lead=${signed!.id}`);
    const drawer = office.getByTestId('promotion-lead-drawer');
    await drawer.getByText(signed!.investorName).waitFor({ timeout: 15_000 });
    await drawer.getByText('阶段历程').waitFor();
    await drawer.getByTestId('promotion-move-stage').click();
    await office.locator('.ant-select-dropdown').getByText('注册', { exact: true }).click();
    await drawer.getByRole('button', { name: /变更阶段/ }).click();
    await drawer.locator('.ant-steps-item-title', { hasText: '注册' }).waitFor({ timeout: 15_000 });
    await screenshot(office, 'promotion-lead-drawer');
  });
});
