import { normaliseDecimal } from '@tuijin/contracts';
import { addDecimals, ratio } from '@tuijin/domain';
import { and, eq, inArray, isNull, like, lte } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, fundAllocations, fundApplications, fundPayments, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;
let otherCounty: Person;
let owner: Person;
let ownerProjectId: string;
let otherProjectId: string;
const asOf = '2026-03-02';

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  const ownerOrgId = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  ownerProjectId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: ownerOrgId,
    name: '蕉城区专项债测试项目',
  });
  otherProjectId = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: await organisationId(t, '福安市青拓新材料有限公司'),
    name: '福安市专项债测试项目',
  });
}, 120_000);
afterAll(async () => t.close());

const del = (who: Person, url: string) => t.call(who.cookie, 'DELETE', url);

describe('the demo funds, counted by hand', () => {
  it('gives the special-bond start rate and disbursement rate the rows give', async () => {
    // By hand: this year's special-bond allocations the demo made, their projects and payments.
    const rows = await t.db
      .select({
        id: fundAllocations.id,
        projectId: fundAllocations.projectId,
        amount: fundAllocations.amountWanYuan,
        actualStartOn: projects.actualStartOn,
      })
      .from(fundAllocations)
      .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
      .where(
        and(
          eq(fundAllocations.kind, 'specialBond'),
          eq(fundAllocations.year, 2026),
          isNull(fundAllocations.deletedAt),
        ),
      );
    const started = new Set(
      rows.filter((r) => r.actualStartOn !== null && r.actualStartOn <= asOf).map((r) => r.projectId),
    );
    const funded = new Set(rows.map((r) => r.projectId));
    const paidRows = await t.db
      .select({ amount: fundPayments.amountWanYuan })
      .from(fundPayments)
      .where(
        and(
          inArray(
            fundPayments.allocationId,
            rows.map((r) => r.id),
          ),
          isNull(fundPayments.deletedAt),
          lte(fundPayments.paidOn, asOf),
        ),
      );
    const allocated = addDecimals(rows.map((r) => normaliseDecimal(r.amount)));
    const paid = addDecimals(paidRows.map((r) => normaliseDecimal(r.amount)));
    // The demo's design: 9 started + 3 unstarted projects; 3000…11000 plus 3 × 2500 allocated.
    expect([started.size, funded.size]).toEqual([9, 12]);
    expect(allocated).toBe('70500');
    expect(paid).toBe('35500');

    const overview = await city.get('/api/funds/overview?kind=specialBond&year=2026');
    expect(overview.status).toBe(200);
    expect(overview.body.asOf).toBe(asOf);
    expect(overview.body.totals.startRate).toEqual(ratio(started.size, funded.size));
    expect(overview.body.totals.startRate.percent).toBe('75.0');
    expect(overview.body.totals.disbursementRate).toEqual(ratio(paid, allocated));
    expect(overview.body.totals.disbursementRate.percent).toBe('50.4');
    // The regions add up to the whole.
    const regions = overview.body.regions as { fundedProjects: number; startedProjects: number }[];
    expect(regions.reduce((n, r) => n + r.fundedProjects, 0)).toBe(12);
    expect(regions.reduce((n, r) => n + r.startedProjects, 0)).toBe(9);
  });

  it('lists the idle money, the started project with nothing paid and the pipeline', async () => {
    const overview = await city.get('/api/funds/overview?kind=specialBond&year=2026');
    expect(overview.body.idle).toHaveLength(1);
    expect(overview.body.idle[0]).toMatchObject({
      amountWanYuan: '5000',
      issuedOn: '2025-10-20',
      monthsIdle: 4,
    });
    expect(overview.body.totals).toMatchObject({ idleCount: 1, idleWanYuan: '5000' });
    expect((await city.get('/api/funds/overview?kind=specialBond&year=2026&idleMonths=6')).body.idle).toEqual(
      [],
    );
    expect(overview.body.pipeline).toEqual([
      {
        kind: 'specialBond',
        total: 7,
        byStage: { planned: 2, provincialReview: 1, submitted: 2, approved: 1, rejected: 1 },
        passedProvincialReview: 4,
      },
    ]);
    // A started project whose allocation has nothing paid yet.
    const all = await city.get('/api/funds/overview?year=2026');
    expect(all.body.pipeline.find((p: { kind: string }) => p.kind === 'centralBudget').total).toBe(3);
    const startedUnpaid = await t.db
      .select({ id: fundAllocations.id })
      .from(fundAllocations)
      .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
      .where(and(eq(fundAllocations.year, 2026), lte(projects.actualStartOn, asOf)));
    const payments = await t.db
      .select({ allocationId: fundPayments.allocationId })
      .from(fundPayments)
      .where(
        inArray(
          fundPayments.allocationId,
          startedUnpaid.map((r) => r.id),
        ),
      );
    const paidIds = new Set(payments.map((p) => p.allocationId));
    expect(startedUnpaid.some((r) => !paidIds.has(r.id))).toBe(true);
  });

  it('exports the ledger with one row per allocation and the totals', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/funds/ledger.xlsx?kind=specialBond&year=2026',
      headers: { cookie: city.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('资金台账')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '项目名称',
      '所在地',
      '资金类型',
      '年度',
      '批次',
      '下达金额（万元）',
      '已支付（万元）',
      '支付率',
      '开工情况',
    ]);
    expect(sheet.getRow(4).getCell(4).value).toBe('专项债券');
    const total = sheet.getRow(4 + 12);
    expect(total.getCell(1).value).toBe('合计');
    expect([total.getCell(7).value, total.getCell(8).value, total.getCell(9).value]).toEqual([
      '70500',
      '35500',
      '50.4%',
    ]);
    expect(total.getCell(10).value).toBe('已开工 9 个');
  });
});

describe('scoping and permissions', () => {
  it('keeps a county to its own projects and an owner to its own', async () => {
    const mine = await county.get('/api/funds/overview?year=2026');
    expect(mine.status).toBe(200);
    expect(mine.body.regionCode).toBe('350902');
    const cityView = await city.get('/api/funds/overview?year=2026');
    const jiaocheng = cityView.body.regions.find((r: { regionCode: string }) => r.regionCode === '350902');
    expect(mine.body.totals.fundedProjects).toBe(jiaocheng.fundedProjects);
    expect((await county.get('/api/funds/overview?regionCode=350981')).status).toBe(404);
    expect((await county.get(`/api/projects/${otherProjectId}/funds`)).status).toBe(404);
    const [foreign] = await t.db
      .select({ id: fundAllocations.id })
      .from(fundAllocations)
      .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
      .where(like(projects.regionPath, '%350981%'));
    if (foreign)
      expect(
        (
          await county.post(`/api/fund-allocations/${foreign.id}/payments`, {
            paidOn: asOf,
            amountWanYuan: '1',
          })
        ).status,
      ).toBe(404);
    expect((await otherCounty.get(`/api/projects/${ownerProjectId}/funds`)).status).toBe(404);
  });
});

describe('allocations, payments and applications on a project', () => {
  let allocationId: string;

  it('lets the office allocate and refuses a payment past the allocation, naming the amounts', async () => {
    expect(
      (
        await owner.post(`/api/projects/${ownerProjectId}/fund-allocations`, {
          kind: 'specialBond',
          year: 2026,
          amountWanYuan: '1000',
          issuedOn: '2026-02-01',
        })
      ).status,
    ).toBe(403);
    const bad = await county.post(`/api/projects/${ownerProjectId}/fund-allocations`, {
      kind: 'specialBond',
      year: 2026,
      amountWanYuan: '-5',
      issuedOn: '2026-13-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'amountWanYuan',
      'issuedOn',
    ]);
    const created = await county.post(`/api/projects/${ownerProjectId}/fund-allocations`, {
      kind: 'specialBond',
      year: 2026,
      batch: '第三批',
      amountWanYuan: '1000',
      issuedOn: '2026-02-01',
      documentNumber: '闽财债〔2026〕3号',
    });
    expect(created.status).toBe(200);
    allocationId = created.body.id;
    const first = await county.post(`/api/fund-allocations/${allocationId}/payments`, {
      paidOn: '2026-02-20',
      amountWanYuan: '600',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ paidWanYuan: '600', remainingWanYuan: '400' });
    // The owner unit records payments on its own project.
    const second = await owner.post(`/api/fund-allocations/${allocationId}/payments`, {
      paidOn: '2026-02-25',
      amountWanYuan: '300.5',
    });
    expect(second.status).toBe(200);
    expect(second.body.paidWanYuan).toBe('900.5');
    const over = await county.post(`/api/fund-allocations/${allocationId}/payments`, {
      paidOn: '2026-03-01',
      amountWanYuan: '100',
    });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe(
      '支付后累计 1000.5 万元，超过下达金额 1000 万元（已支付 900.5 万元，尚可支付 99.5 万元）',
    );
    expect(over.body.error.details[0].path).toBe('amountWanYuan');
    const early = await county.post(`/api/fund-allocations/${allocationId}/payments`, {
      paidOn: '2026-01-01',
      amountWanYuan: '1',
    });
    expect(early.body.error.details[0].path).toBe('paidOn');
    // Lowering the allocation below what is paid is refused; removing a payment frees the room.
    const shrink = await county.patch(`/api/fund-allocations/${allocationId}`, {
      version: 0,
      kind: 'specialBond',
      year: 2026,
      amountWanYuan: '800',
      issuedOn: '2026-02-01',
    });
    expect(shrink.body.error.message).toContain('少于已支付的 900.5 万元');
    const payment = second.body.payments[1];
    expect((await del(county, `/api/fund-payments/${payment.id}?version=0`)).body.paidWanYuan).toBe('600');
    expect((await del(county, `/api/fund-allocations/${allocationId}?version=0`)).status).toBe(400);
    const funds = await owner.get(`/api/projects/${ownerProjectId}/funds`);
    expect(funds.body).toMatchObject({ canManage: false, canPay: true });
    expect(funds.body.allocations[0]).toMatchObject({ amountWanYuan: '1000', paidWanYuan: '600' });
  });

  it('moves an application by the table only, with optimistic concurrency', async () => {
    const created = await county.post(`/api/projects/${ownerProjectId}/fund-applications`, {
      kind: 'specialBond',
      year: 2027,
      requestedWanYuan: '5000',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      stage: 'planned',
      plannedOn: asOf,
      nextStages: ['provincialReview'],
    });
    const id = created.body.id;
    const skip = await county.post(`/api/fund-applications/${id}/stage`, { version: 0, stage: 'approved' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toContain('不能从「谋划储备」改为「批复」');
    const review = await county.post(`/api/fund-applications/${id}/stage`, {
      version: 0,
      stage: 'provincialReview',
      on: '2026-02-15',
    });
    expect(review.body).toMatchObject({
      stage: 'provincialReview',
      provincialReviewOn: '2026-02-15',
      version: 1,
    });
    const stale = await county.post(`/api/fund-applications/${id}/stage`, { version: 0, stage: 'submitted' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const submitted = await county.post(`/api/fund-applications/${id}/stage`, {
      version: 1,
      stage: 'submitted',
    });
    expect(submitted.body).toMatchObject({ stage: 'submitted', submittedOn: asOf });
    expect(
      (await owner.post(`/api/fund-applications/${id}/stage`, { version: 2, stage: 'approved' })).status,
    ).toBe(403);
    const [row] = await t.db.select().from(fundApplications).where(eq(fundApplications.id, id));
    expect(row!.stage).toBe('submitted');
  });

  it('audits every change on the project', async () => {
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, ownerProjectId), like(auditEvents.action, 'fund.%')));
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'fund.allocation.create',
        'fund.payment.create',
        'fund.payment.create',
        'fund.payment.remove',
        'fund.application.create',
        'fund.application.move',
        'fund.application.move',
      ].sort(),
    );
  });
});
