import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;
let otherCounty: Person;
let owner: Person;
let projectId: string;
let templateId: string;

async function at(date: string) {
  t.clock.set(beijingMorning(date));
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
}

interface Node {
  id: string;
  code: string;
  name: string;
  plannedOn: string;
  baselineOn: string | null;
  actualOn: string | null;
  overdue: boolean;
  slipDays: number;
  version: number;
}
const milestones = async (who: Person = county) => {
  const response = await who.get(`/api/projects/${projectId}/milestones`);
  expect(response.status).toBe(200);
  return response.body as {
    plan: { status: string; version: number } | null;
    nodes: Node[];
    adjustments: { nodeName: string; fromOn: string; toOn: string; reason: string }[];
    summary: { total: number; reached: number; overdue: number; dueThisMonth: number };
    canManage: boolean;
    canRecordActual: boolean;
  };
};
const node = async (code: string, who: Person = county) =>
  (await milestones(who)).nodes.find((n) => n.code === code)!;

beforeAll(async () => {
  t = await createTestApp();
  await at('2026-01-05');
  projectId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    name: '蕉城区节点计划测试项目',
  });
  await t.db.update(projects).set({ stage: 'preparing' }).where(eq(projects.id, projectId));
}, 120_000);
afterAll(async () => t.close());

describe('node templates', () => {
  it('are the demo city’s two presets, offered in its counties read-only; a second copy is refused', async () => {
    const own = await city.get('/api/milestone-templates');
    expect(own.body.data.map((tpl: { name: string }) => tpl.name).sort()).toEqual([
      '在建项目十一节点',
      '签约到投产六节点',
    ]);
    const eleven = own.body.data.find((tpl: { name: string }) => tpl.name === '在建项目十一节点');
    expect(eleven.nodes).toHaveLength(11);
    templateId = eleven.id;
    const seen = await county.get('/api/milestone-templates');
    expect(seen.body.canManage).toBe(true);
    expect(seen.body.data.find((tpl: { id: string }) => tpl.id === templateId)).toMatchObject({
      regionName: '宁德市',
      isOwn: false,
    });
    const refused = await county.patch(`/api/milestone-templates/${templateId}`, {
      name: '改名',
      version: 0,
    });
    expect(refused.status).toBe(403);
    expect(
      (await city.post('/api/milestone-templates', { regionCode: '350900', preset: 'construction-11' }))
        .status,
    ).toBe(409);
    const countyCopy = await county.post('/api/milestone-templates', {
      regionCode: '350902',
      preset: 'lifecycle',
      name: '蕉城区六节点',
    });
    expect(countyCopy.status).toBe(200);
    expect(countyCopy.body).toMatchObject({
      regionCode: '350902',
      name: '蕉城区六节点',
      defaultTarget: 'operation',
    });
  });

  it('refuses nodes whose predecessors are missing or that form a cycle, naming them', async () => {
    const bad = await city.post('/api/milestone-templates', {
      regionCode: '350900',
      name: '坏模板',
      defaultTarget: 'b',
      nodes: [
        { code: 'a', name: '甲', durationDays: 5, dependsOn: ['b'] },
        { code: 'b', name: '乙', durationDays: 5, dependsOn: ['a'] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/循环/);
  });
});

describe('a project node plan', () => {
  it('is scheduled back from 开工 on 2026-06-30 to the hand-computed dates, by the county office only', async () => {
    expect(
      (
        await owner.post(`/api/projects/${projectId}/milestones/plan`, {
          templateId,
          targetCode: 'start',
          targetOn: '2026-06-30',
        })
      ).status,
    ).toBe(403);
    const planned = await county.post(`/api/projects/${projectId}/milestones/plan`, {
      templateId,
      targetCode: 'start',
      targetOn: '2026-06-30',
    });
    expect(planned.status).toBe(200);
    const dates = Object.fromEntries(planned.body.nodes.map((n: Node) => [n.code, n.plannedOn]));
    expect(dates).toMatchObject({
      signing: '2026-02-12',
      filing: '2026-03-04',
      design: '2026-04-16',
      drawings: '2026-05-11',
      land: '2026-05-25',
      planning: '2026-06-15',
      tender: '2026-06-15',
      permit: '2026-06-23',
      start: '2026-06-30',
    });
    expect(planned.body.plan).toMatchObject({ status: 'draft', templateName: '在建项目十一节点' });
  });

  it('is not found for another county', async () => {
    expect((await otherCounty.get(`/api/projects/${projectId}/milestones`)).status).toBe(404);
    expect((await otherCounty.get(`/api/projects/${projectId}/fishbone`)).status).toBe(404);
  });

  it('freezes as the baseline; an adjustment then needs a reason and is kept beside the baseline', async () => {
    const { plan } = await milestones();
    const frozen = await county.post(`/api/projects/${projectId}/milestones/freeze`, {
      version: plan!.version,
    });
    expect(frozen.status).toBe(200);
    expect(frozen.body.nodes.every((n: Node) => n.baselineOn === n.plannedOn)).toBe(true);
    const replan = await county.post(`/api/projects/${projectId}/milestones/plan`, {
      templateId,
      targetCode: 'start',
      targetOn: '2026-07-30',
      version: frozen.body.plan.version,
    });
    expect(replan.status).toBe(409);
    const land = await node('land');
    const noReason = await county.patch(`/api/milestone-nodes/${land.id}`, {
      version: land.version,
      plannedOn: '2026-06-05',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    const moved = await county.patch(`/api/milestone-nodes/${land.id}`, {
      version: land.version,
      plannedOn: '2026-06-05',
      reason: '征迁延期，供地推迟两周',
    });
    expect(moved.status).toBe(200);
    const after = moved.body.nodes.find((n: Node) => n.code === 'land');
    // 05-25 → 06-05: 05-26…29 and 06-01…05, 9 working days later.
    expect(after).toMatchObject({ baselineOn: '2026-05-25', plannedOn: '2026-06-05', slipDays: 9 });
    expect(moved.body.adjustments).toEqual([
      expect.objectContaining({
        nodeName: '用地取得',
        fromOn: '2026-05-25',
        toOn: '2026-06-05',
        reason: '征迁延期，供地推迟两周',
      }),
    ]);
  });

  it('lets the owner record a node reached, not in the future; a node past its date is overdue', async () => {
    await at('2026-02-20');
    const signing = await node('signing', owner);
    const future = await owner.post(`/api/milestone-nodes/${signing.id}/actual`, {
      version: signing.version,
      actualOn: '2026-02-21',
    });
    expect(future.status).toBe(400);
    const overdue = await milestones(owner);
    expect(overdue.nodes.find((n) => n.code === 'signing')?.overdue).toBe(true);
    expect(overdue.summary.overdue).toBe(1);
    const reached = await owner.post(`/api/milestone-nodes/${signing.id}/actual`, {
      version: signing.version,
      actualOn: '2026-02-13',
      note: '签约仪式已举行',
    });
    expect(reached.status).toBe(200);
    expect(reached.body.nodes.find((n: Node) => n.code === 'signing')).toMatchObject({
      actualOn: '2026-02-13',
      overdue: false,
    });
    expect(reached.body.summary).toMatchObject({ reached: 1, overdue: 0 });
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, signing.id));
    expect(audit?.action).toBe('milestone.actual');
  });

  it('shows the fishbone: an overdue node on 进度 and an open problem on its own category, each linking to its record', async () => {
    await at('2026-03-10');
    const raised = await owner.post('/api/problems', {
      projectId,
      category: '用地',
      description: '用地报批材料被退回，需补充林地使用审批意见',
      request: '请协调林业部门出具意见',
    });
    expect(raised.status).toBe(200);
    const fishbone = await county.get(`/api/projects/${projectId}/fishbone`);
    expect(fishbone.status).toBe(200);
    const bones = Object.fromEntries(
      fishbone.body.bones.map((b: { category: string; causes: { title: string; link: string }[] }) => [
        b.category,
        b.causes,
      ]),
    );
    expect(bones.进度).toEqual([
      expect.objectContaining({
        title: '立项（审批/核准/备案）',
        link: `/projects/${projectId}?tab=milestones`,
      }),
    ]);
    expect(bones.用地).toEqual([expect.objectContaining({ link: `/problems/${raised.body.id}` })]);
  });

  it('colours a project by its overdue nodes under a rule that counts them, as many as its plan shows', async () => {
    const draft = await county.post('/api/warning-rule-sets', { regionCode: '350902', preset: 'yinchuan' });
    expect(draft.status).toBe(200);
    const rules = {
      ...draft.body.rules,
      start: { enabled: false, yellow: null, red: null },
      progress: { ...draft.body.rules.progress, enabled: false },
      statistics: { enabled: false, yellow: null, red: null },
      milestones: {
        enabled: true,
        yellow: { value: 1, inclusive: true },
        red: { value: 3, inclusive: true },
      },
    };
    const saved = await county.put(`/api/warning-rule-sets/${draft.body.id}`, {
      version: draft.body.version,
      name: '蕉城区节点预警',
      preset: null,
      rules,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const preview = await county.get(`/api/warning-rule-sets/${draft.body.id}/preview?month=2026-03`);
    expect(preview.status).toBe(200);
    type Change = {
      projectId: string;
      after: { colour: string; reasons: { dimension: string; params: { count: number } }[] };
    };
    const flagged = (preview.body.changes as Change[]).filter((c) =>
      c.after.reasons.some((r) => r.dimension === 'milestones'),
    );
    expect(flagged.length).toBeGreaterThan(0);
    for (const change of flagged) {
      const count = change.after.reasons.find((r) => r.dimension === 'milestones')!.params.count;
      const plan = await county.get(`/api/projects/${change.projectId}/milestones`);
      // The month has not ended (today is 03-10): overdue at the month's end means overdue today.
      expect(plan.body.nodes.filter((n: Node) => n.overdue)).toHaveLength(count);
      expect(change.after.colour).toBe(count >= 3 ? 'red' : 'yellow');
    }
  });

  it('lists the project in the portfolio of its county and city, and among the overdue ones', async () => {
    const portfolio = await city.get('/api/milestone-portfolio?overdue=true&q=节点计划测试');
    expect(portfolio.status).toBe(200);
    expect(portfolio.body.data.map((p: { projectName: string }) => p.projectName)).toEqual([
      '蕉城区节点计划测试项目',
    ]);
    expect(portfolio.body.data[0].nodes).toHaveLength(11);
    const other = await otherCounty.get('/api/milestone-portfolio?q=节点计划测试');
    expect(other.body.page.total).toBe(0);
  });
});
