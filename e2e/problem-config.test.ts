import type { EscalationLadder, Problem, RoutingRule } from '@tuijin/contracts';
import { defaultProblemCategories } from '@tuijin/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);
/** The county office itself: its organisation search offers only its jurisdiction's organisations. */
const handlerName = '蕉城区重点项目建设办公室';
const jiaocheng = '350902';

/** Picks the option with that title in the open antd select of a test id (typing to search when asked). */
async function pick(page: Page, testId: string, title: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
  // The list closes with an animation; wait for it so it cannot take the next click.
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
}

const getJson = async <T>(page: Page, path: string): Promise<T> =>
  (await (await page.request.get(`${baseUrl}${path}`)).json()) as T;

describe('problem classes, escalation ladder and routing rules in the browser', () => {
  it('jiaocheng sets a 3-level ladder from a preset, adds a routing rule, groups two problems and answers them once', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);

    // 提级阶梯: 惠安“321” (three levels), then one limit changed and saved.
    await office.goto(`${baseUrl}/problems/settings`);
    // The ladder has loaded (its version goes with the preset).
    await office.getByTestId('ladder-source').waitFor();
    await pick(office, 'preset-select', '惠安“321”');
    await office.getByTestId('preset-apply').click();
    // The preset is saved by the server before the levels are looked for (a refusal fails here, with its status).
    const applied = office.waitForResponse(
      (response) => response.url().endsWith(`/api/escalation-ladders/${jiaocheng}/preset`),
      { timeout: 30_000 },
    );
    await office.getByTestId('preset-confirm').click();
    expect((await applied).status()).toBe(200);
    await office.getByTestId('preset-confirm').waitFor({ state: 'detached' });
    await expect.poll(() => office.getByTestId('ladder-level').count(), { timeout: 15_000 }).toBe(3);
    await expect
      .poll(() => office.getByTestId('level-name').first().inputValue(), { timeout: 15_000 })
      .toBe('责任部门协调（每月3次）');
    // A level without a name is refused on its field and nothing is saved.
    await office.getByTestId('level-name').nth(1).fill('');
    await office.getByTestId('ladder-save').click();
    await office.getByText('请填写层级名称').waitFor();
    await office.getByTestId('level-name').nth(1).fill('分管领导协调');
    await office.getByTestId('level-limit').first().fill('8');
    await office.getByTestId('ladder-save').click();
    await expect
      .poll(
        async () => {
          const ladder = await getJson<EscalationLadder>(office, `/api/escalation-ladders/${jiaocheng}`);
          return ladder.levels.map((level) => `${level.name}/${level.limitWorkingDays}`);
        },
        { timeout: 15_000 },
      )
      .toEqual(['责任部门协调（每月3次）/8', '分管领导协调/15', '县长协调（每月1次）/20']);
    expect(await office.getByTestId('ladder-source').textContent()).toContain('蕉城区');
    await screenshot(office, 'problem-config-ladder');

    // 交办规则: a category no rule of 蕉城区 names yet goes to the county office in 6 working days.
    const before = (await getJson<{ data: RoutingRule[] }>(office, '/api/problem-routing-rules')).data;
    const category = defaultProblemCategories.find(
      (name) => !before.some((rule) => rule.regionCode === jiaocheng && rule.category === name),
    );
    expect(category).toBeDefined();
    await office.getByTestId('rule-add').click();
    const dialog = office.getByRole('dialog');
    await pick(office, 'rule-category', category!);
    await pick(office, 'rule-department', handlerName, '蕉城区重点');
    await dialog.getByTestId('rule-limit').fill('6');
    await dialog.getByTestId('rule-ok').click();
    const ruleRow = office.getByTestId('rules-table').locator('tr', { hasText: category! });
    await ruleRow.filter({ hasText: handlerName }).waitFor({ timeout: 15_000 });
    expect(await ruleRow.textContent()).toContain('6 个工作日');
    await screenshot(office, 'problem-config-rules');

    // Two problems of that category on owner1's 蕉城区 project now go to the county office.
    const owner = await signIn('owner1', 'desktop', null);
    const project = (await getJson<{ data: { id: string }[] }>(owner, '/api/projects?pageSize=1')).data[0]!;
    const references: string[] = [];
    for (const description of ['一期地块用地报批卡在预审环节', '二期地块用地报批同样卡在预审环节']) {
      const raised = await owner.request.post(`${baseUrl}/api/problems`, {
        data: { projectId: project.id, category, description },
      });
      expect(raised.ok()).toBe(true);
      const problem = (await raised.json()) as Problem;
      expect(problem.status).toBe('accepted');
      expect(problem.handlerOrganisationName).toBe(handlerName);
      references.push(problem.referenceNumber);
    }

    // 归为一类 from the list, then 统一答复 on the class page.
    await office.goto(`${baseUrl}/problems?view=all`);
    const table = office.getByTestId('problems-table');
    for (const reference of references)
      await table.locator('tr', { hasText: reference }).locator('.ant-checkbox-input').check();
    await office.getByTestId('problems-classify').click();
    await office.getByRole('dialog').getByTestId('class-name').fill('同类用地预审问题');
    await office.getByRole('dialog').getByTestId('class-ok').click();
    await office.waitForURL(/\/problems\/classes\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await expect.poll(() => office.getByTestId('class-member').count(), { timeout: 15_000 }).toBe(2);
    expect(await office.getByTestId('class-open').textContent()).toBe('2');
    await office.getByTestId('class-answer-text').fill('已协调自然资源局本周集中预审，两宗地块一并办理');
    await office.getByTestId('class-answer-ok').click();
    await expect
      .poll(
        () =>
          office
            .getByTestId('class-member')
            .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status'))),
        { timeout: 15_000 },
      )
      .toEqual(['answered', 'answered']);
    expect(await office.getByTestId('class-answer').textContent()).toContain('两宗地块一并办理');
    await screenshot(office, 'problem-config-class');

    // Each member's detail page names its class and shows the common answer.
    await office.getByTestId('class-member').first().getByRole('link').click();
    await office.getByTestId('problem-class-link').filter({ hasText: '同类用地预审问题' }).waitFor();
    expect(await office.getByTestId('problem-status').first().textContent()).toBe('已答复');
    expect(await office.getByTestId('problem-answer').textContent()).toContain('两宗地块一并办理');
    await screenshot(office, 'problem-config-detail');
  }, 180_000);
});
