import { join } from 'node:path';
import type { ApprovalItemRow, ProjectApprovals, ProjectListItem } from '@tuijin/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, screenshotDir, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

type ItemList = { data: ApprovalItemRow[] };
type ProjectList = { data: ProjectListItem[] };

/** A full-page screenshot from the top, so the sticky header sits where it belongs. */
async function pageShot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => window.scrollY === 0);
  await screenshot(page, name);
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * The 蕉城 前期 project the stage change uses: the last in name order (the other browser files pick
 * theirs by the latest change, never by name), so the 容缺 case keeps clear of it.
 */
async function stageChangeProject(office: Page) {
  const preparing = await getJson<ProjectList>(
    office,
    '/api/projects?region=350902&stage=preparing&sort=name&order=desc&pageSize=1',
  );
  const project = preparing.data[0];
  if (!project) throw new Error('蕉城区 has no 前期 project');
  return project;
}

/** owner1's 容缺 items with a material still missing that owner1 may record as supplied. */
async function suppliableRows(owner: Page, excludedProjectId: string): Promise<ApprovalItemRow[]> {
  const list = await getJson<ItemList>(owner, '/api/approval-items?view=all&pageSize=200');
  return list.data
    .filter((row) => row.missingMaterials > 0 && row.canSupply && row.projectId !== excludedProjectId)
    .sort((a, b) => a.projectName.localeCompare(b.projectName, 'zh-CN'));
}

/**
 * One of owner1's 容缺 items with a material missing. The demo does not always give owner1 one (its
 * 前期 projects may all have drawn checklists without 容缺), so then the county office accepts an
 * item of owner1's first 前期 project with one material missing, as it would at the counter.
 */
async function ownerGapItem(owner: Page, office: Page, excludedProjectId: string): Promise<ApprovalItemRow> {
  const found = await suppliableRows(owner, excludedProjectId);
  if (found[0]) return found[0];
  const own = await getJson<ProjectList>(
    owner,
    '/api/projects?stage=preparing&sort=name&order=asc&pageSize=50',
  );
  const project = own.data.find((candidate) => candidate.id !== excludedProjectId);
  if (!project) throw new Error('owner1 has no 前期 project besides the one the stage change takes');
  const checklist = await getJson<ProjectApprovals>(office, `/api/projects/${project.id}/approvals`);
  const item = checklist.items.find(
    (candidate) => candidate.allowedMoves.includes('accepted_with_gaps') && candidate.dependsOn.length === 0,
  );
  if (!item) throw new Error(`no item of ${project.name} can be accepted with gaps`);
  const moved = await office.request.post(`${baseUrl}/api/approval-items/${item.id}/moves`, {
    data: {
      version: item.version,
      to: 'accepted_with_gaps',
      on: checklist.today,
      missingMaterials: [{ name: '项目资金来源承诺函', promisedDays: 10 }],
    },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  const rows = await suppliableRows(owner, excludedProjectId);
  const row = rows.find((candidate) => candidate.id === item.id);
  if (!row) throw new Error('the 容缺 item does not reach owner1 as one to supply');
  return row;
}

describe('前期手续 in the browser', () => {
  it('owner1 supplies a 容缺 material on a 375-px phone', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const excluded = await stageChangeProject(office);
    const owner = await signIn('owner1', 'phone', null);
    await owner.setViewportSize({ width: 375, height: 740 });
    const row = await ownerGapItem(owner, office, excluded.id);

    await owner.goto(`${baseUrl}/projects/${row.projectId}?tab=approvals`);
    const card = owner.locator(`[data-testid="approval-card"][data-item-id="${row.id}"]`);
    await card.waitFor();
    const open = card.getByTestId('approval-material').filter({ has: owner.getByTestId('approval-supply') });
    expect(await open.count()).toBe(row.missingMaterials);
    const material = ((await open.first().locator('.ant-typography').first().textContent()) ?? '').trim();
    expect(material).not.toBe('');
    expect(await noSidewaysScroll(owner)).toBe(true);

    await open.first().getByTestId('approval-supply').click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByTestId('approval-supply-on').waitFor();
    await dialog.getByTestId('approval-supply-note').fill('已取得，原件交窗口');
    await dialog.getByTestId('approval-supply-ok').click();
    await dialog.waitFor({ state: 'hidden' });

    const supplied = card.getByTestId('approval-material').filter({ hasText: material });
    await expect.poll(() => supplied.textContent(), { timeout: 15_000 }).toContain('已补齐');
    if (row.missingMaterials === 1)
      await expect
        .poll(() => card.getByTestId('approval-status').first().textContent(), { timeout: 15_000 })
        .toBe('已受理');
    else expect(await card.getByTestId('approval-status').first().textContent()).toBe('容缺受理');
    expect(await noSidewaysScroll(owner)).toBe(true);
    await pageShot(owner, 'approvals-owner-phone');
  });

  it('jiaocheng sees what blocks the start, then forces 新开工 with a reason', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    await office.setViewportSize({ width: 1366, height: 800 });
    const project = await stageChangeProject(office);
    const checklist = await getJson<ProjectApprovals>(office, `/api/projects/${project.id}/approvals`);
    expect(checklist.blockers.length).toBeGreaterThan(0);

    await office.goto(`${baseUrl}/projects/${project.id}?tab=approvals`);
    await office.getByTestId('approvals-table').waitFor();
    await office.getByTestId('approval-blockers').waitFor();
    expect(await office.getByTestId('approval-blocker').allTextContents()).toEqual(
      checklist.blockers.map((blocker) => blocker.text),
    );
    expect(await office.getByTestId('approval-earliest-start').textContent()).toBe(
      checklist.schedule.earliestStartOn ?? '待定',
    );
    expect(await office.getByTestId('approval-critical').count()).toBeGreaterThan(0);
    const colours = await office
      .getByTestId('approval-timing')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-colour')));
    expect(colours.some((colour) => ['green', 'yellow', 'red', 'overdue'].includes(colour ?? ''))).toBe(true);
    expect(await noSidewaysScroll(office)).toBe(true);
    await pageShot(office, 'approvals-office-tab');

    await office.getByRole('tab', { name: '阶段记录' }).click();
    await office.getByTestId('project-change-stage').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByTestId('stage-to').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option[title="新开工"]').click();
    await expect.poll(() => dialog.getByTestId('stage-to').textContent()).toBe('新开工');
    await dialog.getByTestId('stage-reason').fill('市重点项目攻坚，先行开工，手续并联推进');
    await dialog.getByTestId('stage-ok').click();

    // Polled on the dialog's text, so a refusal of another kind shows in the failure.
    await expect
      .poll(() => dialog.textContent(), { timeout: 20_000 })
      .toContain('开工前手续未办结，暂不能转为新开工');
    const refused = await dialog.getByTestId('stage-blocker').allTextContents();
    expect(refused).toEqual(checklist.blockers.map((blocker) => blocker.text));
    expect(await office.getByTestId('project-stage').first().textContent()).toBe('前期');
    await dialog.screenshot({
      path: join(screenshotDir, 'approvals-stage-blocked.png'),
    });
    await dialog.getByTestId('stage-override').click();
    await dialog.getByTestId('stage-ok').click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    await expect
      .poll(() => office.getByTestId('project-stage').first().textContent(), { timeout: 15_000 })
      .toBe('新开工');
    const after = await getJson<{ stage: string }>(office, `/api/projects/${project.id}`);
    expect(after.stage).toBe('started');
  });

  it('officer1 sees the items it helps with, earliest due first', async () => {
    const officer = await signIn('officer1', 'desktop', null);
    const list = await getJson<ItemList>(officer, '/api/approval-items?view=agent&pageSize=20');
    expect(list.data.length).toBeGreaterThan(0);
    const due = list.data.map((row) => row.dueOn ?? '9999-12-31');
    expect(due).toEqual([...due].sort());

    await officer.goto(`${baseUrl}/approvals`);
    await officer.getByRole('tab', { name: '我帮办的', selected: true }).waitFor();
    const rows = officer.getByTestId('approvals-list').locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(list.data.length);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('[data-testid="approval-project-link"]')?.textContent ?? '',
        tr.querySelectorAll('td')[1]?.textContent ?? '',
      ]),
    );
    expect(shown).toEqual(list.data.map((row) => [row.projectName, row.name]));
    await pageShot(officer, 'approvals-officer-agent');
  });

  it('ningde reads 审批用时统计: 66 working days before, 38 now', async () => {
    const city = await signIn('ningde', 'desktop', `${baseUrl}/approvals`);
    await city.getByTestId('approvals-statistics-link').click();
    await city.waitForURL((url) => url.pathname === '/approvals/statistics');
    const change = city.getByTestId('statistics-change');
    await expect
      .poll(() => change.textContent(), { timeout: 20_000 })
      .toBe('由 66 个工作日缩短至 38 个工作日，缩短 28 个工作日（42.4%）');
    expect(await city.getByTestId('statistics-span-period-average').textContent()).toBe('38');
    expect(await city.getByTestId('statistics-span-compare-average').textContent()).toBe('66');
    const spans = city.getByTestId('statistics-projects').locator('.ant-table-row');
    expect(await spans.count()).toBeGreaterThan(0);
    expect(await city.getByTestId('statistics-procedures').locator('.ant-table-row').count()).toBeGreaterThan(
      0,
    );
    expect(
      await city.getByTestId('statistics-departments').locator('.ant-table-row').count(),
    ).toBeGreaterThan(0);
    expect(await noSidewaysScroll(city)).toBe(true);
    await pageShot(city, 'approvals-statistics');

    // The choice lives in the address: switched off, the comparison stays off after a reload.
    await city.getByTestId('statistics-compare-switch').click();
    await city.waitForURL((url) => url.searchParams.get('compare') === 'off');
    await change.waitFor({ state: 'detached' });
    await city.reload();
    await city.getByTestId('statistics-span-period-average').waitFor();
    expect(await change.count()).toBe(0);
    expect(await city.getByTestId('statistics-span-compare').count()).toBe(0);
  });

  // Last: it gives 蕉城区 a catalogue of its own, which the other cases must not see.
  it('jiaocheng starts its own catalogue as a copy of the city one', async () => {
    const office = await signIn('jiaocheng', 'desktop', `${baseUrl}/approvals/catalogue`);
    const region = office.getByTestId('catalogue-region');
    await expect.poll(() => region.textContent(), { timeout: 15_000 }).toContain('宁德市');
    expect(await region.textContent()).toContain('只读');
    await office.getByTestId('catalogue-table').locator('.ant-table-row').first().waitFor();
    const inherited = await office.getByTestId('catalogue-table').locator('.ant-table-row').count();
    expect(await office.getByTestId('procedure-edit').count()).toBe(0);

    const start = office.getByTestId('catalogue-start-own');
    expect(await start.textContent()).toContain('建立本级目录（复制宁德市目录）');
    await start.click();
    await expect.poll(() => region.textContent(), { timeout: 15_000 }).toBe('适用目录：蕉城区');
    await expect.poll(() => office.getByTestId('procedure-edit').count()).toBe(inherited);
    expect(await start.count()).toBe(0);
    await office.getByTestId('procedure-create').waitFor();
    await pageShot(office, 'approvals-catalogue-own');
  });
});
