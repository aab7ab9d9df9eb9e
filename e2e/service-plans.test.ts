import type { ProjectListItem, ProjectServicePlan, ServicePlanList } from '@tuijin/contracts';
import type { Page } from 'playwright-core';
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

async function addMeasure(page: Page, content: string, unit: string, dueOn: string) {
  const tab = page.getByTestId('project-service-plan');
  await tab.getByRole('button', { name: /新增措施/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('措施内容').fill(content);
  await dialog.getByLabel('责任单位').fill(unit.slice(2, 6));
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${unit}"]`).click();
  const due = dialog.getByLabel('完成时限');
  await due.click();
  await due.fill(dueOn);
  await due.press('Enter');
  await dialog.getByRole('button', { name: ok }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  await tab.getByRole('row', { name: new RegExp(content) }).waitFor({ timeout: 15_000 });
}

describe('一项目一策', () => {
  it('the office adds a plan with two measures, the owner unit marks one done, the list counts them', async () => {
    const owner = await signIn('owner1', 'desktop', null);
    const mine = (await (await owner.request.get(`${baseUrl}/api/projects?pageSize=100`)).json()) as {
      data: ProjectListItem[];
    };
    let projectId: string | undefined;
    let projectName = '';
    for (const project of mine.data) {
      const plan = (await (
        await owner.request.get(`${baseUrl}/api/projects/${project.id}/service-plan`)
      ).json()) as ProjectServicePlan;
      if (plan.plan === null && project.regionCode === '350902') {
        projectId = project.id;
        projectName = project.name;
        break;
      }
    }
    expect(projectId, 'the owner unit has a 蕉城 project without a plan').toBeDefined();

    const office = await signIn('jiaocheng', 'desktop', `/projects/${projectId}?tab=servicePlan`);
    const tab = office.getByTestId('project-service-plan');
    await tab.getByText('该项目还没有服务方案').waitFor({ timeout: 15_000 });
    await tab.getByRole('button', { name: /建立服务方案/ }).click();
    const planDialog = office.getByRole('dialog');
    await planDialog.getByRole('button', { name: ok }).click();
    await planDialog.getByText('必填').first().waitFor({ timeout: 15_000 });
    await planDialog.getByLabel('服务目标').fill('保障项目节后复工：解决返岗人员住宿和施工许可');
    await planDialog.getByLabel('牵头单位/牵头人').fill('蕉城区重点项目建设办公室');
    await planDialog.getByRole('button', { name: ok }).click();
    await tab.getByText('保障项目节后复工：解决返岗人员住宿和施工许可').waitFor({ timeout: 15_000 });

    const dueSoon = chinaDay(10);
    const dueYesterday = chinaDay(-1);
    await addMeasure(office, '协调返岗人员临时住宿', '宁德市蕉城区城市建设投资开发有限公司', dueSoon);
    await addMeasure(office, '办理施工许可证', '宁德市住房和城乡建设局', dueYesterday);
    // Due yesterday and not done: overdue today.
    await tab
      .getByRole('row', { name: /办理施工许可证/ })
      .getByText('逾期')
      .waitFor();
    await tab
      .getByTestId('service-plan-counts')
      .getByText(/2 项措施：未开始 2/)
      .waitFor();

    // The owner unit, responsible for the first measure, marks it done; it cannot move the other.
    await owner.goto(`${baseUrl}/projects/${projectId}?tab=servicePlan`);
    const ownerTab = owner.getByTestId('project-service-plan');
    const housingRow = ownerTab.getByRole('row', { name: /办理施工许可证/ });
    await housingRow.waitFor({ timeout: 15_000 });
    expect(await housingRow.getByTestId('measure-move-done').count()).toBe(0);
    await ownerTab
      .getByRole('row', { name: /协调返岗人员临时住宿/ })
      .getByTestId('measure-move-done')
      .click();
    const done = owner.getByRole('dialog');
    await done.getByLabel('完成情况/说明').fill('已安排临时宿舍 80 间');
    await done.getByRole('button', { name: ok }).click();
    await ownerTab
      .getByRole('row', { name: /协调返岗人员临时住宿/ })
      .getByText('已完成', { exact: true })
      .waitFor({ timeout: 15_000 });
    await ownerTab.getByText(/已安排临时宿舍 80 间/).waitFor();
    await screenshot(owner, 'project-service-plan-tab');

    // The office list: the project with 2 measures, 1 done, 1 not started, 1 overdue (in red).
    await office.goto(`${baseUrl}/service-plans`);
    const row = office.getByTestId('service-plans-table').getByRole('row', { name: new RegExp(projectName) });
    await row.waitFor({ timeout: 15_000 });
    const cells = await row.locator('td').allInnerTexts();
    // 项目, 所在地, 项目分类, 措施, 未开始, 推进中, 已完成, 已取消, 逾期, 最近时限, 牵头单位, 服务目标
    expect(cells.slice(3, 9)).toEqual(['2', '1', '0', '1', '0', '1']);
    expect(cells[9]).toBe(dueYesterday);
    expect(await row.getByTestId('plan-overdue').locator('.ant-typography-danger').count()).toBe(1);
    const list = (await (await office.request.get(`${baseUrl}/api/service-plans`)).json()) as ServicePlanList;
    expect(list.asOf).toBe(chinaDay(0));
    await office.getByTestId('overdue-only').click();
    await expect
      .poll(async () =>
        office
          .getByTestId('service-plans-table')
          .getByRole('row', { name: new RegExp(projectName) })
          .count(),
      )
      .toBe(1);
    await screenshot(office, 'service-plans-list');
  });
});
