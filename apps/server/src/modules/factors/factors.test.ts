import { and, eq, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, factorDemands, factorQuotaAllocations, problems, projects } from '../../db/schema';
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
const org = { owner: '', housing: '', naturalResources: '', fuanSteel: '' };
const asOf = '2026-03-02';

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  housing = await t.as('zhujian');
  org.owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  org.housing = await organisationId(t, '宁德市住房和城乡建设局');
  org.naturalResources = await organisationId(t, '宁德市自然资源局');
  org.fuanSteel = await organisationId(t, '福安市青拓新材料有限公司');
  projectA = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: org.owner,
    name: '蕉城区要素保障测试项目',
  });
  projectB = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: org.fuanSteel,
    name: '福安市要素保障测试项目',
  });
}, 120_000);
afterAll(async () => t.close());

const blank = {
  metQuantity: '0',
  unit: null,
  note: null,
  landKind: null,
  landQuotaStatus: null,
  landApprovalStage: null,
  landDeliveryOn: null,
  coalTonnes: null,
  financePurpose: null,
  banksMatched: null,
  disbursedWanYuan: null,
  utilityKind: null,
  materialName: null,
};

type Demand = { id: string; type: string; quantity: string; version: number; [key: string]: unknown };

describe('the demo board, counted by hand', () => {
  it('gives the counts and quantities the demo design gives on the test day', async () => {
    // By hand from demo-factors.ts on 2026-03-02: 30 demands; met 9, 无法保障 3, 保障中 9, 待保障 9;
    // open and past their date: 126.5 亩 (−18), 600 人 (−10), 42.3 亩 (−5), 5000 m³/d (−3),
    // 砂石 (−6), 95.2 亩 (−2), 450 人 (−1) = 7.
    const board = await city.get('/api/factors/board');
    expect(board.status).toBe(200);
    expect(board.body.asOf).toBe(asOf);
    expect(board.body.totals).toEqual({ total: 30, pending: 9, inProgress: 9, met: 9, unmet: 3, overdue: 7 });
    // 用地: 126.5 + 85 + 42.3 + 210 + 68 + 155.8 + 36 + 95.2 = 818.8 亩; met 85 + 60 + 68 + 40 = 253.
    expect(board.body.byType.find((r: { type: string }) => r.type === 'land')).toMatchObject({
      unit: '亩',
      total: 8,
      met: 2,
      overdue: 3,
      quantity: '818.8',
      metQuantity: '253',
    });
    // 用能: 8600 + 12500 + 3200 + 5400 = 29700 吨标准煤; met 12500 + 5400.
    expect(board.body.byType.find((r: { type: string }) => r.type === 'energy')).toMatchObject({
      unit: '吨标准煤',
      total: 4,
      unmet: 1,
      quantity: '29700',
      metQuantity: '17900',
    });
    expect(board.body.byType.find((r: { type: string }) => r.type === 'labour')).toMatchObject({
      quantity: '2420',
      metQuantity: '1500',
    });
    expect(board.body.byType.find((r: { type: string }) => r.type === 'utilities').quantity).toBeNull();
    expect(board.body.overdue).toHaveLength(7);
    expect(board.body.overdue[0].daysOverdue).toBe(18);
    // The regions add up to the whole, 亩 and all.
    const regions = board.body.byRegion as {
      total: number;
      quantities: { type: string; quantity: string }[];
    }[];
    expect(regions.reduce((n, r) => n + r.total, 0)).toBe(30);
    const landSum = regions
      .map((r) => Number(r.quantities.find((q) => q.type === 'land')!.quantity) * 10)
      .reduce((a, b) => a + b, 0);
    expect(landSum).toBe(8188);
    // The first overdue 用地 demand was raised as a problem, category 用地, on its project.
    const linked = (board.body.demands as Demand[]).filter((d) => d.problem !== null);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ type: 'land', quantity: '126.5', canRaiseProblem: false });
    const [problem] = await t.db
      .select({ category: problems.category, projectId: problems.projectId })
      .from(problems)
      .where(eq(problems.id, (linked[0]!.problem as { id: string }).id));
    expect(problem).toEqual({ category: '用地', projectId: linked[0]!.projectId });
  });

  it('filters by type, status and department, and lets a county see only its own', async () => {
    const land = await city.get('/api/factors/board?type=land&status=inProgress');
    expect(land.body.totals.total).toBe(4);
    const byDepartment = await city.get(`/api/factors/board?departmentId=${org.housing}`);
    expect(byDepartment.body.totals.total).toBe(5);
    // By hand from the rows: the demo demands on 蕉城区 projects.
    const jiaocheng = await t.db
      .select({ id: factorDemands.id })
      .from(factorDemands)
      .innerJoin(projects, eq(projects.id, factorDemands.projectId))
      .where(eq(projects.regionCode, '350902'));
    const countyBoard = await county.get('/api/factors/board');
    expect(countyBoard.status).toBe(200);
    expect(countyBoard.body.totals.total).toBe(jiaocheng.length);
    expect((countyBoard.body.demands as Demand[]).every((d) => d.regionName === '蕉城区')).toBe(true);
    expect((await county.get('/api/factors/board?regionCode=350981')).status).toBe(404);
    const ownerProjects = await t.db
      .select({ id: factorDemands.id })
      .from(factorDemands)
      .innerJoin(projects, eq(projects.id, factorDemands.projectId))
      .where(eq(projects.ownerOrganisationId, org.owner));
    const ownerBoard = await owner.get('/api/factors/board');
    expect(ownerBoard.body.totals.total).toBe(ownerProjects.length);
    expect((await t.call(null, 'GET', '/api/factors/board')).status).toBe(401);
  });
});

describe('demands on a project', () => {
  let demandId = '';
  let version = 0;

  it('lets the owner unit add demands on its own projects only, with the type’s own fields', async () => {
    const landDemand = {
      ...blank,
      type: 'land',
      quantity: '１２０.5',
      responsibleOrganisationId: org.naturalResources,
      neededBy: '2026-02-20',
      landKind: 'new',
      landApprovalStage: 'conversionFiled',
      landQuotaStatus: 'applying',
      financePurpose: '不属于用地的字段',
    };
    const created = await owner.post(`/api/projects/${projectA}/factor-demands`, landDemand);
    expect(created.status).toBe(200);
    const demand = (created.body.demands as Demand[])[0]!;
    expect(demand).toMatchObject({
      type: 'land',
      quantity: '120.5',
      unit: '亩',
      status: 'pending',
      financePurpose: null,
      isOverdue: true,
      daysOverdue: 10,
      responsibleOrganisationName: '宁德市自然资源局',
      nextStatuses: [],
      canEdit: true,
    });
    demandId = demand.id;
    version = demand.version;
    expect((await owner.post(`/api/projects/${projectB}/factor-demands`, landDemand)).status).toBe(404);
    expect((await housing.post(`/api/projects/${projectA}/factor-demands`, landDemand)).status).toBe(404);
  });

  it('refuses bad input naming the field', async () => {
    const base = { ...blank, responsibleOrganisationId: org.naturalResources, neededBy: '2026-04-01' };
    const noKind = await county.post(`/api/projects/${projectA}/factor-demands`, {
      ...base,
      type: 'land',
      quantity: '10',
    });
    expect(noKind.status).toBe(400);
    expect(noKind.body.error.details[0].path).toBe('landKind');
    const noUnit = await county.post(`/api/projects/${projectA}/factor-demands`, {
      ...base,
      type: 'materials',
      quantity: '10',
      materialName: '钢材',
    });
    expect(noUnit.body.error.details[0].path).toBe('unit');
    const tooMuch = await county.post(`/api/projects/${projectA}/factor-demands`, {
      ...base,
      type: 'energy',
      quantity: '100',
      metQuantity: '120',
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.message).toBe('已保障数量 120 吨标准煤超过需求数量 100 吨标准煤');
    const foreign = await county.post(`/api/projects/${projectA}/factor-demands`, {
      ...base,
      type: 'labour',
      quantity: '50',
      responsibleOrganisationId: org.fuanSteel,
    });
    expect(foreign.body.error.details[0].path).toBe('responsibleOrganisationId');
    const badQuantity = await county.post(`/api/projects/${projectA}/factor-demands`, {
      ...base,
      type: 'labour',
      quantity: '-5',
    });
    expect(badQuantity.body.error.details[0].path).toBe('quantity');
  });

  it('lets the office and the responsible department move it, and no one else', async () => {
    const labour = await county.post(`/api/projects/${projectA}/factor-demands`, {
      ...blank,
      type: 'labour',
      quantity: '300',
      metQuantity: '120',
      responsibleOrganisationId: org.housing,
      neededBy: '2026-03-20',
    });
    const row = (labour.body.demands as Demand[]).find((d) => d.type === 'labour')!;
    // The housing bureau does not see the project otherwise, but sees and moves its own demand.
    expect((await housing.get(`/api/projects/${projectA}/factors`)).status).toBe(200);
    const moved = await housing.post(`/api/factor-demands/${row.id}/status`, {
      version: 0,
      status: 'inProgress',
    });
    expect(moved.status).toBe(200);
    expect(
      (await housing.post(`/api/factor-demands/${row.id}/status`, { version: 0, status: 'met' })).status,
    ).toBe(409);
    const met = await housing.post(`/api/factor-demands/${row.id}/status`, { version: 1, status: 'met' });
    expect((met.body.demands as Demand[]).find((d) => d.id === row.id)).toMatchObject({
      status: 'met',
      metQuantity: '300',
      metOn: asOf,
    });
    const refused = await housing.post(`/api/factor-demands/${row.id}/status`, {
      version: 2,
      status: 'unmet',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_TRANSITION');
    // The owner states demands but does not guarantee them; the land demand is not the bureau's.
    expect(
      (await owner.post(`/api/factor-demands/${demandId}/status`, { version, status: 'met' })).status,
    ).toBe(403);
    expect(
      (await housing.post(`/api/factor-demands/${demandId}/status`, { version, status: 'met' })).status,
    ).toBe(404);
    const edited = await owner.patch(`/api/factor-demands/${demandId}`, {
      ...blank,
      type: 'land',
      quantity: '130',
      responsibleOrganisationId: org.naturalResources,
      neededBy: '2026-02-20',
      landKind: 'new',
      version,
    });
    expect(edited.status).toBe(200);
    version += 1;
    const stale = await county.patch(`/api/factor-demands/${demandId}`, {
      ...blank,
      type: 'land',
      quantity: '140',
      responsibleOrganisationId: org.naturalResources,
      neededBy: '2026-02-20',
      landKind: 'new',
      version: 0,
    });
    expect(stale.status).toBe(409);
  });

  it('raises the overdue demand as a problem once, linked on the demand', async () => {
    expect((await otherCounty.post(`/api/factor-demands/${demandId}/problem`, { version })).status).toBe(404);
    const raised = await county.post(`/api/factor-demands/${demandId}/problem`, { version });
    expect(raised.status).toBe(200);
    const demand = (raised.body.demands as Demand[]).find((d) => d.id === demandId)!;
    expect(demand.problem).toMatchObject({ referenceNumber: expect.stringMatching(/^WT-350902-2026-/) });
    expect(demand.canRaiseProblem).toBe(false);
    const [problem] = await t.db
      .select()
      .from(problems)
      .where(eq(problems.id, (demand.problem as { id: string }).id));
    expect(problem).toMatchObject({ projectId: projectA, category: '用地', channel: 'app' });
    expect(problem!.description).toContain('用地要素需求130 亩');
    const again = await county.post(`/api/factor-demands/${demandId}/problem`, { version: version + 1 });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('已转为问题');
    // A demand not yet due and not 无法保障 cannot be raised.
    const future = await county.post(`/api/projects/${projectA}/factor-demands`, {
      ...blank,
      type: 'finance',
      quantity: '5000',
      responsibleOrganisationId: org.housing,
      neededBy: '2026-06-01',
    });
    const finance = (future.body.demands as Demand[]).find((d) => d.type === 'finance')!;
    expect(finance.canRaiseProblem).toBe(false);
    expect((await county.post(`/api/factor-demands/${finance.id}/problem`, { version: 0 })).status).toBe(400);
  });

  it('audits every change on the project', async () => {
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, projectA),
          inArray(auditEvents.action, [
            'factor.demand.create',
            'factor.demand.update',
            'factor.demand.move',
            'factor.demand.raiseProblem',
            'problem.raise',
          ]),
        ),
      );
    const counts = actions.reduce<Record<string, number>>((acc, a) => {
      acc[a.action] = (acc[a.action] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts).toEqual({
      'factor.demand.create': 3,
      'factor.demand.update': 1,
      'factor.demand.move': 2,
      'factor.demand.raiseProblem': 1,
      'problem.raise': 1,
    });
  });
});

describe('要素跟着项目走: the quota view', () => {
  it('splits the city’s quota by real starts, as the demo design gives', async () => {
    // By hand from demo-factors.ts: 用地 2600 亩; to started projects 320 + 185.5 + 260 + 96 =
    // 861.5, to projects not started 240 + 150 + 88.5 = 478.5. 能耗 180000 吨标准煤; started 42000 +
    // 26500, unstarted 35000 + 18000.
    const view = await city.get('/api/factors/quotas?year=2026');
    expect(view.status).toBe(200);
    expect(view.body.canManage).toBe(true);
    const land = view.body.kinds.find((k: { kind: string }) => k.kind === 'land');
    expect(land).toMatchObject({
      amount: '2600',
      allocated: '1340',
      started: '861.5',
      unstarted: '478.5',
      remaining: '1260',
    });
    expect(view.body.kinds.find((k: { kind: string }) => k.kind === 'energy')).toMatchObject({
      amount: '180000',
      started: '68500',
      unstarted: '53000',
    });
    // The rows agree with the projects' start dates.
    const rows = await t.db
      .select({ amount: factorQuotaAllocations.amount, actualStartOn: projects.actualStartOn })
      .from(factorQuotaAllocations)
      .innerJoin(projects, eq(projects.id, factorQuotaAllocations.projectId))
      .where(isNull(factorQuotaAllocations.deletedAt));
    const unstarted = rows.filter((r) => r.actualStartOn === null || r.actualStartOn > asOf);
    // 3 of land and 2 of energy.
    expect(unstarted).toHaveLength(5);
    expect(land.allocations.filter((a: { isStarted: boolean }) => !a.isStarted)).toHaveLength(3);
  });

  it('shows quota moved to a project not started as quota on unstarted projects', async () => {
    const before = await city.get('/api/factors/quotas?year=2026');
    const land = before.body.kinds.find((k: { kind: string }) => k.kind === 'land');
    const jiaochengBefore = land.regions.find((r: { regionName: string }) => r.regionName === '蕉城区');
    const moved = await city.post(`/api/factor-quotas/${land.quotaId}/allocations`, {
      projectId: projectA,
      amount: '50',
      allocatedOn: '2026-03-01',
      note: null,
    });
    expect(moved.status).toBe(200);
    const after = moved.body.kinds.find((k: { kind: string }) => k.kind === 'land');
    // 478.5 + 50 = 528.5 on projects not started; started unchanged.
    expect(after).toMatchObject({
      unstarted: '528.5',
      started: '861.5',
      allocated: '1390',
      remaining: '1210',
    });
    const jiaocheng = after.regions.find((r: { regionName: string }) => r.regionName === '蕉城区');
    expect(Number(jiaocheng.unstarted) - Number(jiaochengBefore.unstarted)).toBe(50);
    expect(jiaocheng.projects).toBe(jiaochengBefore.projects + 1);
    // The project's 要素 tab shows it.
    const tab = await owner.get(`/api/projects/${projectA}/factors`);
    expect(tab.body.quotaAllocations).toEqual([
      expect.objectContaining({
        kind: 'land',
        amount: '50',
        unit: '亩',
        quotaRegionName: '宁德市',
        year: 2026,
      }),
    ]);
  });

  it('never allocates past the quota, and only the office of the jurisdiction keeps it', async () => {
    const view = await city.get('/api/factors/quotas?year=2026');
    const land = view.body.kinds.find((k: { kind: string }) => k.kind === 'land');
    const over = await city.post(`/api/factor-quotas/${land.quotaId}/allocations`, {
      projectId: projectB,
      amount: '1210.5',
      allocatedOn: '2026-03-01',
    });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe(
      '分配后累计 2600.5 亩，超过用地指标 2600 亩（已分配 1390 亩，尚可分配 1210 亩）',
    );
    expect(over.body.error.details[0].path).toBe('amount');
    const county2 = await county.post(`/api/factor-quotas/${land.quotaId}/allocations`, {
      projectId: projectA,
      amount: '1',
      allocatedOn: '2026-03-01',
    });
    expect(county2.status).toBe(404);
    expect(
      (
        await county.put('/api/factors/quotas', {
          regionCode: '350900',
          year: 2026,
          kind: 'land',
          amount: '9000',
          version: land.version,
        })
      ).status,
    ).toBe(404);
    // The city is over 蕉城 but a county's quota is the county office's to set.
    expect(
      (await city.put('/api/factors/quotas', { regionCode: '350902', year: 2026, kind: 'land', amount: '1' }))
        .status,
    ).toBe(403);
    expect(
      (
        await owner.put('/api/factors/quotas', {
          regionCode: '350902',
          year: 2026,
          kind: 'land',
          amount: '1',
        })
      ).status,
    ).toBe(403);
    const below = await city.put('/api/factors/quotas', {
      regionCode: '350900',
      year: 2026,
      kind: 'land',
      amount: '1000',
      version: land.version,
    });
    expect(below.status).toBe(400);
    expect(below.body.error.message).toBe('用地指标 1000 亩少于已分配给项目的 1390 亩');
    // A county sets its own quota, then a second first-time set is a conflict.
    const own = await county.put('/api/factors/quotas', {
      regionCode: '350902',
      year: 2026,
      kind: 'energy',
      amount: '20000',
    });
    expect(own.status).toBe(200);
    expect(own.body.kinds.find((k: { kind: string }) => k.kind === 'energy').amount).toBe('20000');
    expect(
      (
        await county.put('/api/factors/quotas', {
          regionCode: '350902',
          year: 2026,
          kind: 'energy',
          amount: '1',
        })
      ).status,
    ).toBe(409);
    const audits = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(inArray(auditEvents.action, ['factor.quota.set', 'factor.quota.allocate']));
    // The demo's 2 quotas and 11 allocations, this test's allocation and the county's quota.
    expect(audits.filter((a) => a.action === 'factor.quota.set')).toHaveLength(3);
    expect(audits.filter((a) => a.action === 'factor.quota.allocate')).toHaveLength(12);
  });

  it('removes an allocation, which stops counting', async () => {
    const view = await city.get('/api/factors/quotas?year=2026');
    const land = view.body.kinds.find((k: { kind: string }) => k.kind === 'land');
    const mine = land.allocations.find((a: { projectId: string }) => a.projectId === projectA);
    const del = (url: string) => t.call(city.cookie, 'DELETE', url);
    expect((await del(`/api/factor-quota-allocations/${mine.id}?version=${mine.version}`)).status).toBe(200);
    const after = await city.get('/api/factors/quotas?year=2026');
    expect(after.body.kinds.find((k: { kind: string }) => k.kind === 'land').unstarted).toBe('478.5');
  });
});

describe('要素保障台账', () => {
  it('writes one row per demand under the filters, with exact quantities', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/factors/ledger.xlsx?type=land',
      headers: { cookie: city.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('要素保障台账')!;
    expect(sheet.getCell(1, 1).value).toBe('宁德市要素保障台账');
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const dataRows = values.filter((v) => typeof v[0] === 'number');
    // The demo's 8 land demands and this test's one on 蕉城.
    expect(dataRows).toHaveLength(9);
    expect(dataRows.some((r) => r[5] === '126.5' && r[3] === '用地')).toBe(true);
    const total = values.find((v) => v[0] === '合计')!;
    expect(total[1]).toBe('9 项需求');
  });
});
