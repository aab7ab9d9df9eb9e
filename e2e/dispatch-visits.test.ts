import { defaultProblemCategories } from '@tuijin/domain';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';
import { sitePhoto } from './fixtures';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

type Row = { party: { key: string; name: string }; held: number; evidence: { kind: string; id: string }[] };
type Project = { id: string; name: string };

/** This month in China (the cadence page's default). */
const thisMonth = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);

/** Picks an option of an antd select opened by `testId`, after typing `search`. */
async function pick(page: Page, scope: Page | Locator, testId: string, search: string, text: string) {
  await scope.getByTestId(testId).click();
  await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

let leaderId = '';
let heldBefore = 0;
let visitId = '';

describe('一线走访 and 调度频次: a visit on a phone, its problem, the month’s table and the leader’s page', () => {
  it('lets jiaocheng record a visit with two projects on a 375-px phone and raise a problem found there', async () => {
    const office = await signIn('jiaocheng', 'phone', '/visits');
    const leaders = await (
      await office.request.get(`${baseUrl}/api/users?q=吴国平&role=leader&assignable=true`)
    ).json();
    leaderId = (leaders.data as { id: string }[])[0]!.id;
    const before = await (
      await office.request.get(`${baseUrl}/api/cadence-compliance?month=${thisMonth()}`)
    ).json();
    heldBefore = (before.rows as Row[]).find((r) => r.party.key === `user:${leaderId}`)?.held ?? 0;
    const projects = (
      await (
        await office.request.get(
          `${baseUrl}/api/projects?region=350902&stage=underway&pageSize=2&sort=name&order=asc`,
        )
      ).json()
    ).data as Project[];
    expect(projects).toHaveLength(2);

    await office.getByTestId('visit-coverage').waitFor();
    await office.getByTestId('visit-add').click();
    const drawer = office.getByRole('dialog');
    await pick(office, drawer, 'visit-user', '吴国平', '吴国平');
    await expect.poll(() => drawer.getByTestId('visit-name').inputValue()).toBe('吴国平');
    for (const project of projects)
      await pick(office, drawer, 'visit-project-picker', project.name.slice(0, 8), project.name);
    await expect.poll(() => drawer.getByTestId('visit-projects-chosen').locator('.ant-tag').count()).toBe(2);
    await drawer.getByTestId('visit-summary').fill('查看施工进度，现场协调材料堆场用地');
    await drawer.getByTestId('visit-solved').fill('2');
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: '走访现场.jpg', mimeType: 'image/jpeg', buffer: sitePhoto });
    await drawer.getByText('走访现场.jpg').waitFor({ timeout: 15_000 });
    expect(await noSideScroll(office)).toBe(true);
    await screenshot(office, 'visit-form-phone');
    const saved = office.waitForResponse(
      (r) => r.url().endsWith('/api/field-visits') && r.request().method() === 'POST',
    );
    await office
      .locator('.ant-drawer-extra')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    const visit = (await (await saved).json()) as { id: string; photos: unknown[]; projects: Project[] };
    visitId = visit.id;
    await drawer.waitFor({ state: 'hidden', timeout: 15_000 });

    const row = office.getByTestId('visits').locator(`tr.ant-table-row[data-row-key="${visitId}"]`);
    await row.waitFor();
    expect(visit.projects.map((p) => p.id).sort()).toEqual(projects.map((p) => p.id).sort());
    expect(visit.photos).toHaveLength(1);

    await row.getByTestId('visit-raise').click();
    await office
      .locator('.ant-dropdown:visible .ant-dropdown-menu-item')
      .filter({ hasText: projects[0]!.name })
      .click();
    const dialog = office.getByRole('dialog');
    const category = defaultProblemCategories[0]!;
    await dialog.getByTestId('raise-category').click();
    await office.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${category}"]`).click();
    await dialog.getByTestId('raise-description').fill('材料堆场临时用地未落实，影响钢结构进场');
    await dialog.getByTestId('raise-submit').click();
    await dialog.getByTestId('raise-routed').waitFor({ timeout: 15_000 });
    await office.keyboard.press('Escape');
    await row.getByTestId('visit-problems').locator('a').first().waitFor({ timeout: 15_000 });
    const linked = await (await office.request.get(`${baseUrl}/api/field-visits?id=${visitId}`)).json();
    expect(linked.data[0].problems).toHaveLength(1);
    const problem = await (
      await office.request.get(`${baseUrl}/api/problems/${linked.data[0].problems[0].id}`)
    ).json();
    expect(problem.channel).toBe('visit');
    await office.evaluate(() => window.scrollTo(0, 0));
    await screenshot(office, 'visits-phone');
  });

  it('shows the visit in this month’s cadence table, counted and linked to its record', async () => {
    const office = await signIn('jiaocheng', 'desktop', '/cadence');
    const row = office.getByTestId('cadence-table').locator('tr.ant-table-row').filter({ hasText: '吴国平' });
    await expect
      .poll(() => row.getByTestId('cadence-held').locator('strong').textContent(), { timeout: 15_000 })
      .toBe(String(heldBefore + 1));
    await office.getByTestId('cadence-rules').waitFor();
    await screenshot(office, 'cadence');
    await row.getByTestId('cadence-evidence').locator(`a[href="/visits?visit=${visitId}"]`).click();
    await office.getByTestId('visit-show-all').waitFor();
    await expect.poll(() => office.getByTestId('visits').locator('tr.ant-table-row').count()).toBe(1);
  });

  it('opens 我的调度 for leader1 on a 375-px phone: the month’s cadence with the visit and the linked projects', async () => {
    const leader = await signIn('leader1', 'phone', '/');
    await leader.getByTestId('workbench-my-dispatch').click();
    await leader.getByTestId('my-project').first().waitFor({ timeout: 15_000 });
    await leader.getByTestId('my-cadence').locator(`a[href="/visits?visit=${visitId}"]`).waitFor();
    expect(await noSideScroll(leader)).toBe(true);
    await screenshot(leader, 'my-dispatch-phone');
  });
});
