import type { CockpitProgrammes } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, hoverUntil, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

describe('专项工作 in the cockpit', () => {
  it('shows each programme’s figures with their formulas and opens the module page on the region', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const year = new Date().getFullYear();
    const answer = (await (
      await office.request.get(`${baseUrl}/api/cockpit/programmes?year=${year}&region=350902`)
    ).json()) as CockpitProgrammes;
    const figures = answer.parts.flatMap((p) => p.figures);
    const figure = (key: string) => figures.find((f) => f.key === key)!;
    expect(answer.parts.map((p) => p.part)).toHaveLength(8);

    await office.goto(`${baseUrl}/cockpit?year=${year}&region=350902`);
    const panel = office.getByTestId('cockpit-programmes');
    await panel.getByText('专项工作').waitFor({ timeout: 15_000 });
    await panel.getByTestId('programme-whitelist').getByText('四保白名单').waitFor({ timeout: 15_000 });
    for (const part of [
      '复工复产',
      '现场用工',
      '资金保障',
      '要素保障',
      '招商引资',
      '政银企对接',
      '集中开竣工',
    ])
      await panel.getByText(part, { exact: true }).waitFor();
    const provincial = panel.getByTestId('programme-figure-whitelistProvincial');
    expect(await provincial.textContent()).toBe(`${figure('whitelistProvincial').value} 个`);
    const start = figure('specialBondStartRate');
    const startLink = panel.getByTestId('programme-figure-specialBondStartRate');
    expect(await startLink.textContent()).toBe(
      `${start.percent === null ? '—' : `${start.percent}%`}${start.numerator} / ${start.denominator}`,
    );

    // Hovering a figure shows its formula and the numbers behind it.
    const explain = office.getByTestId('programme-explain-resumptionRate');
    await hoverUntil(
      panel.getByTestId('programme-figure-resumptionRate'),
      explain.getByText(/^复工率 = 已复工项目数 ÷ 应复工项目数/),
    );
    await explain.getByText('分子').waitFor();
    await screenshot(office, 'cockpit-programmes');

    // Drill-down: the special-bond start rate opens 资金保障 on 蕉城区 for the year and kind.
    await startLink.click();
    await office.waitForURL(/\/funds\?region=350902&year=\d{4}&kind=specialBond$/, { timeout: 15_000 });
    await office.getByTestId('funds-page').getByText('资金保障 · 蕉城区').waitFor({ timeout: 15_000 });
    await office.getByText('专项债券项目开工率').first().waitFor();
  });

  it('leaves out what the reader may not read: a service officer sees no 招商引资', async () => {
    const officer = await signIn('officer1', 'desktop', null);
    await officer.goto(`${baseUrl}/cockpit`);
    const panel = officer.getByTestId('cockpit-programmes');
    await panel.getByTestId('programme-campaigns').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('programme-promotion').count()).toBe(0);
  });
});
