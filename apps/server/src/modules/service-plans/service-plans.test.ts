import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, servicePlanMeasures, servicePlans } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;
let otherCounty: Person;
let owner: Person;
let housing: Person;
let projectA: string;
let projectB: string;
const org = { owner: '', housing: '', drc: '', fuanSteel: '' };
const measureIds = { m1: '', m2: '', m3: '', m4: '' };

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  housing = await t.as('zhujian');
  org.owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  org.housing = await organisationId(t, '宁德市住房和城乡建设局');
  org.drc = await organisationId(t, '宁德市发展和改革委员会');
  org.fuanSteel = await organisationId(t, '福安市青拓新材料有限公司');
  projectA = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: org.owner,
    responsibleDepartmentId: org.housing,
    name: '蕉城区一项目一策测试项目',
  });
  projectB = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: org.fuanSteel,
    name: '福安市一项目一策测试项目',
  });
}, 120_000);
afterAll(async () => t.close());

const measure = (content: string, organisation: string, dueOn: string) => ({
  content,
  responsibleOrganisationId: organisation,
  dueOn,
});

describe('the demo plans, counted by hand', () => {
  it('gives the counts by status and overdue on the test day the demo design gives', async () => {
    // By hand from demo-service-plans.ts on 2026-03-02: 4 plans, 10 measures; open and past their
    // date: 构件运输 (−8 days), 农转用 (−5), 临时用电 (−12) = 3 overdue.
    const list = await city.get('/api/service-plans');
    expect(list.status).toBe(200);
    expect(list.body.rows).toHaveLength(4);
    expect(list.body.totals).toEqual({
      total: 10,
      notStarted: 2,
      inProgress: 4,
      done: 3,
      cancelled: 1,
      overdue: 3,
    });
    expect((await county.get('/api/service-plans')).body.rows).toHaveLength(2);
    const fuan = await otherCounty.get('/api/service-plans');
    expect(fuan.body.rows).toHaveLength(1);
    expect(fuan.body.rows[0].regionName).toBe('福安市');
  });
});

describe('a project plan kept by the office, its department and the responsible units', () => {
  it('lets only the office over the project or its department create the one plan', async () => {
    const body = { summary: '帮助项目解决返岗人员住宿和构件运输', lead: '蕉城区重点项目建设办公室' };
    expect((await owner.put(`/api/projects/${projectA}/service-plan`, body)).status).toBe(403);
    expect((await otherCounty.put(`/api/projects/${projectA}/service-plan`, body)).status).toBe(404);
    const missing = await county.put(`/api/projects/${projectA}/service-plan`, { summary: '', lead: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('summary');
    const created = await county.put(`/api/projects/${projectA}/service-plan`, body);
    expect(created.status).toBe(200);
    expect(created.body.plan).toMatchObject({ ...body, version: 0 });
    expect(created.body.canManage).toBe(true);
    // A second create (no version) is a conflict, never a second plan.
    expect((await housing.put(`/api/projects/${projectA}/service-plan`, body)).status).toBe(409);
    const edited = await housing.put(`/api/projects/${projectA}/service-plan`, {
      ...body,
      lead: '宁德市住房和城乡建设局',
      version: 0,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.plan.version).toBe(1);
    expect((await county.put(`/api/projects/${projectA}/service-plan`, { ...body, version: 0 })).status).toBe(
      409,
    );
    const plans = await t.db.select().from(servicePlans).where(eq(servicePlans.projectId, projectA));
    expect(plans).toHaveLength(1);
  });

  it('adds measures only for units of the jurisdiction and only once a plan exists', async () => {
    const noPlan = await otherCounty.post(
      `/api/projects/${projectB}/service-plan/measures`,
      measure('协调用地', org.fuanSteel, '2026-03-10'),
    );
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.error.details[0].path).toBe('plan');
    const foreign = await county.post(
      `/api/projects/${projectA}/service-plan/measures`,
      measure('协调用地', org.fuanSteel, '2026-03-10'),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].path).toBe('responsibleOrganisationId');
    const cases: [keyof typeof measureIds, string, string, string][] = [
      ['m1', '协调返岗人员住宿', org.owner, '2026-02-20'],
      ['m2', '办理施工许可', org.housing, '2026-03-02'],
      ['m3', '争取专项债资金', org.drc, '2026-03-01'],
      ['m4', '解决青苗赔偿', org.owner, '2026-02-25'],
    ];
    for (const [key, content, organisation, dueOn] of cases) {
      const res = await county.post(
        `/api/projects/${projectA}/service-plan/measures`,
        measure(content, organisation, dueOn),
      );
      expect(res.status).toBe(200);
      measureIds[key] = res.body.measures.find((m: { content: string }) => m.content === content).id;
    }
    expect(
      (
        await owner.post(
          `/api/projects/${projectA}/service-plan/measures`,
          measure('x', org.owner, '2026-04-01'),
        )
      ).status,
    ).toBe(403);
  });

  it('lets the responsible unit move its own measures, and no one else’s', async () => {
    const start = await owner.post(`/api/service-plan-measures/${measureIds.m4}/status`, {
      version: 0,
      status: 'inProgress',
    });
    expect(start.status).toBe(200);
    const done = await owner.post(`/api/service-plan-measures/${measureIds.m1}/status`, {
      version: 0,
      status: 'done',
      note: '已安排临时宿舍 120 间',
    });
    expect(done.status).toBe(200);
    const m1 = done.body.measures.find((m: { id: string }) => m.id === measureIds.m1);
    expect(m1).toMatchObject({
      status: 'done',
      completedOn: '2026-03-02',
      completionNote: '已安排临时宿舍 120 间',
    });
    expect(m1.nextStatuses).toEqual(['inProgress']);
    // The owner unit may not move the housing bureau's measure nor edit any measure.
    expect(
      (await owner.post(`/api/service-plan-measures/${measureIds.m2}/status`, { version: 0, status: 'done' }))
        .status,
    ).toBe(403);
    expect(
      (
        await owner.patch(`/api/service-plan-measures/${measureIds.m4}`, {
          ...measure('x', org.owner, '2026-05-01'),
          version: 1,
        })
      ).status,
    ).toBe(403);
    const edit = await county.patch(`/api/service-plan-measures/${measureIds.m4}`, {
      ...measure('解决青苗赔偿和临时用地', org.owner, '2026-02-25'),
      version: 1,
    });
    expect(edit.status).toBe(200);
    expect(edit.body.measures.find((m: { id: string }) => m.id === measureIds.m4).content).toBe(
      '解决青苗赔偿和临时用地',
    );
    const future = await housing.post(`/api/service-plan-measures/${measureIds.m2}/status`, {
      version: 0,
      status: 'done',
      completedOn: '2026-03-05',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].path).toBe('completedOn');
    const illegal = await county.post(`/api/service-plan-measures/${measureIds.m1}/status`, {
      version: 1,
      status: 'cancelled',
    });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.code).toBe('INVALID_TRANSITION');
    const cancel = await county.post(`/api/service-plan-measures/${measureIds.m3}/status`, {
      version: 0,
      status: 'cancelled',
      note: '项目改用企业自筹',
    });
    expect(cancel.status).toBe(200);
    const stale = await county.post(`/api/service-plan-measures/${measureIds.m3}/status`, {
      version: 0,
      status: 'inProgress',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
  });

  it('counts by status and overdue on the injected clock, as counted by hand', async () => {
    // By hand on 2026-03-02: m1 done, m2 未开始 due today (not overdue), m3 cancelled, m4 推进中 due
    // 02-25 (overdue).
    const plan = await city.get(`/api/projects/${projectA}/service-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.asOf).toBe('2026-03-02');
    expect(plan.body.plan.counts).toEqual({
      total: 4,
      notStarted: 1,
      inProgress: 1,
      done: 1,
      cancelled: 1,
      overdue: 1,
    });
    expect(
      plan.body.measures.filter((m: { isOverdue: boolean }) => m.isOverdue).map((m: { id: string }) => m.id),
    ).toEqual([measureIds.m4]);
    const saved = t.clock.now();
    t.clock.advance(24 * 3_600_000);
    try {
      // A fresh session on the moved clock (the idle timeout would end an older one).
      const tomorrow = await (await t.as('ningde')).get(`/api/projects/${projectA}/service-plan`);
      expect(tomorrow.body.asOf).toBe('2026-03-03');
      expect(tomorrow.body.plan.counts.overdue).toBe(2);
    } finally {
      t.clock.set(saved);
    }
  });
});

describe('the office list', () => {
  it('lists the plans in scope with their counts; a county never sees another county’s plan', async () => {
    expect(
      (
        await otherCounty.put(`/api/projects/${projectB}/service-plan`, {
          summary: '保障用地',
          lead: '福安市重点项目建设办公室',
        })
      ).status,
    ).toBe(200);
    const withHousing = await otherCounty.post(
      `/api/projects/${projectB}/service-plan/measures`,
      measure('协调施工图审查', org.housing, '2026-02-01'),
    );
    expect(withHousing.status).toBe(200);
    const mine = await county.get('/api/service-plans');
    expect(mine.status).toBe(200);
    const ids = mine.body.rows.map((r: { projectId: string }) => r.projectId);
    expect(ids).toContain(projectA);
    expect(ids).not.toContain(projectB);
    const rowA = mine.body.rows.find((r: { projectId: string }) => r.projectId === projectA);
    expect(rowA).toMatchObject({
      regionName: '蕉城区',
      counts: { total: 4, notStarted: 1, inProgress: 1, done: 1, cancelled: 1, overdue: 1 },
      nextDueOn: '2026-02-25',
    });
    expect((await county.get('/api/service-plans?regionCode=350981')).status).toBe(404);
    expect((await county.get(`/api/projects/${projectB}/service-plan`)).status).toBe(404);
    const theirs = await otherCounty.get('/api/service-plans');
    expect(theirs.body.rows.map((r: { projectId: string }) => r.projectId)).not.toContain(projectA);
    // The totals are the sum over the rows the caller sees, and agree with the table counted by hand.
    const cityList = await city.get('/api/service-plans');
    const sum = (key: string) =>
      cityList.body.rows.reduce((n: number, r: { counts: Record<string, number> }) => n + r.counts[key]!, 0);
    expect(cityList.body.totals.total).toBe(sum('total'));
    expect(cityList.body.totals.overdue).toBe(sum('overdue'));
    const all = await t.db.select().from(servicePlanMeasures);
    expect(cityList.body.totals.total).toBe(all.length);
    expect(cityList.body.totals.overdue).toBe(
      all.filter((m) => (m.status === 'notStarted' || m.status === 'inProgress') && m.dueOn < '2026-03-02')
        .length,
    );
  });

  it('filters by responsible unit, status and overdue only', async () => {
    const byHousing = await city.get(`/api/service-plans?organisationId=${org.housing}`);
    const housingIds = byHousing.body.rows.map((r: { projectId: string }) => r.projectId);
    expect(housingIds).toEqual(expect.arrayContaining([projectA, projectB]));
    const byDrc = await county.get(`/api/service-plans?organisationId=${org.drc}`);
    expect(byDrc.body.rows.map((r: { projectId: string }) => r.projectId)).toContain(projectA);
    const cancelled = await city.get('/api/service-plans?status=cancelled');
    expect(cancelled.body.rows.map((r: { projectId: string }) => r.projectId)).toContain(projectA);
    expect(cancelled.body.rows.map((r: { projectId: string }) => r.projectId)).not.toContain(projectB);
    const overdue = await city.get('/api/service-plans?overdueOnly=true');
    expect(overdue.body.rows.every((r: { counts: { overdue: number } }) => r.counts.overdue > 0)).toBe(true);
    expect(overdue.body.rows.map((r: { projectId: string }) => r.projectId)).toEqual(
      expect.arrayContaining([projectA, projectB]),
    );
  });

  it('shows a unit the plans where it is responsible for a measure, and lets it move only that', async () => {
    // Project B is outside the housing bureau's projects (no sector, another department), but it
    // holds one of its measures.
    const plan = await housing.get(`/api/projects/${projectB}/service-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.canManage).toBe(false);
    const [own] = plan.body.measures;
    expect(own.nextStatuses).toContain('done');
    expect(
      (await housing.post(`/api/service-plan-measures/${own.id}/status`, { version: 0, status: 'done' }))
        .status,
    ).toBe(200);
    expect(
      (await housing.put(`/api/projects/${projectB}/service-plan`, { summary: 'x', lead: 'y', version: 0 }))
        .status,
    ).toBe(403);
    const listed = await housing.get('/api/service-plans');
    expect(listed.body).toMatchObject({ rows: expect.any(Array) });
    const rows = listed.body.rows as {
      projectId: string;
      projectOpen: boolean;
    }[];
    // Listed, but not openable: the project's own file is not the unit's (the page opens the plan alone).
    expect(rows.find((r) => r.projectId === projectB)).toMatchObject({ projectOpen: false });
    expect((await housing.get(`/api/projects/${projectB}`)).status).toBe(404);
    const office = (await city.get('/api/service-plans')).body.rows as typeof rows;
    expect(office.find((r) => r.projectId === projectB)).toMatchObject({ projectOpen: true });
  });

  it('exports the list as Excel with a 合计 row', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/service-plans/export.xlsx',
      headers: { cookie: county.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('一项目一策')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    const list = await county.get('/api/service-plans');
    const rowIndex = list.body.rows.findIndex((r: { projectId: string }) => r.projectId === projectA);
    expect(values(4 + rowIndex).slice(1, 3)).toEqual(['蕉城区一项目一策测试项目', '蕉城区']);
    expect(values(4 + rowIndex).slice(6, 12)).toEqual([4, 1, 1, 1, 1, 1]);
    expect(values(4 + list.body.rows.length)[0]).toBe('合计');
    expect(values(4 + list.body.rows.length)[6]).toBe(list.body.totals.total);
  });

  it('records every change in the audit log', async () => {
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, projectA),
          inArray(auditEvents.action, [
            'servicePlan.save',
            'servicePlan.measure.create',
            'servicePlan.measure.update',
            'servicePlan.measure.move',
          ]),
        ),
      );
    const count = (action: string) => events.filter((e) => e.action === action).length;
    expect([
      count('servicePlan.save'),
      count('servicePlan.measure.create'),
      count('servicePlan.measure.move'),
    ]).toEqual([2, 4, 3]);
  });
});
