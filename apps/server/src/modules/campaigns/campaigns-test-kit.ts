import { eq } from 'drizzle-orm';
import { monthlyReports, projects } from '../../db/schema';
import type { TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';

async function project(
  t: TestApp,
  regionCode: string,
  org: string,
  name: string,
  total: string,
  startOn: string | null,
) {
  const id = await insertTestProject(t, {
    regionCode,
    ownerOrganisationId: await organisationId(t, org),
    name,
  });
  await t.db
    .update(projects)
    .set({ totalInvestmentWanYuan: total, actualStartOn: startOn, stage: startOn ? 'started' : 'preparing' })
    .where(eq(projects.id, id));
  return id;
}

/**
 * The small fixture the campaigns tests count by hand: A (10000, started 02-10), B (5000.5, no
 * start on the project but a submitted February report starting 02-20) and E (4000, only a draft
 * report claiming a start) in 蕉城, owned by owner1's unit; C (8000, started 03-01) and D (3000,
 * started 2024) in 福安.
 */
export async function buildCampaignFixture(t: TestApp) {
  const jcInvest = '宁德市蕉城区城市建设投资开发有限公司';
  const faOrg = '福安市青拓新材料有限公司';
  const ids = {
    a: await project(t, '350902', jcInvest, '活动测试项目甲', '10000', '2026-02-10'),
    b: await project(t, '350902', jcInvest, '活动测试项目乙', '5000.5', null),
    c: await project(t, '350981', faOrg, '活动测试项目丙', '8000', '2026-03-01'),
    d: await project(t, '350981', faOrg, '活动测试项目丁', '3000', '2024-05-08'),
    e: await project(t, '350902', jcInvest, '活动测试项目戊', '4000', null),
  };
  const report = { year: 2026, month: 2, dueOn: '2026-02-25' };
  await t.db.insert(monthlyReports).values([
    {
      ...report,
      projectId: ids.b,
      completedWanYuan: '300',
      actualStartOn: '2026-02-20',
      status: 'submitted',
    },
    { ...report, projectId: ids.e, completedWanYuan: '0', actualStartOn: '2026-02-27', status: 'draft' },
  ]);
  return ids;
}
