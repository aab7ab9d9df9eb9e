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
  it('links a signed lead to a project already in the library instead of creating one', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const year = new Date().getFullYear();
    const list = (await (
      await office.request.get(`${baseUrl}/api/promotion/leads?year=${year}&stage=signed&dropped=false`)
    ).json()) as PromotionLeadList;
    const lead = list.data.filter((l) => l.project === null).at(-1);
    expect(lead, 'a signed lead not yet in the library').toBeDefined();
    const projects = (await (
      await office.request.get(`${baseUrl}/api/projects?region=${lead!.regionCode}&pageSize=50`)
    ).json()) as { data: { id: string; name: string; regionCode: string }[] };
    let target: { id: string; name: string } | undefined;
    for (const p of projects.data.filter((p) => p.regionCode === lead!.regionCode)) {
      const linked = await (
        await office.request.get(`${baseUrl}/api/projects/${p.id}/promotion-lead`)
      ).json();
      if (!linked?.lead) {
        target = p;
        break;
      }
    }
    expect(target, 'a project of the lead’s county without a lead').toBeDefined();

    await office.goto(`${baseUrl}/promotion?lead=${lead!.id}`);
    const drawer = office.getByTestId('promotion-lead-drawer');
    await drawer.getByText(lead!.investorName).waitFor({ timeout: 15_000 });
    await office.getByTestId('promotion-link').click();
    const form = office.getByTestId('promotion-link-form');
    await form.locator('input').fill(target!.name.slice(0, 6));
    await office
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: target!.name })
      .first()
      .click();
    await office
      .getByRole('button', { name: /关联已有项目/ })
      .last()
      .click();
    await expect
      .poll(async () => {
        const now = await (await office.request.get(`${baseUrl}/api/promotion/leads/${lead!.id}`)).json();
        return now.project?.id ?? null;
      })
      .toBe(target!.id);
  });
});
