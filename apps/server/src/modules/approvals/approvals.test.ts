import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { remindApprovalPromises } from '../notifications';
import {
  beijingMorning,
  insertTestProject,
  organisationId,
  systemTestCtx,
  userId,
} from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;
let otherCounty: Person;
let owner: Person;
let housing: Person;
let officer: Person;
let projectId: string;

/** Logs everyone in afresh at 09:00 Beijing time on a date. */
async function at(date: string) {
  t.clock.set(beijingMorning(date));
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  housing = await t.as('zhujian');
  officer = await t.as('officer1');
}

interface Item {
  id: string;
  code: string;
  name: string;
  status: string;
  version: number;
  departmentName: string | null;
  agentName: string | null;
  allowedMoves: string[];
  canSupply: boolean;
  materials: { id: string; name: string; promisedOn: string; suppliedOn: string | null; overdue: boolean }[];
  timing: {
    colour: string;
    elapsedDays: number | null;
    dueOn: string | null;
    conversionDueOn: string | null;
  };
}

async function checklist(who: Person = county) {
  const response = await who.get(`/api/projects/${projectId}/approvals`);
  expect(response.status).toBe(200);
  return response.body as {
    canManage: boolean;
    items: Item[];
    blockers: { name: string; kind: string; text: string }[];
    schedule: { earliestStartOn: string | null; criticalChain: string[] };
  };
}
const itemNamed = async (name: string, who: Person = county) =>
  (await checklist(who)).items.find((i) => i.name === name)!;

beforeAll(async () => {
  t = await createTestApp();
  await at('2025-09-01');
  projectId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    sector: '住建',
    name: '蕉城区前期手续测试项目',
  });
  await t.db.update(projects).set({ stage: 'preparing' }).where(eq(projects.id, projectId));
}, 120_000);
afterAll(async () => t.close());

describe('the procedure catalogue', () => {
  it('is the standard one in the demo city, with each department found by sector; a second load is refused', async () => {
    const loaded = await city.get('/api/approval-procedures');
    expect(loaded.body).toMatchObject({
      regionCode: '350900',
      catalogueRegionCode: '350900',
      canManage: true,
    });
    expect(loaded.body.data).toHaveLength(12);
    const permit = loaded.body.data.find((p: { code: string }) => p.code === 'shigong-xuke');
    expect(permit).toMatchObject({
      name: '施工许可',
      departmentName: '宁德市住房和城乡建设局',
      committedDays: 3,
      dependsOn: ['gongcheng-guihua', 'tushen'],
      requiredBeforeStart: true,
    });
    expect((await city.post('/api/approval-procedures/load-preset', { regionCode: '350900' })).status).toBe(
      409,
    );
  });

  it('applies the city catalogue in a county, read-only there; a county office may not change it', async () => {
    const seen = await county.get('/api/approval-procedures');
    expect(seen.body).toMatchObject({
      catalogueRegionCode: '350900',
      catalogueRegionName: '宁德市',
      canManage: false,
    });
    const permit = seen.body.data.find((p: { code: string }) => p.code === 'shigong-xuke');
    const refused = await county.patch(`/api/approval-procedures/${permit.id}`, {
      committedDays: 2,
      version: permit.version,
    });
    expect(refused.status).toBe(403);
  });

  it('lets the approving department shorten its committed limit, and refuses a dependency cycle naming it', async () => {
    const { body } = await housing.get('/api/approval-procedures');
    const drawings = body.data.find((p: { code: string }) => p.code === 'tushen');
    const changed = await housing.patch(`/api/approval-procedures/${drawings.id}`, {
      committedDays: 8,
      version: drawings.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ committedDays: 8, version: drawings.version + 1 });
    const cycle = await housing.patch(
      `/api/approval-procedures/${body.data.find((p: { code: string }) => p.code === 'yongdi-yushen').id}`,
      {
        dependsOn: ['shigong-xuke'],
        version: 0,
      },
    );
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toMatch(/循环/);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'approvalProcedure.update'), eq(auditEvents.entityId, drawings.id)));
    expect(audit?.changes).toEqual({ committedDays: { before: 10, after: 8 } });
  });
  it('lets a county start its own catalogue as a copy of the city’s, then manage it', async () => {
    const copied = await otherCounty.post('/api/approval-procedures/load-preset', { regionCode: '350981' });
    expect(copied.status).toBe(200);
    expect(copied.body).toMatchObject({ catalogueRegionCode: '350981', canManage: true });
    expect(copied.body.data.find((p: { code: string }) => p.code === 'tushen').committedDays).toBe(8);
    expect(
      (await otherCounty.post('/api/approval-procedures/load-preset', { regionCode: '350902' })).status,
    ).toBe(403);
  });
});

describe('a project checklist', () => {
  it('is generated by the county office for the 备案 route, without the other routes’ 立项 or 稳评', async () => {
    expect(
      (await owner.post(`/api/projects/${projectId}/approvals/generate`, { route: 'filing' })).status,
    ).toBe(403);
    const generated = await county.post(`/api/projects/${projectId}/approvals/generate`, { route: 'filing' });
    expect(generated.status).toBe(200);
    const names = generated.body.items.map((i: Item) => i.name);
    expect(names).toContain('项目备案');
    expect(names).not.toContain('项目核准');
    expect(names).not.toContain('社会稳定风险评估');
    expect(names).toHaveLength(9);
    expect(generated.body.items.find((i: Item) => i.code === 'tushen').committedDays).toBe(8);
    expect(
      (await county.post(`/api/projects/${projectId}/approvals/generate`, { route: 'filing' })).status,
    ).toBe(409);
  });

  it('is not found for another county', async () => {
    expect((await otherCounty.get(`/api/projects/${projectId}/approvals`)).status).toBe(404);
    const item = await itemNamed('项目备案');
    expect(
      (
        await otherCounty.post(`/api/approval-items/${item.id}/moves`, {
          version: 0,
          to: 'preparing',
          on: '2025-09-01',
        })
      ).status,
    ).toBe(404);
  });

  it('schedules the procedures in parallel and names the chain that sets the earliest start', async () => {
    const list = await checklist();
    const byId = new Map(list.items.map((i) => [i.id, i.name]));
    // The land chain (10 + 10 + 10 + 8 + 3 working days) outlasts 环评 (30) running beside it.
    expect(list.schedule.criticalChain.map((id) => byId.get(id))).toEqual([
      '用地预审与选址意见书',
      '建设用地规划许可证',
      '建设工程规划许可证',
      '施工图审查',
      '施工许可',
    ]);
    // From 09-01: 09-15, 09-28 (a Sunday worked), 10-17 over 国庆 (10-01…08 off, 10-11 worked), 10-29, 11-03.
    expect(list.schedule.earliestStartOn).toBe('2025-11-04');
    expect(list.blockers.map((b) => b.name)).toContain('施工许可');
  });
});

describe('容缺受理 and the clock', () => {
  it('lets only the approving department accept; the owner may not', async () => {
    const permit = await itemNamed('环境影响评价审批');
    expect(
      (
        await owner.post(`/api/approval-items/${permit.id}/moves`, {
          version: permit.version,
          to: 'accepted',
          on: '2025-09-01',
        })
      ).status,
    ).toBe(403);
  });

  it('accepts 施工图审查 with a document missing on the Friday before 国庆: promised 20 working days later, on 10-30', async () => {
    await at('2025-09-26');
    const drawings = await itemNamed('施工图审查', housing);
    expect(drawings.allowedMoves).toEqual(['accepted', 'accepted_with_gaps']);
    const noList = await housing.post(`/api/approval-items/${drawings.id}/moves`, {
      version: drawings.version,
      to: 'accepted_with_gaps',
      on: '2025-09-26',
    });
    expect(noList.status).toBe(400);
    expect(noList.body.error.details[0].path).toBe('missingMaterials');
    const moved = await housing.post(`/api/approval-items/${drawings.id}/moves`, {
      version: drawings.version,
      to: 'accepted_with_gaps',
      on: '2025-09-26',
      missingMaterials: [{ name: '消防设计专篇' }, { name: '岩土勘察报告', promisedDays: 5 }],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('accepted_with_gaps');
    expect(moved.body.materials.map((m: Item['materials'][number]) => [m.name, m.promisedOn])).toEqual([
      ['岩土勘察报告', '2025-10-10'],
      ['消防设计专篇', '2025-10-30'],
    ]);
    // 8 working days: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13, 10-14.
    expect(moved.body.timing).toMatchObject({ colour: 'green', elapsedDays: 0, dueOn: '2025-10-14' });
    const future = await housing.post(`/api/approval-items/${drawings.id}/moves`, {
      version: moved.body.version,
      to: 'returned',
      on: '2025-09-27',
      reason: '材料不全',
    });
    expect(future.status).toBe(400);
  });

  it('reminds the owner three working days before a promise and once it has passed, each once', async () => {
    const owner1 = await userId(t, 'owner1');
    const noticesOf = async () =>
      (await t.db.select().from(notifications).where(eq(notifications.userId, owner1)))
        .filter((n) => n.kind.startsWith('approval.'))
        .map((n) => [n.kind, (n.params as { material: string }).material]);
    // The promise of 10-10 counted from 09-28 (a Sunday worked): 09-29, 09-30, 10-09, 10-10 — 4 left.
    t.clock.set(beijingMorning('2025-09-28'));
    expect(await remindApprovalPromises(systemTestCtx(t))).toBe(0);
    t.clock.set(beijingMorning('2025-09-29'));
    expect(await remindApprovalPromises(systemTestCtx(t))).toBe(1);
    expect(await noticesOf()).toEqual([['approval.promiseDueSoon', '岩土勘察报告']]);
    t.clock.set(beijingMorning('2025-09-30'));
    expect(await remindApprovalPromises(systemTestCtx(t))).toBe(0);
    t.clock.set(beijingMorning('2025-10-13'));
    // Past the promise: the owner is told it is overdue, and the county office that it is broken.
    const office = await userId(t, 'jiaocheng');
    const sent = await remindApprovalPromises(systemTestCtx(t));
    expect(await noticesOf()).toEqual([
      ['approval.promiseDueSoon', '岩土勘察报告'],
      ['approval.promiseOverdue', '岩土勘察报告'],
    ]);
    const broken = (await t.db.select().from(notifications).where(eq(notifications.userId, office))).filter(
      (n) => n.kind === 'approval.promiseBroken',
    );
    expect(broken).toHaveLength(1);
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(await remindApprovalPromises(systemTestCtx(t))).toBe(0);
  });

  it('turns yellow at half its 8 days and red at 90 %, and red at once when a promise passes', async () => {
    await at('2025-10-09');
    expect((await itemNamed('施工图审查')).timing).toMatchObject({ colour: 'yellow', elapsedDays: 4 });
    await at('2025-10-13');
    // 10-13 is the 7th working day of 8 (87.5 %) but 岩土勘察报告 was promised for 10-10.
    const late = await itemNamed('施工图审查');
    expect(late.timing.colour).toBe('red');
    expect(late.materials.find((m) => m.name === '岩土勘察报告')?.overdue).toBe(true);
  });

  it('refuses 新开工 naming the blockers; the office override is audited', async () => {
    const [project] = await t.db.select().from(projects).where(eq(projects.id, projectId));
    const refused = await county.post(`/api/projects/${projectId}/stage`, {
      to: 'started',
      on: '2025-10-13',
      reason: '业主申请开工',
      version: project!.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_TRANSITION');
    expect(refused.body.error.message).toContain('施工图审查：容缺材料未补齐（岩土勘察报告、消防设计专篇）');
    expect(refused.body.error.message).toContain('施工许可（未启动）');
    expect(refused.body.error.details.every((d: { issue: string }) => d.issue === 'startBlocked')).toBe(true);
  });

  it('lets the owner supply the materials; the last one puts the item back to 已受理 with the 2-day conversion limit', async () => {
    const drawings = await itemNamed('施工图审查', owner);
    expect(drawings.canSupply).toBe(true);
    const first = drawings.materials.find((m) => m.name === '岩土勘察报告')!;
    const one = await owner.post(`/api/approval-items/${drawings.id}/materials/${first.id}/supply`, {
      version: drawings.version,
      on: '2025-10-13',
    });
    expect(one.status).toBe(200);
    expect(one.body.status).toBe('accepted_with_gaps');
    const again = await owner.post(`/api/approval-items/${drawings.id}/materials/${first.id}/supply`, {
      version: one.body.version,
      on: '2025-10-13',
    });
    expect(again.status).toBe(409);
    const second = drawings.materials.find((m) => m.name === '消防设计专篇')!;
    const last = await owner.post(`/api/approval-items/${drawings.id}/materials/${second.id}/supply`, {
      version: one.body.version,
      on: '2025-10-13',
    });
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ status: 'accepted', gapsClearedOn: '2025-10-13' });
    expect(last.body.timing.conversionDueOn).toBe('2025-10-15');
  });

  it('approves with the 文号 only from 已受理, by the department', async () => {
    const drawings = await itemNamed('施工图审查', housing);
    const approved = await housing.post(`/api/approval-items/${drawings.id}/moves`, {
      version: drawings.version,
      to: 'approved',
      on: '2025-10-13',
      approvalNumber: '宁建审〔2025〕18号',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvalNumber: '宁建审〔2025〕18号' });
    expect(approved.body.timing).toMatchObject({ colour: 'done', approvedInTime: true });
  });

  it('assigns an agent, who then sees the item in its own list; the owner sees who carries it', async () => {
    const permit = await itemNamed('施工许可');
    const agents = await county.get('/api/approval-agents');
    expect(agents.body.data.map((a: { displayName: string }) => a.displayName)).toContain('周丽华');
    const assigned = await county.patch(`/api/approval-items/${permit.id}`, {
      version: permit.version,
      agentUserId: await userId(t, 'officer1'),
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.agentName).toBe('周丽华');
    const notAgent = await county.patch(`/api/approval-items/${permit.id}`, {
      version: assigned.body.version,
      agentUserId: await userId(t, 'zhujian'),
    });
    expect(notAgent.status).toBe(400);
    const mine = await officer.get('/api/approval-items?view=agent&pageSize=200');
    const ours = (mine.body.data as { name: string; projectName: string }[]).filter(
      (r) => r.projectName === '蕉城区前期手续测试项目',
    );
    expect(ours.map((r) => r.name)).toEqual(['施工许可']);
    expect((await itemNamed('施工许可', owner)).agentName).toBe('周丽华');
    const ownerEdit = await owner.patch(`/api/approval-items/${permit.id}`, {
      version: assigned.body.version,
      agentUserId: null,
    });
    expect(ownerEdit.status).toBe(403);
    expect(ownerEdit.body.error.message).toContain('帮办代办人');
  });

  it('lists the department the items it approves, pressing first', async () => {
    const listed = await housing.get('/api/approval-items?view=department&pageSize=200');
    expect(listed.status).toBe(200);
    const rows = listed.body.data as {
      name: string;
      projectName: string;
      departmentName: string;
      dueOn: string | null;
    }[];
    expect(rows.every((r) => r.departmentName === '宁德市住房和城乡建设局')).toBe(true);
    expect(rows.filter((r) => r.projectName === '蕉城区前期手续测试项目').map((r) => r.name)).toEqual([
      '施工许可',
    ]);
    const dated = rows.map((r) => r.dueOn ?? '9999');
    expect(dated).toEqual([...dated].sort());
  });

  it('lets the office override the gate with a reason, audited with the blockers', async () => {
    const [project] = await t.db.select().from(projects).where(eq(projects.id, projectId));
    const forced = await county.post(`/api/projects/${projectId}/stage`, {
      to: 'started',
      on: '2025-10-13',
      reason: '市政府专题会议同意先行开工',
      overrideApprovals: true,
      version: project!.version,
    });
    expect(forced.status).toBe(200);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'project.start.override'), eq(auditEvents.entityId, projectId)));
    expect(audit?.detail).toMatchObject({ reason: '市政府专题会议同意先行开工' });
    expect((audit!.detail as { blockers: string[] }).blockers).toContain('施工许可（未启动）');
  });
});
