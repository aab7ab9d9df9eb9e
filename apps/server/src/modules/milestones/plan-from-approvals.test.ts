import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let county: Person;
let projectId: string;
let templateId: string;
let earliestStartOn: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(beijingMorning('2026-03-02'));
  county = await t.as('jiaocheng');
  projectId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    name: '蕉城区手续约束开工测试项目',
  });
  await t.db.update(projects).set({ stage: 'preparing' }).where(eq(projects.id, projectId));
  // One long procedure required before start: 200 working days from today sets the earliest start.
  const added = await county.post(`/api/projects/${projectId}/approvals`, {
    name: '长周期专项审批',
    committedDays: 200,
    requiredBeforeStart: true,
  });
  expect(added.status).toBe(200);
  earliestStartOn = added.body.schedule.earliestStartOn;
  const templates = await county.get('/api/milestone-templates');
  templateId = templates.body.data.find((tpl: { name: string }) => tpl.name === '签约到投产六节点').id;
}, 120_000);
afterAll(async () => t.close());

describe('the approvals’ earliest start bounds the 开工 node', () => {
  it('shows the earliest start and its critical chain beside a project without a plan', async () => {
    const answer = await county.get(`/api/projects/${projectId}/milestones`);
    expect(answer.status).toBe(200);
    const { approvalStart } = answer.body;
    expect(approvalStart.earliestStartOn).toBe(earliestStartOn);
    expect(earliestStartOn > '2026-12-01').toBe(true);
    expect(approvalStart.criticalChain).toEqual([
      { id: expect.any(String), name: '长周期专项审批', finishOn: expect.any(String) },
    ]);
    // The chain ends with the procedure whose approval is expected last, the working day before.
    expect(approvalStart.criticalChain[0].finishOn < earliestStartOn).toBe(true);
    expect(approvalStart).toMatchObject({ startNodeCode: null, isStartTooEarly: false });
  });

  it('refuses a backward plan that puts 开工 before it, naming both dates', async () => {
    const refused = await county.post(`/api/projects/${projectId}/milestones/plan`, {
      templateId,
      targetCode: 'start',
      targetOn: '2026-10-15',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(earliestStartOn);
    expect(refused.body.error.details[0]).toMatchObject({
      path: 'targetOn',
      issue: 'startBeforeApprovals',
      params: { startOn: '2026-10-15', earliestStartOn, node: '开工' },
    });
    // A target after 开工 (投产) whose backward 开工 is too early is refused as well.
    const byOperation = await county.post(`/api/projects/${projectId}/milestones/plan`, {
      templateId,
      targetCode: 'operation',
      targetOn: '2026-12-31',
    });
    expect(byOperation.status).toBe(400);
    expect(byOperation.body.error.details[0].issue).toBe('startBeforeApprovals');
  });

  it('plans 开工 on the earliest start instead, backward before it and forward after it, audited', async () => {
    const planned = await county.post(`/api/projects/${projectId}/milestones/plan`, {
      templateId,
      targetCode: 'operation',
      targetOn: '2026-12-31',
      fromEarliestStart: true,
    });
    expect(planned.status).toBe(200);
    const start = planned.body.nodes.find((n: { code: string }) => n.code === 'start');
    expect(start.plannedOn).toBe(earliestStartOn);
    const land = planned.body.nodes.find((n: { code: string }) => n.code === 'land');
    expect(land.plannedOn <= start.startOn).toBe(true);
    const operation = planned.body.nodes.find((n: { code: string }) => n.code === 'operation');
    expect(operation.plannedOn > '2026-12-31').toBe(true);
    expect(planned.body.plan).toMatchObject({ targetCode: 'start', targetOn: earliestStartOn });
    expect(planned.body.approvalStart).toMatchObject({ startNodeCode: 'start', isStartTooEarly: false });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, projectId))
      .then((rows) => rows.filter((r) => r.action === 'milestone.plan'));
    expect(event?.detail).toMatchObject({ fromEarliestStart: true, earliestStartOn });
  });

  it('lets a plan keep 开工 after the earliest start', async () => {
    const plan = (await county.get(`/api/projects/${projectId}/milestones`)).body.plan;
    const later = await county.post(`/api/projects/${projectId}/milestones/plan`, {
      templateId,
      targetCode: 'start',
      targetOn: '2027-03-01',
      version: plan.version,
    });
    expect(later.status).toBe(200);
    expect(later.body.nodes.find((n: { code: string }) => n.code === 'start').plannedOn).toBe('2027-03-01');
  });

  it('lets a template mark one 开工 node, not two', async () => {
    const node = (code: string, marksStart: boolean, dependsOn: string[] = []) => ({
      code,
      name: code,
      durationDays: 5,
      dependsOn,
      marksStart,
    });
    const twice = await county.post('/api/milestone-templates', {
      regionCode: '350902',
      name: '两个开工节点',
      domains: [],
      defaultTarget: 'b',
      nodes: [node('a', true), node('b', true, ['a'])],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].path).toBe('nodes.1.marksStart');
    const once = await county.post('/api/milestone-templates', {
      regionCode: '350902',
      name: '一个开工节点',
      domains: [],
      defaultTarget: 'b',
      nodes: [node('a', true), node('b', false, ['a'])],
    });
    expect(once.status).toBe(200);
    expect(once.body.nodes[0].marksStart).toBe(true);
  });
});
