import type { MilestonePortfolio, ProjectMilestones } from '@tuijin/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** A 蕉城 project of the demo whose frozen node plan has a node past its date (today's date). */
async function overdueProject(office: Page) {
  const portfolio = await getJson<MilestonePortfolio>(
    office,
    '/api/milestone-portfolio?regionCode=350902&overdue=true&pageSize=50',
  );
  const project = portfolio.data[0];
  if (!project) throw new Error('no 蕉城 project with an overdue node');
  return project;
}

describe('node plans, the 时间节点图 and the 鱼刺图', () => {
  it('shows the county office a project’s Gantt with its overdue node and its fishbone, in Chinese', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const project = await overdueProject(office);
    const plan = await getJson<ProjectMilestones>(office, `/api/projects/${project.projectId}/milestones`);
    const late = plan.nodes.find((n) => n.overdue)!;
    await office.goto(`${baseUrl}/projects/${project.projectId}?tab=milestones`);
    const gantt = office.getByTestId('milestone-gantt');
    await gantt.waitFor();
    await expect.poll(() => office.getByTestId('gantt-node').count()).toBe(plan.nodes.length);
    await office.getByTestId('milestone-plan-status').getByText('已冻结').waitFor();
    const nodes = office.getByTestId('milestone-nodes');
    await nodes.getByRole('row').filter({ hasText: late.name }).getByText(/超期/).waitFor();
    await screenshot(office, 'milestones-office-gantt');

    await office.getByText('鱼刺图', { exact: true }).click();
    const fishbone = office.getByTestId('fishbone-chart');
    await fishbone.waitFor();
    await fishbone.getByTestId('fishbone-bone').filter({ hasText: '进度' }).waitFor();
    await expect(
      fishbone.getByTestId('fishbone-cause').filter({ hasText: late.name }).count(),
    ).resolves.toBeGreaterThan(0);
    await screenshot(office, 'milestones-office-fishbone');
  });

  it('lists the county’s plans on the portfolio 时间节点图, each project opening its plan', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const project = await overdueProject(office);
    await office.goto(`${baseUrl}/milestones`);
    const chart = office.getByTestId('milestone-portfolio-chart');
    await chart.waitFor();
    const link = chart
      .getByTestId('portfolio-project')
      .filter({ has: office.locator('title', { hasText: project.projectName }) })
      .first();
    await link.waitFor();
    await screenshot(office, 'milestones-portfolio');
    await link.click();
    await office.waitForURL(new RegExp(`/projects/${project.projectId}\\?tab=milestones`));
    await office.getByTestId('milestone-gantt').waitFor();
  });

  it('lets the owner record a node reached on a phone, where the Gantt scrolls inside itself', async () => {
    const owner = await signIn('owner1', 'phone', null);
    const portfolio = await getJson<MilestonePortfolio>(owner, '/api/milestone-portfolio?pageSize=50');
    const mine = portfolio.data.find((p) =>
      p.nodes.some((n) => n.actualOn === null && n.plannedOn <= portfolio.today),
    );
    if (!mine) throw new Error('owner1 has no plan with a node due');
    const plan = await getJson<ProjectMilestones>(owner, `/api/projects/${mine.projectId}/milestones`);
    const due = plan.nodes.find((n) => n.actualOn === null && n.plannedOn <= plan.today)!;
    await owner.goto(`${baseUrl}/projects/${mine.projectId}?tab=milestones`);
    await owner.getByTestId('milestone-gantt').waitFor();
    expect(await owner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const row = owner
      .getByTestId('milestone-nodes')
      .locator('tr, .ant-card, .ant-list-item')
      .filter({ hasText: due.name })
      .first();
    await row.getByTestId('milestone-actual').click();
    await owner.getByTestId('milestone-actual-note').fill('现场已完成，监理签认');
    await owner.getByRole('dialog').getByRole('button', { name: '填报完成' }).click();
    await expect
      .poll(async () => {
        const after = await getJson<ProjectMilestones>(owner, `/api/projects/${mine.projectId}/milestones`);
        return after.nodes.find((n) => n.id === due.id)?.actualOn;
      })
      .toBe(plan.today);
    await screenshot(owner, 'milestones-owner-phone');
  });
});
