import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalItems, milestoneNodes, milestonePlans } from '../../db/schema';
import { clearDispatch } from '../../testing/clear-dispatch';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
let jiaocheng: string;
let fuan: string;

const approval = (
  projectId: string,
  name: string,
  status: 'accepted' | 'approved',
  extra: { approvedOn?: string } = {},
) =>
  t.db
    .insert(approvalItems)
    .values({
      projectId,
      code: `T-${name}`,
      name,
      statutoryDays: 20,
      committedDays: 2,
      requiredBeforeStart: true,
      status,
      acceptedOn: '2026-03-02',
      sortOrder: 1,
      ...extra,
    })
    .returning({ id: approvalItems.id })
    .then(([row]) => row!.id);

async function plan(projectId: string, nodes: { name: string; plannedOn: string; actualOn?: string }[]) {
  await t.db
    .insert(milestonePlans)
    .values({ projectId, templateName: '测试模板', targetCode: 'n0', targetOn: '2026-12-31' });
  const rows = await t.db
    .insert(milestoneNodes)
    .values(
      nodes.map((n, i) => ({
        projectId,
        code: `n${i}`,
        name: n.name,
        durationDays: 5,
        sortOrder: i,
        baselineOn: n.plannedOn,
        plannedOn: n.plannedOn,
        actualOn: n.actualOn ?? null,
      })),
    )
    .returning({ id: milestoneNodes.id, name: milestoneNodes.name });
  return new Map(rows.map((r) => [r.name, r.id]));
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await clearDispatch(t.db);
  const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  jiaocheng = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: owner,
    name: '议程测试蕉城项目',
  });
  fuan = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: owner,
    name: '议程测试福安项目',
  });
  // Accepted on Monday 2 March with 2 committed working days: due Wednesday 4 March.
  ids.overdueApproval = await approval(jiaocheng, '环评批复', 'accepted');
  ids.approvedApproval = await approval(jiaocheng, '用地预审', 'approved', { approvedOn: '2026-03-03' });
  ids.otherCountyApproval = await approval(fuan, '福安环评', 'accepted');
  const nodes = await plan(jiaocheng, [
    { name: '施工招标', plannedOn: '2026-03-03' },
    { name: '初步设计', plannedOn: '2026-02-10', actualOn: '2026-02-12' },
    { name: '开工', plannedOn: '2026-03-20' },
  ]);
  ids.overdueNode = nodes.get('施工招标')!;
  ids.reachedNode = nodes.get('初步设计')!;
  ids.laterNode = nodes.get('开工')!;
  ids.otherCountyNode = (await plan(fuan, [{ name: '福安招标', plannedOn: '2026-03-03' }])).get('福安招标')!;
}, 120_000);
afterAll(async () => t.close());

describe('approval items and milestone nodes on a county meeting’s agenda', () => {
  it('takes up the county’s overdue approval item and node, not reached, approved or another county’s', async () => {
    t.clock.set(beijingMorning('2026-03-02'));
    const county = await t.as('jiaocheng');
    const adopted = await county.post('/api/meeting-series', {
      regionCode: '350902',
      preset: 'countyWeekly',
    });
    expect(adopted.status).toBe(200);
    const seriesId = adopted.body.data.find((s: { code: string }) => s.code === 'county-weekly').id;
    const scheduled = await county.post('/api/meetings', { seriesId, heldOn: '2026-03-09' });
    expect(scheduled.status).toBe(200);
    const detail = await county.get(`/api/meetings/${scheduled.body.id}`);
    expect(detail.status).toBe(200);
    const agenda = detail.body.agenda as {
      key: string;
      source: string;
      sourceId: string;
      projectId: string;
      title: string;
      daysOverdue: number;
    }[];
    const byKey = new Map(agenda.map((i) => [i.key, i]));
    // Due Wednesday 4 March: Thursday, Friday and Monday the 9th are 3 working days overdue.
    expect(byKey.get(`approval:${ids.overdueApproval}`)).toMatchObject({
      source: 'approval',
      projectId: jiaocheng,
      title: '议程测试蕉城项目：环评批复（超期 3 个工作日）',
      daysOverdue: 3,
    });
    // Planned Tuesday 3 March and not reached: 4 working days overdue on the 9th.
    expect(byKey.get(`milestone:${ids.overdueNode}`)).toMatchObject({
      source: 'milestone',
      projectId: jiaocheng,
      title: '议程测试蕉城项目：施工招标（计划 2026-03-03，逾期 4 个工作日）',
      daysOverdue: 4,
    });
    for (const key of [
      `approval:${ids.approvedApproval}`,
      `approval:${ids.otherCountyApproval}`,
      `milestone:${ids.reachedNode}`,
      `milestone:${ids.laterNode}`,
      `milestone:${ids.otherCountyNode}`,
    ])
      expect(byKey.has(key), key).toBe(false);
    // Problems, tasks and projects come before approval items, and approval items before nodes.
    const rank = (source: string) => agenda.findIndex((i) => i.source === source);
    expect(rank('approval')).toBeLessThan(rank('milestone'));
    expect(agenda.slice(rank('approval')).every((i) => ['approval', 'milestone'].includes(i.source))).toBe(
      true,
    );
    // Another county does not see the meeting at all.
    expect((await (await t.as('fuan')).get(`/api/meetings/${scheduled.body.id}`)).status).toBe(404);
  });
});
