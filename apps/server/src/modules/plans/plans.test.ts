import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const year = 2027;
const twelve = (value: string) => Array.from({ length: 12 }, () => value);
const draft = (over: Record<string, unknown> = {}) => ({
  plannedInvestmentWanYuan: '1200',
  plansStart: true,
  startMonth: 4,
  goals: '完成主体结构',
  splitKind: 'month',
  splitWanYuan: twelve('100'),
  version: null,
  ...over,
});

type Person = Awaited<ReturnType<TestApp['as']>>;
async function projectIds(person: Person, query = '') {
  const page = (await person.get(`/api/projects?pageSize=200${query}`)).body;
  return page.data.map((p: { id: string }) => p.id) as string[];
}

let owner: Person;
let county: Person;
let ownProject: string;
let otherJiaocheng: string;
let fuanProject: string;
beforeAll(async () => {
  owner = await t.as('owner1');
  county = await t.as('jiaocheng');
  const owned = await projectIds(owner);
  ownProject = owned[0]!;
  otherJiaocheng = (await projectIds(county)).find((id) => !owned.includes(id))!;
  fuanProject = (await projectIds(await t.as('fuan')))[0]!;
});

describe('saving a draft plan', () => {
  it('lets an owner create and edit the plan of its own project, audited with before/after', async () => {
    const created = await owner.put(`/api/projects/${ownProject}/annual-plans/${year}`, draft());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      status: 'draft',
      plannedInvestmentWanYuan: '1200',
      splitWanYuan: twelve('100'),
      baseline: null,
      abilities: { edit: true, freeze: false, adjust: false },
    });
    const edited = await owner.put(
      `/api/projects/${ownProject}/annual-plans/${year}`,
      draft({ plannedInvestmentWanYuan: '1300.5', splitKind: 'none', splitWanYuan: null, version: 0 }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 1, plannedInvestmentWanYuan: '1300.5', splitKind: 'none' });
    const history = (await owner.get(`/api/projects/${ownProject}/history`)).body.data;
    const update = history.find((e: { action: string }) => e.action === 'plan.update');
    expect(update.changes.plannedInvestmentWanYuan).toEqual({ before: '1200', after: '1300.5' });
    expect(update.changes.splitWanYuan).toEqual({ before: twelve('100'), after: null });
    expect(history.some((e: { action: string }) => e.action === 'plan.create')).toBe(true);
  });

  it('refuses a stale version and a second plan for the same year as CONFLICT', async () => {
    const stale = await owner.put(`/api/projects/${ownProject}/annual-plans/${year}`, draft({ version: 0 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect((await owner.put(`/api/projects/${ownProject}/annual-plans/${year}`, draft())).status).toBe(409);
  });

  it('refuses an owner on another owner’s project (NOT_FOUND) and a department (FORBIDDEN)', async () => {
    const other = await owner.put(`/api/projects/${otherJiaocheng}/annual-plans/${year}`, draft());
    expect(other.status).toBe(404);
    const zhujian = await t.as('zhujian');
    const visible = (await projectIds(zhujian))[0]!;
    expect((await zhujian.put(`/api/projects/${visible}/annual-plans/${year}`, draft())).status).toBe(403);
    const leader = await t.as('leader1');
    const led = (await projectIds(leader))[0]!;
    expect((await leader.put(`/api/projects/${led}/annual-plans/${year}`, draft())).status).toBe(403);
  });

  it('lets a county office edit plans in its county only', async () => {
    expect((await county.put(`/api/projects/${otherJiaocheng}/annual-plans/${year}`, draft())).status).toBe(
      200,
    );
    expect((await county.put(`/api/projects/${fuanProject}/annual-plans/${year}`, draft())).status).toBe(404);
  });

  it('names the field of a bad plan', async () => {
    const bad = await county.put(
      `/api/projects/${fuanProject}/annual-plans/${year}`,
      draft({ splitWanYuan: [...twelve('100').slice(1), '99'] }),
    );
    expect(bad.status).toBe(404);
    const split = await owner.put(
      `/api/projects/${ownProject}/annual-plans/2028`,
      draft({ splitWanYuan: [...twelve('100').slice(1), '99'] }),
    );
    expect(split.status).toBe(400);
    expect(split.body.error.details).toContainEqual({
      path: 'splitWanYuan',
      message: expect.stringContaining('应等于计划投资 1200'),
    });
    const month = await owner.put(
      `/api/projects/${ownProject}/annual-plans/2028`,
      draft({ plansStart: true, startMonth: null }),
    );
    expect(month.status).toBe(400);
    expect(month.body.error.details).toContainEqual({
      path: 'startMonth',
      message: '计划开工时须填写开工月份',
    });
    const unknown = await owner.put(
      `/api/projects/${ownProject}/annual-plans/2028`,
      draft({ status: 'frozen' }),
    );
    expect(unknown.status).toBe(400);
    expect((await t.call(null, 'PUT', `/api/projects/${ownProject}/annual-plans/2028`, draft())).status).toBe(
      401,
    );
  });
});

async function planOf(person: Person, projectId: string, planYear = year) {
  const plans = (await person.get(`/api/projects/${projectId}/annual-plans`)).body.data;
  return plans.find((p: { year: number }) => p.year === planYear);
}

describe('freezing plans', () => {
  it('refuses owners and departments, and a plan outside the office’s county as NOT_FOUND', async () => {
    const plan = await planOf(county, ownProject);
    const body = { year, plans: [{ id: plan.id, version: plan.version }] };
    expect((await owner.post('/api/annual-plans/freeze', body)).status).toBe(403);
    expect((await (await t.as('zhujian')).post('/api/annual-plans/freeze', body)).status).toBe(403);
    expect((await (await t.as('fuan')).post('/api/annual-plans/freeze', body)).status).toBe(404);
    expect((await county.post('/api/annual-plans/freeze', { ...body, year: 2026 })).status).toBe(404);
  });

  it('freezes many plans of a year in one transaction, copying the baseline', async () => {
    const mine = await planOf(county, ownProject);
    const other = await planOf(county, otherJiaocheng);
    const stale = await county.post('/api/annual-plans/freeze', {
      year,
      plans: [
        { id: mine.id, version: mine.version },
        { id: other.id, version: other.version + 1 },
      ],
    });
    expect(stale.status).toBe(409);
    expect((await planOf(county, ownProject)).status).toBe('draft');
    const frozen = await county.post('/api/annual-plans/freeze', {
      year,
      plans: [
        { id: mine.id, version: mine.version },
        { id: other.id, version: other.version },
      ],
    });
    expect(frozen.status).toBe(200);
    expect(frozen.body.frozen).toBe(2);
    const plan = await planOf(county, ownProject);
    expect(plan).toMatchObject({
      status: 'frozen',
      frozenByName: expect.any(String),
      baseline: { plannedInvestmentWanYuan: '1300.5', splitKind: 'none', plansStart: true },
      abilities: { edit: false, freeze: false, adjust: true },
    });
    const again = await county.post('/api/annual-plans/freeze', {
      year,
      plans: [{ id: plan.id, version: plan.version }],
    });
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses an edit of a frozen plan: changes go through adjustments', async () => {
    const plan = await planOf(owner, ownProject);
    expect(plan.abilities).toEqual({ edit: false, freeze: false, adjust: false });
    const edit = await owner.put(
      `/api/projects/${ownProject}/annual-plans/${year}`,
      draft({ version: plan.version }),
    );
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('INVALID_TRANSITION');
  });
});

describe('adjusting a frozen plan (年中调整)', () => {
  const adjustment = (plan: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
    plannedInvestmentWanYuan: '900',
    priorCompletedWanYuan: plan.priorCompletedWanYuan,
    plansStart: plan.plansStart,
    startMonth: plan.startMonth,
    plansCompletion: plan.plansCompletion,
    completionMonth: plan.completionMonth,
    plansOperation: plan.plansOperation,
    operationMonth: plan.operationMonth,
    goals: plan.goals,
    splitKind: 'quarter',
    splitWanYuan: ['100', '200', '300', '300'],
    reason: '征地延期，下半年投资顺延',
    version: plan.version,
    ...over,
  });

  it('records the adjustment with reason, approver and before/after, keeping the baseline', async () => {
    const plan = await planOf(county, ownProject);
    expect((await owner.post(`/api/annual-plans/${plan.id}/adjustments`, adjustment(plan))).status).toBe(403);
    expect(
      (await (await t.as('fuan')).post(`/api/annual-plans/${plan.id}/adjustments`, adjustment(plan))).status,
    ).toBe(404);
    const blank = await county.post(
      `/api/annual-plans/${plan.id}/adjustments`,
      adjustment(plan, { reason: ' ' }),
    );
    expect(blank.status).toBe(400);
    expect(blank.body.error.details[0].path).toBe('reason');
    const same = await county.post(
      `/api/annual-plans/${plan.id}/adjustments`,
      adjustment(plan, { plannedInvestmentWanYuan: '1300.50', splitKind: 'none', splitWanYuan: null }),
    );
    expect(same.status).toBe(400);
    const done = await county.post(`/api/annual-plans/${plan.id}/adjustments`, adjustment(plan));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'frozen',
      plannedInvestmentWanYuan: '900',
      splitKind: 'quarter',
      baseline: { plannedInvestmentWanYuan: '1300.5', splitKind: 'none' },
      version: plan.version + 1,
    });
    expect(done.body.adjustments).toEqual([
      {
        id: expect.any(String),
        reason: '征地延期，下半年投资顺延',
        before: { plannedInvestmentWanYuan: '1300.5', splitKind: 'none', splitWanYuan: null },
        after: {
          plannedInvestmentWanYuan: '900',
          splitKind: 'quarter',
          splitWanYuan: ['100', '200', '300', '300'],
        },
        approvedByName: expect.any(String),
        at: expect.any(String),
      },
    ]);
    const stale = await county.post(
      `/api/annual-plans/${plan.id}/adjustments`,
      adjustment(plan, { plannedInvestmentWanYuan: '800', splitKind: 'none', splitWanYuan: null }),
    );
    expect(stale.status).toBe(409);
    const history = (await county.get(`/api/projects/${ownProject}/history`)).body.data;
    const audited = history.find((e: { action: string }) => e.action === 'plan.adjust');
    expect(audited.changes.plannedInvestmentWanYuan).toEqual({ before: '1300.5', after: '900' });
    expect(audited.detail.reason).toBe('征地延期，下半年投资顺延');
  });

  it('refuses to adjust a draft', async () => {
    const created = await owner.put(`/api/projects/${ownProject}/annual-plans/2029`, draft());
    const refused = await county.post(
      `/api/annual-plans/${created.body.id}/adjustments`,
      adjustment(created.body),
    );
    expect(refused.body.error.code).toBe('INVALID_TRANSITION');
  });
});

describe('a year’s plan list', () => {
  it('lists plans in scope with totals equal to the rows, filtered, and NOT_FOUND outside', async () => {
    const city = await t.as('ningde');
    const all = (await city.get(`/api/annual-plans?year=${year}&pageSize=200`)).body;
    expect(all.totals.count).toBe(2);
    expect(all.totals).toMatchObject({ plannedWanYuan: '2100', baselineWanYuan: '2500.5' });
    const frozen = (await county.get(`/api/annual-plans?year=${year}&status=frozen&region=350902`)).body;
    expect(frozen.data.map((p: { projectId: string }) => p.projectId).sort()).toEqual(
      [ownProject, otherJiaocheng].sort(),
    );
    expect((await (await t.as('fuan')).get(`/api/annual-plans?year=${year}`)).body.totals.count).toBe(0);
    const mine = (await owner.get(`/api/annual-plans?year=${year}`)).body;
    expect(mine.data.map((p: { projectId: string }) => p.projectId)).toEqual([ownProject]);
    expect(mine.data[0]).toMatchObject({
      adjustmentCount: 1,
      canFreeze: false,
      baselineInvestmentWanYuan: '1300.5',
    });
    expect((await (await t.as('fuan')).get(`/api/projects/${ownProject}/annual-plans`)).status).toBe(404);
    expect((await city.get('/api/annual-plans?year=1999')).status).toBe(400);
  });

  it('exports the list to Excel with neutralised text and a totals row', async () => {
    const plan = await planOf(county, ownProject, 2029);
    await owner.put(
      `/api/projects/${ownProject}/annual-plans/2029`,
      draft({ goals: '=HYPERLINK("http://x")', version: plan.version }),
    );
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/annual-plans/export.xlsx?year=2029',
      headers: { cookie: county.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(4, 14).value).toBe('\'=HYPERLINK("http://x")');
    expect(sheet.getCell(4, 7).value).toBe(1200);
    expect(sheet.getCell(5, 1).value).toBe('合计');
    expect(sheet.getCell(5, 7).value).toMatchObject({ formula: 'SUM(G4:G4)', result: 1200 });
    const outside = await t.app.inject({
      method: 'GET',
      url: '/api/annual-plans/export.xlsx?year=2029',
      headers: { cookie: (await t.as('fuan')).cookie },
    });
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(outside.rawPayload as unknown as ArrayBuffer);
    expect(other.worksheets[0]!.getCell(4, 1).value).toBe('合计');
  });
});

describe('demo plans', () => {
  it('gives preparing, started and underway projects a frozen plan for the year, a few adjusted, audited', async () => {
    const city = await t.as('ningde');
    const plans = (await city.get('/api/annual-plans?year=2026&pageSize=200')).body;
    const projects = (await city.get('/api/projects?pageSize=200')).body.data;
    // Active this year: started or underway, or preparing to start this year (a 前期 project that
    // starts next year has no plan for this one).
    const active = projects.filter(
      (p: { stage: string; startYear: number }) =>
        ['started', 'underway'].includes(p.stage) || (p.stage === 'preparing' && p.startYear <= 2026),
    );
    expect(plans.totals.count).toBe(active.length);
    const planned = new Set(plans.data.map((p: { projectId: string }) => p.projectId));
    expect(active.every((p: { id: string }) => planned.has(p.id))).toBe(true);
    expect(plans.data.every((p: { status: string }) => p.status === 'frozen')).toBe(true);
    const adjusted = plans.data.filter((p: { adjustmentCount: number }) => p.adjustmentCount > 0);
    expect(adjusted.length).toBeGreaterThanOrEqual(3);
    expect(plans.totals.plannedWanYuan).not.toBe(plans.totals.baselineWanYuan);
    expect(
      plans.data.some((p: { stage: string; plansStart: boolean }) => p.stage === 'started' && p.plansStart),
    ).toBe(true);
    const sample = adjusted[0];
    // The project's plans of every year: this year's is the adjusted one (a project under way since
    // last year has last year's plan too, and the list's order is not this test's business).
    const detail = (await city.get(`/api/projects/${sample.projectId}/annual-plans`)).body.data.find(
      (p: { year: number }) => p.year === 2026,
    );
    expect(detail.adjustments[0].reason).not.toBe('');
    expect(detail.baseline.plannedInvestmentWanYuan).toBe(sample.baselineInvestmentWanYuan);
    const history = (await city.get(`/api/projects/${sample.projectId}/history`)).body.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['plan.create', 'plan.freeze', 'plan.adjust']),
    );
  });
});
