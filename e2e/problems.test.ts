import type { ProblemStatistics, RoutingRule } from '@tuijin/contracts';
import { defaultProblemCategories } from '@tuijin/domain';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const housingName = '宁德市住房和城乡建设局';
const signIn = signedInPages(baseUrl);

const regionDepth: Record<string, number> = { '350000': 1, '350900': 2, '350902': 3 };

/**
 * A 问题分类 whose problems on a 蕉城区 project go to 住建局 (the demo's only department account,
 * zhujian, works there): the category whose most specific routing rule names 住建局, as the server's
 * chooser decides; when the demo has none, the city office adds one for 蕉城区.
 */
async function housingCategory(office: Page): Promise<string> {
  const organisations = await (
    await office.request.get(`${baseUrl}/api/organisations?q=${encodeURIComponent(housingName)}`)
  ).json();
  const housing = (organisations.data as { id: string; name: string }[]).find((o) => o.name === housingName);
  expect(housing).toBeDefined();
  const rules = (
    (await (await office.request.get(`${baseUrl}/api/problem-routing-rules`)).json()).data as RoutingRule[]
  ).filter((rule) => rule.regionCode in regionDepth);
  const winner = (category: string) =>
    rules
      .filter((rule) => rule.category === null || rule.category === category)
      .map((rule) => ({ rule, score: (regionDepth[rule.regionCode] ?? 0) * 2 + (rule.category ? 1 : 0) }))
      .sort((a, b) => b.score - a.score)[0]?.rule;
  const routed = defaultProblemCategories.find((category) => winner(category)?.departmentId === housing!.id);
  if (routed) return routed;
  const free = defaultProblemCategories.find(
    (category) => !rules.some((rule) => rule.regionCode === '350902' && rule.category === category),
  )!;
  const created = await office.request.post(`${baseUrl}/api/problem-routing-rules`, {
    data: { regionCode: '350902', category: free, departmentId: housing!.id, limitWorkingDays: 5 },
  });
  expect(created.ok()).toBe(true);
  return free;
}

/** Opens an antd select by its test id, types to search when asked, and picks the option with that title. */
async function pick(page: Page, scope: Page | Locator, testId: string, title: string, search?: string) {
  await scope.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

const statusOf = (page: Page) => page.getByTestId('problem-status').first();

/** Makes a move from the detail page and waits for the status it leads to. */
async function move(page: Page, action: string, status: string, fill?: { testId: string; text: string }) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  if (fill) await dialog.getByTestId(fill.testId).fill(fill.text);
  await dialog.getByTestId('move-ok').click();
  // The dialog closes once the server accepted the move (a refusal keeps it open with the reason).
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await expect.poll(() => statusOf(page).textContent(), { timeout: 30_000 }).toBe(status);
}

describe('blocking problems, closed loop in the browser', () => {
  it('owner1 raises, it lands with 住建局 at once, zhujian answers, owner1 confirms, jiaocheng writes it off', async () => {
    const city = await signIn('ningde', 'desktop', null);
    const category = await housingCategory(city);

    const owner = await signIn('owner1', 'desktop', null);
    const own = await (await owner.request.get(`${baseUrl}/api/projects?pageSize=1`)).json();
    const project = own.data[0] as { id: string; name: string };
    await owner.goto(`${baseUrl}/projects/${project.id}?tab=problems`);
    await owner.getByTestId('project-problems').waitFor();
    await owner.getByTestId('project-raise-problem').click();
    const dialog = owner.getByRole('dialog');
    await pick(owner, dialog, 'raise-category', category);
    await dialog.getByTestId('raise-description').fill('项目北侧地块规划许可迟迟未批，影响二期开工');
    await dialog.getByTestId('raise-request').fill('请协调本月内完成审批');
    await dialog.getByTestId('raise-submit').click();
    // 秒推: where it went is on the page at once.
    await expect
      .poll(() => dialog.getByTestId('raise-routed').textContent(), { timeout: 15_000 })
      .toContain(`已交 ${housingName} 办理`);
    await dialog.getByTestId('raise-view').click();
    await owner.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    const problemUrl = owner.url();
    const reference = (await owner.getByTestId('problem-reference').textContent()) ?? '';
    expect(reference).toMatch(/^WT-\d{6}-\d{4}-\d{6}$/);
    expect(await owner.getByTestId('problem-handler').textContent()).toBe(housingName);
    expect(await statusOf(owner).textContent()).toBe('已交办');
    expect(await owner.getByTestId('problem-actions').textContent()).toContain('当前没有需要您处理的操作');

    const department = await signIn('zhujian', 'desktop', `${baseUrl}/problems`);
    await department.getByTestId('problem-link').filter({ hasText: reference }).click();
    await department.getByTestId('problem-reference').filter({ hasText: reference }).waitFor();
    await move(department, 'answer', '已答复', {
      testId: 'move-answer',
      text: '已纳入规划委员会本月审议议程，预计 20 日前发证',
    });

    await owner.reload();
    await owner.getByTestId('action-confirm').waitFor();
    await move(owner, 'confirm', '已确认');

    const office = await signIn('jiaocheng', 'desktop', problemUrl);
    await move(office, 'writeOff', '已销号', { testId: 'move-note', text: '一事一销' });

    const timeline = office.getByTestId('timeline-event');
    await expect
      .poll(() => timeline.evaluateAll((items) => items.map((item) => item.getAttribute('data-action'))))
      .toEqual(['raise', 'route', 'answer', 'confirm', 'writeOff']);
    const text = (await office.getByTestId('problem-timeline').textContent()) ?? '';
    for (const step of [
      '黄建华 · 登记',
      `交 ${housingName}`,
      '何文斌 · 答复',
      '黄建华 · 确认满意',
      '陈思远 · 销号',
      '一事一销',
    ])
      expect(text).toContain(step);
    await screenshot(office, 'problem-detail');

    // The office board counts it as written off; a click narrows the list to those.
    await office.goto(`${baseUrl}/problems/board`);
    await office.getByTestId('board-written_off').click();
    await office
      .getByTestId('board-table')
      .getByTestId('problem-link')
      .filter({ hasText: reference })
      .waitFor();
    await screenshot(office, 'problem-board');

    // The statistics page shows the same figures as the API, the rate as a percentage.
    const answer = office.waitForResponse((response) => response.url().includes('/api/problems/statistics'));
    await office.goto(`${baseUrl}/problems/statistics`);
    const statistics = (await (await answer).json()) as ProblemStatistics;
    const solvedRow = statistics.rows.find((row) => row.key === category);
    expect(solvedRow?.figures.solved).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => office.getByTestId('statistics-total').textContent(), { timeout: 15_000 })
      .toContain(`${statistics.total.resolutionRate.percent}%`);
    await office.getByTestId('statistics-table').getByText(category, { exact: true }).waitFor();
    await screenshot(office, 'problem-statistics');
    // Four people through the whole loop and the statistics: more than the tier's one minute per test.
  }, 150_000);

  it('the hotline operator finds a project, records a call and reads back the reference number', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const projects = await (
      await office.request.get(`${baseUrl}/api/projects?pageSize=1&region=350902`)
    ).json();
    const project = projects.data[0] as { id: string; name: string; code: string | null };
    await office.goto(`${baseUrl}/problems/hotline`);
    await office.getByTestId('hotline-caller').fill('李先生');
    await office.getByTestId('hotline-phone').fill('13800000000');
    const title = project.code ? `${project.name}（${project.code}）` : project.name;
    await pick(office, office, 'raise-project', title, project.name.slice(0, 6));
    await pick(office, office, 'raise-category', '用工');
    await office.getByTestId('raise-description').fill('工地缺少钢筋工约 30 人');
    await office.getByTestId('hotline-submit').click();
    const reference = office.getByTestId('hotline-reference');
    await reference.waitFor();
    const number = (await reference.textContent()) ?? '';
    expect(number).toMatch(/^WT-350902-\d{4}-\d{6}$/);
    await screenshot(office, 'problem-hotline');
    const recorded = await (
      await office.request.get(`${baseUrl}/api/problems?projectId=${project.id}&pageSize=100`)
    ).json();
    expect(
      recorded.data.find((p: { referenceNumber: string }) => p.referenceNumber === number),
    ).toMatchObject({ channel: 'hotline', callerName: '李先生', callerPhone: '13800000000' });
    await office.getByTestId('hotline-next').click();
    await expect.poll(() => office.getByTestId('hotline-caller').inputValue()).toBe('');
  });
});
