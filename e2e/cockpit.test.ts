import type { CockpitRollup, CockpitSeries } from '@tuijin/contracts';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, freshPagePerTest, hoverUntil, loginThroughPage, screenshot } from './browser';
import { grouped, wholeWanYuan, yiYuan } from './figures';

const { baseUrl } = e2eServer();
let context: BrowserContext;
let page: Page;

/** The cells under `root` matching `selector` whose text does not sit inside the cell with 4 px to spare. */
function crampedCells(root: Locator, selector: string): Promise<(string | null)[]> {
  return root.evaluate(
    (element, cells) =>
      [...element.querySelectorAll(cells)].flatMap((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const text = range.getBoundingClientRect();
        const box = cell.getBoundingClientRect();
        const fits = text.width === 0 || (text.left >= box.left + 4 && text.right <= box.right - 4);
        return fits && cell.scrollWidth <= cell.clientWidth ? [] : [cell.textContent];
      }),
    selector,
  );
}

freshPagePerTest({ width: 1440, height: 900 }, (fresh) => {
  ({ page, context } = fresh);
});

/** The next rollup-by-region answer the page receives (for `region`, or the default one). */
function nextRegionRollup(region?: string, month?: number): Promise<CockpitRollup> {
  return page
    .waitForResponse((response) => {
      const url = new URL(response.url());
      return (
        url.pathname === '/api/cockpit/rollup' &&
        url.searchParams.get('dimension') === 'region' &&
        (region === undefined || url.searchParams.get('region') === region) &&
        (month === undefined || url.searchParams.get('month') === String(month))
      );
    })
    .then((response) => response.json() as Promise<CockpitRollup>);
}

/** Clicks the middle of one category's column of a bar chart, near its axis (the bars' base). */
async function clickCategory(testId: string, index: number, count: number) {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  const grid = { left: 48, right: 24, top: 40, bottom: 64 };
  const x = box.x + grid.left + ((box.width - grid.left - grid.right) * (index + 0.5)) / count;
  const y = box.y + grid.top + (box.height - grid.top - grid.bottom) / 2;
  await page.mouse.click(x, y);
}

/** Clicks the middle of one item of the stage funnel (equal-height items in lifecycle order). */
async function clickFunnelItem(index: number, count: number) {
  const chart = page.getByTestId('chart-funnel');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('chart-funnel is not visible');
  const top = 16;
  const x = box.x + box.width * (0.05 + 0.65 / 2);
  const y = box.y + top + ((box.height - 2 * top) * (index + 0.5)) / count;
  await page.mouse.click(x, y);
}

describe('cockpit', () => {
  it('shows the city office its figures and charts, explains a number and drills into a county', async () => {
    await loginThroughPage(page, baseUrl, 'ningde');
    const firstRollup = nextRegionRollup();
    await page.getByRole('menuitem', { name: /驾驶舱/ }).click();
    const city = await firstRollup;
    expect(city.region.name).toBe('宁德市');

    for (const chart of [
      'chart-completion',
      'chart-cumulative',
      'chart-funnel',
      'chart-start',
      'chart-late-missing',
    ])
      await page.getByTestId(chart).locator('canvas').first().waitFor();
    // A city reads its figures in 亿元 (two decimals); a county, below, in whole 万元.
    const planned = page.getByTestId('headline-planned');
    await planned.getByText(yiYuan(city.total.plannedInvestment.value), { exact: true }).waitFor();
    await planned.getByText('亿元', { exact: true }).waitFor();
    await page.getByTestId('headline-planned').getByText(`${city.total.projectCount.value} 个项目`).waitFor();
    const completion = city.total.planCompletionRate.percent ?? '—';
    await page.getByTestId('headline-completion').getByText(completion, { exact: true }).waitFor();
    await page
      .getByTestId('headline-completion')
      .getByText(`序时进度 ${city.total.timeProgress.percent}%`)
      .waitFor();

    const explain = page.getByTestId('explain-planCompletionRate');
    await hoverUntil(
      page.getByTestId('headline-completion').getByText(completion, { exact: true }),
      explain.getByText('计划完成率 = 本年累计完成 ÷ 年度计划投资'),
    );
    const item = (label: string) => explain.locator('.ant-descriptions-item').filter({ hasText: label });
    await item('分子').getByText(grouped(city.total.planCompletionRate.numerator), { exact: true }).waitFor();
    await item('分母')
      .getByText(grouped(city.total.planCompletionRate.denominator), { exact: true })
      .waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, 'cockpit-city');

    const index = city.rows.findIndex((row) => row.label === '蕉城区');
    expect(index).toBeGreaterThanOrEqual(0);
    const countyRollup = nextRegionRollup('350902');
    await clickCategory('chart-completion', index, city.rows.length);
    const county = await countyRollup;
    expect(county.region.name).toBe('蕉城区');
    expect(county.isLeaf).toBe(true);
    expect(new URL(page.url()).searchParams.get('region')).toBe('350902');
    await page.getByTestId('cockpit-breadcrumb').locator('strong', { hasText: '蕉城区' }).waitFor();
    await page.getByText('蕉城区 没有下级区划，下表为各项目的数字').waitFor();
    await page
      .getByTestId('headline-planned')
      .getByText(wholeWanYuan(county.total.plannedInvestment.value), { exact: true })
      .waitFor();
    await page.getByTestId('headline-planned').getByText('万元', { exact: true }).waitFor();
    await screenshot(page, 'cockpit-county');

    await page.getByTestId('cockpit-breadcrumb').getByText('宁德市').click();
    await page.getByTestId('cockpit-breadcrumb').locator('strong', { hasText: '宁德市' }).waitFor();
  });

  it('opens the project list of a region and stage from a bar of the stage funnel', async () => {
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const seriesAnswer = page
      .waitForResponse((response) => new URL(response.url()).pathname === '/api/cockpit/series')
      .then((response) => response.json() as Promise<CockpitSeries>);
    await page.goto(`${baseUrl}/cockpit?region=350902`);
    const series = await seriesAnswer;
    expect(series.region.code).toBe('350902');
    await page.getByTestId('chart-funnel').locator('canvas').first().waitFor();
    const index = series.stages.findIndex((s) => s.stage === 'underway');
    const expected = series.stages[index]!.count;
    expect(expected).toBeGreaterThan(0);
    const listAnswer = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/projects' && url.searchParams.get('stage') === 'underway';
    });
    // The funnel grows in with an animation: click until the page leaves the cockpit.
    await expect
      .poll(
        async () => {
          if (new URL(page.url()).pathname === '/cockpit') await clickFunnelItem(index, series.stages.length);
          await page.waitForTimeout(300);
          return new URL(page.url()).pathname;
        },
        { timeout: 15_000 },
      )
      .toBe('/projects');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ region: '350902', stage: 'underway' });
    const list = await (await listAnswer).json();
    expect(new URL((await listAnswer).url()).searchParams.get('region')).toBe('350902');
    expect(list.page.total).toBe(expected);
    await page.getByTestId('projects-total-count').getByText(String(expected), { exact: true }).waitFor();
  });

  it('shows a county office only its county, and a linked leader their projects', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    const rollup = nextRegionRollup();
    await page.getByRole('menuitem', { name: /驾驶舱/ }).click();
    expect((await rollup).region.name).toBe('蕉城区');
    await page.getByTestId('cockpit-breadcrumb').locator('strong', { hasText: '蕉城区' }).waitFor();
    await expect(page.getByTestId('cockpit-breadcrumb').getByText('宁德市').count()).resolves.toBe(0);

    await context.clearCookies();
    await loginThroughPage(page, baseUrl, 'leader1');
    const leaderRollup = nextRegionRollup();
    await page.getByRole('menuitem', { name: /驾驶舱/ }).click();
    const leader = await leaderRollup;
    await page
      .getByTestId('headline-planned')
      .getByText(`${leader.total.projectCount.value} 个项目`)
      .waitFor();
  });

  it('shows the month’s warning colours: a headline card, a 预警 column group and the drawer by colour', async () => {
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const answer = nextRegionRollup(undefined, 2);
    await page.goto(`${baseUrl}/cockpit?year=2026&month=2`);
    const rollup = await answer;
    expect(rollup.month).toBe(2);
    const { red, yellow } = rollup.total.warnings;
    expect(red + yellow).toBeGreaterThan(0);
    const card = page.getByTestId('headline-warnings');
    await card.getByText('预警（2026-02）').waitFor();
    await card.locator('[data-warning="red"]').getByText(`红灯 ${red}`).waitFor();
    await card.locator('[data-warning="yellow"]').getByText(`黄灯 ${yellow}`).waitFor();
    const table = page.getByTestId('cockpit-table');
    await table.locator('th', { hasText: '预警' }).first().waitFor();

    const colour = yellow > 0 ? 'yellow' : 'red';
    const row = rollup.rows.find((r) => r.figures.warnings[colour] > 0)!;
    const count = row.figures.warnings[colour];
    const line = table.locator(`tr[data-row-key="${row.key}"]`);
    await line.getByTestId(`warning-${colour}`).getByText(String(count), { exact: true }).waitFor();
    await line.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await screenshot(page, 'cockpit-warnings');

    const drawerAnswer = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/cockpit/projects',
    );
    await line.getByTestId(`warning-${colour}`).click();
    const list = await (await drawerAnswer).json();
    expect(list.page.total).toBe(count);
    const name = colour === 'yellow' ? '黄灯' : '红灯';
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(`${row.label} · ${name}`).waitFor();
    await expect
      .poll(() => drawer.locator(`.ant-table-tbody [data-warning="${colour}"]`).count(), { timeout: 15_000 })
      .toBe(Math.min(count, 20));
    await screenshot(page, 'cockpit-warnings-drawer');
  });

  it('filters by tag and size band in the address, groups by size band, in 亿元 with no amounts run together', async () => {
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const answer = page
      .waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === '/api/cockpit/rollup' && url.searchParams.get('dimension') === 'sizeBand';
      })
      .then((response) => response.json() as Promise<CockpitRollup>);
    await page.goto(`${baseUrl}/cockpit?dimension=sizeBand&size=ge5000`);
    const filtered = await answer;
    // The filtered total is the unfiltered size bands from 5000 万元 up, read from the same API.
    const bands = (await (
      await page.request.get(
        `${baseUrl}/api/cockpit/rollup?year=${filtered.year}&month=${filtered.month}&dimension=sizeBand`,
      )
    ).json()) as CockpitRollup;
    const above = bands.rows.filter((r) => r.key !== 'lt5000');
    expect(Number(filtered.total.projectCount.value)).toBe(
      above.reduce((sum, r) => sum + Number(r.figures.projectCount.value), 0),
    );
    expect(filtered.rows.map((r) => r.key)).toEqual(above.map((r) => r.key));
    await page.getByTestId('cockpit-filter-size').getByText('5000 万元以上').waitFor();
    const planned = page.getByTestId('headline-planned');
    await planned.getByText(yiYuan(filtered.total.plannedInvestment.value), { exact: true }).waitFor();
    await planned.getByText(`${filtered.total.projectCount.value} 个项目`).waitFor();

    const table = page.getByTestId('cockpit-table');
    await table.locator('th', { hasText: '年度计划（亿元）' }).waitFor();
    const bandNames: Record<string, string> = {
      '5000to10000': '5000 万–1 亿元',
      '10000to100000': '1–10 亿元',
      ge100000: '10 亿元以上',
    };
    for (const row of filtered.rows) await table.getByText(bandNames[row.key]!, { exact: true }).waitFor();
    await expect(table.getByText('5000 万元以下', { exact: true }).count()).resolves.toBe(0);

    // At 1440 px every figure sits inside its cell with room to spare: no two amounts touch.
    expect(await crampedCells(table, 'tbody td:not(:first-child), thead th:not(:first-child)')).toEqual([]);
    await page.mouse.move(0, 0);
    await screenshot(page, 'cockpit-size-band');

    // A tag chosen in the bar goes into the address, and the figures follow it.
    const tagged = nextRegionRollup();
    await page.getByTestId('cockpit-filter-tag').click();
    await page.locator('.ant-select-dropdown:visible').getByText('专项债', { exact: true }).click();
    const bond = await tagged;
    expect(new URL(page.url()).searchParams.get('tag')).toBe('专项债');
    expect(new URL(page.url()).searchParams.get('size')).toBe('ge5000');
    await planned.getByText(`${bond.total.projectCount.value} 个项目`).waitFor();

    // 双过半 says how early it was reached (the domain's first month), or nothing when it was not.
    const half = bond.total.doubleHalf;
    const early = page.getByTestId('double-half-early');
    if (half.monthsEarly !== null && half.monthsEarly > 0)
      await early.getByText(`提前 ${half.monthsEarly} 个月`).waitFor();
    else await expect(early.count()).resolves.toBe(0);

    // The same on the project list's 万元 column (fixed two decimals, right-aligned), totals row included.
    await page.goto(`${baseUrl}/projects?size=ge5000`);
    const projects = page.getByTestId('projects-table');
    await projects.getByTestId('projects-total-investment').waitFor();
    const amounts = projects.locator('td.tj-amount-cell');
    await expect.poll(() => amounts.count()).toBeGreaterThan(1);
    expect(await amounts.first().textContent()).toMatch(/^[\d,]+\.\d{2}$/);
    expect(await crampedCells(projects, '.tj-amount-cell')).toEqual([]);
  });

  it('groups by 分类汇总: each tag in use, 新建, 续建, 5000 万元以上 and 1 亿元以上, not adding up', async () => {
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/cockpit`);
    await page.getByTestId('cockpit-table').waitFor();
    const answer = page
      .waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === '/api/cockpit/rollup' && url.searchParams.get('dimension') === 'category';
      })
      .then((response) => response.json() as Promise<CockpitRollup>);
    await page.getByText('分类汇总', { exact: true }).click();
    const categories = await answer;
    expect(new URL(page.url()).searchParams.get('dimension')).toBe('category');
    expect(categories.isAdditive).toBe(false);
    const fixed = ['constructionType:new', 'constructionType:continuing', 'size:ge5000', 'size:ge10000'];
    expect(categories.rows.map((r) => r.key).filter((key) => !key.startsWith('tag:'))).toEqual(fixed);
    const table = page.getByTestId('cockpit-table');
    for (const label of ['新建', '续建', '5000 万元以上', '1 亿元以上'])
      await table.getByText(label, { exact: true }).waitFor();
    for (const row of categories.rows.filter((r) => r.key.startsWith('tag:')))
      await table.getByText(row.key.slice('tag:'.length), { exact: true }).waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, 'cockpit-category');
  });
});
