import { and, asc, eq, inArray, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projects, promotionLeads } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;
let otherCounty: Person;
let owner: Person;
let supervisor: Person;
const ids: Record<string, string> = {};

const lead = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  investorName: `${name}投资有限公司`,
  investorOrigin: '广东深圳',
  industry: '锂电池',
  regionCode: '350902',
  contractWanYuan: '10000',
  ...extra,
});

/** Creates a lead as the county office and moves it through the stages given (key, day). */
async function build(name: string, first: [string, string], moves: [string, string][] = [], extra = {}) {
  const created = await county.post('/api/promotion/leads', {
    ...lead(name, extra),
    stage: first[0],
    stageOn: first[1],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  let view = created.body;
  for (const [stage, on] of moves) {
    const moved = await county.post(`/api/promotion/leads/${view.id}/stage`, {
      version: view.version,
      stage,
      on,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    view = moved.body;
  }
  ids[name] = view.id;
  return view;
}

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  supervisor = await t.as('supervisor');
  // 2025 in 蕉城, where the demo (all 2026) has nothing: five leads signed, three started.
  await build('A 签约后开工', ['signed', '2025-02-10'], [['started', '2025-06-01']]);
  await build(
    'B 注册后开工',
    ['signed', '2025-03-15'],
    [
      ['registered', '2025-04-20'],
      ['started', '2025-09-01'],
    ],
  );
  await build('C 签约未开工', ['signed', '2025-05-01'], [], { promisedStartOn: '2025-08-01' });
  const d = await build('D 签约后放弃', ['signed', '2025-07-01']);
  const dropped = await county.post(`/api/promotion/leads/${d.id}/drop`, {
    version: d.version,
    reason: '投资方资金链断裂',
    on: '2025-10-01',
  });
  expect(dropped.status).toBe(200);
  await build('E 转入项目库', ['signed', '2025-08-01'], [], { contractWanYuan: '35000.5' });
  await build('F 仍在洽谈', ['negotiating', '2025-04-01']);
  await build('G 去年签约', ['signed', '2024-12-20'], [['started', '2025-02-01']]);
}, 180_000);
afterAll(async () => t.close());

describe('签约转开工 counted by hand', () => {
  it('converts a signed lead into a library project and counts it as started from its real start', async () => {
    const e = (await county.get(`/api/promotion/leads/${ids['E 转入项目库']}`)).body;
    expect(e.canConvert).toBe(true);
    const ownerId = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
    const converted = await county.post(`/api/promotion/leads/${e.id}/convert`, {
      version: e.version,
      ownerOrganisationId: ownerId,
      domain: '现代产业',
      levels: ['county'],
      startYear: 2025,
      endYear: 2027,
    });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const project = converted.body.project;
    expect(project).toMatchObject({ name: 'E 转入项目库', actualStartOn: null });
    const [row] = await t.db.select().from(projects).where(eq(projects.id, project.id));
    expect(row).toMatchObject({
      regionCode: '350902',
      totalInvestmentWanYuan: '35000.5000',
      stage: 'preparing',
    });
    expect(row!.tags).toContain('招商引资');
    // A second conversion is refused; the project page shows where it came from.
    const again = await county.post(`/api/promotion/leads/${e.id}/convert`, {
      version: converted.body.version,
      ownerOrganisationId: ownerId,
      domain: '现代产业',
      levels: ['county'],
      startYear: 2025,
      endYear: 2027,
    });
    expect(again.status).toBe(409);
    const back = await county.get(`/api/projects/${project.id}/promotion-lead`);
    expect(back.body.lead).toMatchObject({
      name: 'E 转入项目库',
      contractWanYuan: '35000.5',
      signedOn: '2025-08-01',
    });

    // The project really starts on 2025-11-20: the lead now reads 开工 without being moved.
    const started = await county.post(`/api/projects/${project.id}/stage`, {
      to: 'started',
      on: '2025-11-20',
      reason: '主体工程开工',
      version: row!.version,
      overrideApprovals: true,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const after = (await county.get(`/api/promotion/leads/${e.id}`)).body;
    expect(after.stage).toBe('started');
    expect(after.history.at(-1)).toMatchObject({ key: 'started', enteredOn: '2025-11-20' });
  });

  it('gives 5 signed in 2025, 3 started: 60.0 %, and the Q1 and dwell figures by hand', async () => {
    const year = await county.get('/api/promotion/overview?regionCode=350902&year=2025');
    expect(year.status).toBe(200);
    // Signed in 2025: A, B, C, D (dropped, still counted), E; started: A, B, E (its project). G signed in 2024.
    expect(year.body.conversion).toMatchObject({ signed: 5, started: 3, percent: '60.0' });
    const q1 = await county.get('/api/promotion/overview?regionCode=350902&year=2025&quarter=1');
    expect(q1.body.conversion).toMatchObject({ signed: 2, started: 2, percent: '100.0' });
    // 签约 stays ended in 2025: A 111, B 36, E 111 (to its project's start), G 43 days.
    const signed = year.body.dwell.find((d: { key: string }) => d.key === 'signed');
    expect(signed).toMatchObject({ count: 4, averageDays: '75.3', medianDays: '77.0' });
    const registered = year.body.dwell.find((d: { key: string }) => d.key === 'registered');
    expect(registered).toMatchObject({ count: 1, averageDays: '134.0', medianDays: '134.0' });
    // The county's row equals the totals (its only region); the dropped lead leaves the funnel.
    expect(year.body.totals.dropped).toBe(1);
  });

  it('lists by stage, period and overdue promise', async () => {
    const signed2025 = await county.get('/api/promotion/leads?regionCode=350902&year=2025&period=signed');
    expect(signed2025.body.data.map((l: { name: string }) => l.name).sort()).toEqual(
      ['A 签约后开工', 'B 注册后开工', 'C 签约未开工', 'D 签约后放弃', 'E 转入项目库'].sort(),
    );
    const overdue = await county.get(
      '/api/promotion/leads?regionCode=350902&overdue=true&year=2025&period=signed',
    );
    expect(overdue.body.data.map((l: { name: string }) => l.name)).toEqual(['C 签约未开工']);
    expect(overdue.body.data[0].overduePromises).toEqual(['start']);
    const negotiating = await county.get(
      '/api/promotion/leads?regionCode=350902&stage=negotiating&year=2025&period=created',
    );
    expect(negotiating.status).toBe(200);
  });
});

describe('moves, settings and errors', () => {
  it('refuses a future date and a date before the current stage, naming the field', async () => {
    const c = (await county.get(`/api/promotion/leads/${ids['C 签约未开工']}`)).body;
    const future = await county.post(`/api/promotion/leads/${c.id}/stage`, {
      version: c.version,
      stage: 'registered',
      on: '2026-03-03',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].path).toBe('on');
    const early = await county.post(`/api/promotion/leads/${c.id}/stage`, {
      version: c.version,
      stage: 'registered',
      on: '2025-04-30',
    });
    expect(early.status).toBe(400);
    const bad = await county.post('/api/promotion/leads', lead('坏金额', { contractWanYuan: '12.345678' }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('contractWanYuan');
  });

  it('moves back dropping the later entries, audited with both stages', async () => {
    const b = (await county.get(`/api/promotion/leads/${ids['B 注册后开工']}`)).body;
    const back = await county.post(`/api/promotion/leads/${b.id}/stage`, {
      version: b.version,
      stage: 'registered',
    });
    expect(back.status).toBe(200);
    expect(back.body.history.map((h: { key: string }) => h.key)).toEqual(['signed', 'registered']);
    const forward = await county.post(`/api/promotion/leads/${b.id}/stage`, {
      version: back.body.version,
      stage: 'started',
      on: '2025-09-01',
    });
    expect(forward.status).toBe(200);
    const rows = await t.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'promotionLead'), eq(auditEvents.entityId, b.id)))
      .orderBy(asc(auditEvents.id));
    expect(rows.map((r) => r.action)).toEqual([
      'promotion.lead.create',
      'promotion.lead.move',
      'promotion.lead.move',
      'promotion.lead.move',
      'promotion.lead.move',
    ]);
    expect(rows[3]!.changes).toEqual({ stage: { before: '开工', after: '注册' } });
  });

  it("lets a county keep its own stage list (七个一批) and inherits the city's elsewhere", async () => {
    const preset = (await county.get('/api/promotion/settings')).body;
    expect(preset.fromRegionCode).toBeNull();
    const seven = preset.presets.find((p: { key: string }) => p.key === 'sevenBatches').stages;
    const refused = await otherCounty.put('/api/promotion/settings', {
      regionCode: '350902',
      stages: seven,
      version: 0,
    });
    expect(refused.status).toBe(404);
    const missing = await county.put('/api/promotion/settings', {
      stages: [
        { key: 'signed', name: '签约' },
        { key: 'landed', name: '落地' },
      ],
      version: 0,
    });
    expect(missing.status).toBe(400);
    const saved = await county.put('/api/promotion/settings', { stages: seven, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ fromRegionCode: '350902', version: 1 });
    expect((await otherCounty.get('/api/promotion/settings')).body.fromRegionCode).toBeNull();
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'promotion.settings.update'), eq(auditEvents.entityId, '350902')));
    expect(audit).toBeDefined();
    // Put back the standard list for the tests after this one.
    const restored = await county.put('/api/promotion/settings', { stages: preset.stages, version: 1 });
    expect(restored.status).toBe(200);
  });
});

describe('after the project started, edits and links', () => {
  it("moves a converted lead on from its project's start, keeping that day in the history", async () => {
    const e = (await county.get(`/api/promotion/leads/${ids['E 转入项目库']}`)).body;
    const moved = await county.post(`/api/promotion/leads/${e.id}/stage`, {
      version: e.version,
      stage: 'producing',
      on: '2025-12-10',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(
      moved.body.history.map((h: { key: string; enteredOn: string }) => `${h.key} ${h.enteredOn}`),
    ).toEqual(['signed 2025-08-01', 'started 2025-11-20', 'producing 2025-12-10']);
    const [stored] = await t.db.select().from(promotionLeads).where(eq(promotionLeads.id, e.id));
    expect(stored!.stageHistory).toHaveLength(3);
  });

  it('edits a lead, audited with the fields changed', async () => {
    const c = (await county.get(`/api/promotion/leads/${ids['C 签约未开工']}`)).body;
    const { id, version, ...rest } = c;
    const edited = await county.patch(`/api/promotion/leads/${id}`, {
      version,
      name: rest.name,
      investorName: rest.investorName,
      investorOrigin: '香港',
      industry: rest.industry,
      regionCode: rest.regionCode,
      contractWanYuan: '12500.75',
      promisedRegistrationOn: null,
      promisedStartOn: rest.promisedStartOn,
      promisedProductionOn: null,
      responsibleOrganisationId: null,
      note: null,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.contractWanYuan).toBe('12500.75');
    const [audit] = await t.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'promotion.lead.update'), eq(auditEvents.entityId, id)));
    expect(audit!.changes).toEqual({
      investorOrigin: { before: '广东深圳', after: '香港' },
      contractWanYuan: { before: '10000', after: '12500.75' },
    });
    const body = {
      version,
      name: rest.name,
      investorName: rest.investorName,
      investorOrigin: null,
      industry: rest.industry,
      regionCode: rest.regionCode,
      contractWanYuan: '1',
      promisedRegistrationOn: null,
      promisedStartOn: null,
      promisedProductionOn: null,
      responsibleOrganisationId: null,
      note: null,
    };
    // The version read before the edit is stale now.
    expect((await county.patch(`/api/promotion/leads/${id}`, body)).status).toBe(409);
    const badOrder = await county.patch(`/api/promotion/leads/${id}`, {
      ...body,
      version: edited.body.version,
      promisedStartOn: '2025-09-01',
      promisedProductionOn: '2025-08-01',
    });
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.error.details[0].path).toBe('promisedProductionOn');
  });

  it('links a signed lead to a library project of its region, once', async () => {
    const linked = await t.db.select({ projectId: promotionLeads.projectId }).from(promotionLeads);
    const taken = new Set(linked.map((l) => l.projectId).filter(Boolean));
    const candidates = await t.db
      .select({ id: projects.id, regionCode: projects.regionCode })
      .from(projects)
      .where(inArray(projects.regionCode, ['350902', '350981']));
    const here = candidates.find((p) => p.regionCode === '350902' && !taken.has(p.id))!;
    const there = candidates.find((p) => p.regionCode === '350981' && !taken.has(p.id))!;
    const a = (await county.get(`/api/promotion/leads/${ids['A 签约后开工']}`)).body;
    const wrongRegion = await city.post(`/api/promotion/leads/${a.id}/link`, {
      version: a.version,
      projectId: there.id,
    });
    expect(wrongRegion.status).toBe(400);
    const ok = await county.post(`/api/promotion/leads/${a.id}/link`, {
      version: a.version,
      projectId: here.id,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.project.id).toBe(here.id);
    const g = (await county.get(`/api/promotion/leads/${ids['G 去年签约']}`)).body;
    const twice = await county.post(`/api/promotion/leads/${g.id}/link`, {
      version: g.version,
      projectId: here.id,
    });
    expect(twice.status).toBe(409);
    const f = (await county.get(`/api/promotion/leads/${ids['F 仍在洽谈']}`)).body;
    const unsigned = await county.post(`/api/promotion/leads/${f.id}/link`, {
      version: f.version,
      projectId: there.id,
    });
    expect(unsigned.status).toBe(409);
  });
});

describe('scope', () => {
  it('shows a county only its own leads; another county gets NOT_FOUND; owners have no access', async () => {
    const mine = await county.get('/api/promotion/leads');
    const regions = new Set(mine.body.data.map((l: { regionCode: string }) => l.regionCode));
    expect([...regions]).toEqual(['350902']);
    const other = await otherCounty.get(`/api/promotion/leads/${ids['A 签约后开工']}`);
    expect(other.status).toBe(404);
    const move = await otherCounty.post(`/api/promotion/leads/${ids['A 签约后开工']}/stage`, {
      version: 0,
      stage: 'producing',
    });
    expect(move.status).toBe(404);
    expect((await owner.get('/api/promotion/leads')).status).toBe(403);
    expect((await t.call(null, 'GET', '/api/promotion/overview')).status).toBe(401);
    // The supervisor reads everything and changes nothing.
    expect((await supervisor.get(`/api/promotion/leads/${ids['A 签约后开工']}`)).body.canManage).toBe(false);
    expect((await supervisor.post('/api/promotion/leads', lead('监督新增'))).status).toBe(403);
    // A county cannot record a lead in another county.
    const elsewhere = await county.post('/api/promotion/leads', lead('越界线索', { regionCode: '350981' }));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details[0].path).toBe('regionCode');
  });

  it("gives the city the demo's leads, totals equal to the sum of the region rows", async () => {
    const demo = await t.db
      .select({ id: promotionLeads.id })
      .from(promotionLeads)
      .where(like(promotionLeads.name, '%'));
    const overview = (await city.get('/api/promotion/overview?year=2026')).body;
    const rows = overview.regions as { leads: number; signed: number; started: number; overdue: number }[];
    const sum = (key: 'leads' | 'signed' | 'started' | 'overdue') => rows.reduce((n, r) => n + r[key], 0);
    expect(sum('leads')).toBe(overview.totals.leads);
    expect(sum('signed')).toBe(overview.totals.signed);
    expect(sum('started')).toBe(overview.totals.started);
    // 31 demo leads (26 + 5 linked to 招商引资 projects) + the 7 here, 2 + 1 dropped.
    expect(demo.length).toBe(38);
    expect(overview.funnel[0].reachedCount).toBe(38 - 3);
    const county2026 = (await county.get('/api/promotion/overview?year=2026')).body;
    expect(county2026.totals.leads).toBeLessThan(overview.totals.leads);
    const jiaocheng = rows.find((r) => (r as unknown as { regionCode: string }).regionCode === '350902');
    expect(jiaocheng!.leads).toBe(county2026.totals.leads);
  });

  it('exports the ledger of the leads the caller sees, with the 合计 of their amounts', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/promotion/leads.xlsx?regionCode=350902&year=2025&period=signed',
      headers: { cookie: county.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('招商项目台账')!;
    expect(sheet.getCell(1, 1).value).toBe('蕉城区招商项目台账');
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) names.push(String(row.getCell(2).value));
    });
    expect(names).toContain('E 转入项目库');
    expect(names.at(-1)).toBe('5 个项目');
    // 10000 × 3 + 12500.75 (C, edited above) + 35000.5
    const total = sheet.getRow(sheet.rowCount).getCell(7).value;
    expect(total).toBe('77501.25');
    const leadIds = Object.values(ids);
    const rows = await t.db.select().from(promotionLeads).where(inArray(promotionLeads.id, leadIds));
    expect(rows).toHaveLength(7);
  });
});
