import { normaliseDecimal } from '@tuijin/contracts';
import { addDecimals, ratio, wanToYi } from '@tuijin/domain';
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, campaignEventProjects, campaignEvents } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { buildCampaignFixture } from './campaigns-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let jiaocheng: Person;
let fuan: Person;
let owner: Person;
/** The fixture (`buildCampaignFixture`): A, B, E in 蕉城 (owned by owner1's unit), C and D in 福安. */
let ids: Awaited<ReturnType<typeof buildCampaignFixture>>;
let campaignId = '';
let event1 = '';
let event2 = '';
let event3 = '';

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  jiaocheng = await t.as('jiaocheng');
  fuan = await t.as('fuan');
  owner = await t.as('owner1');
  ids = await buildCampaignFixture(t);
}, 120_000);
afterAll(async () => t.close());

const del = (who: Person, url: string) => t.call(who.cookie, 'DELETE', url);

describe('campaigns and events, counted by hand', () => {
  it('creates a campaign in the office jurisdiction, audited', async () => {
    const created = await city.post('/api/campaigns', {
      name: '测试开门红',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      targetStartProjects: 4,
      targetCompletionProjects: 2,
      targetStartInvestmentWanYuan: '30000',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      regionCode: '350900',
      canManage: true,
      targetStartInvestmentWanYuan: '30000',
    });
    campaignId = created.body.id;
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, campaignId));
    expect(audit.map((a) => a.action)).toEqual(['campaign.create']);
    const clash = await city.post('/api/campaigns', {
      name: '测试开门红',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
    });
    expect(clash.status).toBe(400);
    expect(clash.body.error.details[0].path).toBe('name');
    const backwards = await city.post('/api/campaigns', {
      name: '倒序',
      startsOn: '2026-03-01',
      endsOn: '2026-01-31',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].path).toBe('endsOn');
  });

  it('creates events with their projects, defaulting the investment to the project total', async () => {
    const one = await city.post('/api/campaign-events', {
      campaignId,
      name: '测试一季度集中开竣工',
      heldOn: '2026-02-18',
      kind: 'startAndCompletion',
      level: 'provincial',
      mainVenue: '主会场',
      subVenues: ['福安分会场', '蕉城分会场'],
      participants: [
        { projectId: ids.a, role: 'start' },
        { projectId: ids.b, role: 'start' },
        { projectId: ids.c, role: 'start' },
        { projectId: ids.d, role: 'completion' },
      ],
    });
    expect(one.status).toBe(200);
    event1 = one.body.id;
    // By hand: 4 projects, 3 开工 (10000 + 5000.5 + 8000) and 1 竣工 (3000) = 26000.5 万元; A started
    // 02-10, B by its February report (02-20), C only on 03-01 (after February): 2 of 3 really started.
    expect(one.body.figures).toEqual({
      projects: 4,
      startProjects: 3,
      completionProjects: 1,
      investmentWanYuan: '26000.5',
      startInvestmentWanYuan: '23000.5',
      completionInvestmentWanYuan: '3000',
      reallyStarted: 2,
      reallyStartedRate: ratio(2, 3),
    });
    expect(one.body.figures.reallyStartedRate.percent).toBe('66.7');
    const marks = Object.fromEntries(
      (one.body.participants as { projectId: string; reallyStartedOn: string | null }[]).map((p) => [
        p.projectId,
        p.reallyStartedOn,
      ]),
    );
    expect(marks).toEqual({ [ids.a]: '2026-02-10', [ids.b]: '2026-02-20', [ids.c]: null, [ids.d]: null });

    const two = await city.post('/api/campaign-events', {
      campaignId,
      name: '测试三月集中开工',
      heldOn: '2026-03-01',
      kind: 'start',
      level: 'city',
      mainVenue: '福安主会场',
      participants: [
        { projectId: ids.c, role: 'start', investmentWanYuan: '2000' },
        { projectId: ids.e, role: 'start', investmentWanYuan: 1200 },
      ],
    });
    expect(two.status).toBe(200);
    event2 = two.body.id;
    expect(two.body.figures).toMatchObject({ projects: 2, investmentWanYuan: '3200', reallyStarted: 1 });

    const three = await city.post('/api/campaign-events', {
      campaignId: null,
      name: '测试一月单独开工',
      heldOn: '2026-01-20',
      kind: 'start',
      level: 'city',
      mainVenue: '蕉城',
      participants: [{ projectId: ids.a, role: 'start' }],
    });
    expect(three.status).toBe(200);
    event3 = three.body.id;
    // A started in February: at a January ceremony it had not really started.
    expect(three.body.figures).toMatchObject({
      startProjects: 1,
      reallyStarted: 0,
      investmentWanYuan: '10000',
    });
    const audit = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, [event1, event2, event3]));
    expect(audit.map((a) => a.action)).toEqual(Array(3).fill('campaignEvent.create'));
  });

  it('sums the campaign over its events and measures it against its targets', async () => {
    const overview = await city.get('/api/campaigns?year=2026');
    expect(overview.status).toBe(200);
    const campaign = overview.body.campaigns.find((c: { id: string }) => c.id === campaignId);
    // By hand: 6 participations (4 + 2), 5 开工 (A B C, C E) and 1 竣工; 26000.5 + 3200 = 29200.5;
    // 开工 investment 23000.5 + 3200 = 26200.5; A B C D E = 5 projects; really started A B C = 3 of 5.
    expect(campaign.figures).toEqual({
      events: 2,
      distinctProjects: 5,
      projects: 6,
      startProjects: 5,
      completionProjects: 1,
      investmentWanYuan: '29200.5',
      startInvestmentWanYuan: '26200.5',
      completionInvestmentWanYuan: '3000',
      reallyStarted: 3,
      reallyStartedRate: ratio(3, 5),
      startProgress: ratio(5, 4),
      completionProgress: ratio(1, 2),
      startInvestmentProgress: ratio('26200.5', '30000'),
    });
    expect(campaign.figures.startInvestmentProgress.percent).toBe('87.3');
    expect(campaign.events.map((e: { id: string }) => e.id)).toEqual([event1, event2]);
    expect(overview.body.standaloneEvents.map((e: { id: string }) => e.id)).toContain(event3);
  });

  it('gives the year total over every event of the year, as the rows add up', async () => {
    const rows = await t.db
      .select({ projectId: campaignEventProjects.projectId, amount: campaignEventProjects.investmentWanYuan })
      .from(campaignEventProjects)
      .innerJoin(campaignEvents, eq(campaignEvents.id, campaignEventProjects.eventId))
      .where(and(gte(campaignEvents.heldOn, '2026-01-01'), lte(campaignEvents.heldOn, '2026-12-31')));
    const events = await t.db
      .select({ id: campaignEvents.id })
      .from(campaignEvents)
      .where(and(gte(campaignEvents.heldOn, '2026-01-01'), lte(campaignEvents.heldOn, '2026-12-31')));
    const total = addDecimals(rows.map((r) => normaliseDecimal(r.amount)));
    const overview = await city.get('/api/campaigns?year=2026');
    expect(overview.body.yearFigures).toMatchObject({
      events: events.length,
      projects: rows.length,
      distinctProjects: new Set(rows.map((r) => r.projectId)).size,
      investmentWanYuan: total,
      investmentYiYuan: wanToYi(total),
    });
    // The fixture's part alone: 3 events, 7 participations, 39200.5 万元.
    expect(events.length).toBeGreaterThanOrEqual(3);
    const mine = rows.filter((r) => Object.values(ids).includes(r.projectId));
    expect([mine.length, addDecimals(mine.map((r) => normaliseDecimal(r.amount)))]).toEqual([7, '39200.5']);
    expect(wanToYi('1968400')).toBe('196.84');
    // Another year has none of them.
    const other = await city.get('/api/campaigns?year=2025');
    expect(other.body.yearFigures.events).toBe(0);
  });
});

describe('scope and rules', () => {
  it('shows a county only its own projects of the city event, and an owner only its own', async () => {
    const seen = await fuan.get(`/api/campaign-events/${event1}`);
    expect(seen.status).toBe(200);
    expect(seen.body.participants.map((p: { projectId: string }) => p.projectId)).toEqual([ids.c, ids.d]);
    expect(seen.body.figures).toMatchObject({
      projects: 2,
      investmentWanYuan: '11000',
    });
    expect(seen.body.canManage).toBe(false);
    const jc = await jiaocheng.get(`/api/campaign-events/${event1}`);
    expect(jc.body.figures).toMatchObject({ projects: 2, investmentWanYuan: '15000.5', reallyStarted: 2 });
    const mine = await owner.get(`/api/campaign-events/${event1}`);
    expect(mine.status).toBe(200);
    expect(
      mine.body.participants.every((p: { projectId: string }) => [ids.a, ids.b, ids.e].includes(p.projectId)),
    ).toBe(true);
  });

  it('refuses an edit by a county office and an unknown or outside project', async () => {
    const current = await city.get(`/api/campaign-events/${event2}`);
    const refused = await fuan.patch(`/api/campaign-events/${event2}`, {
      version: current.body.version,
      name: '改名',
      heldOn: '2026-03-01',
      kind: 'start',
      level: 'city',
      mainVenue: 'x',
    });
    expect(refused.status).toBe(403);
    const outside = await fuan.post('/api/campaign-events', {
      name: '福安集中开工',
      heldOn: '2026-02-28',
      kind: 'start',
      level: 'county',
      mainVenue: '福安',
      participants: [{ projectId: ids.a, role: 'start' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0].path).toBe('participants.0.projectId');
    const twice = await city.post('/api/campaign-events', {
      name: '重复',
      heldOn: '2026-02-28',
      kind: 'start',
      level: 'city',
      mainVenue: '宁德',
      participants: [
        { projectId: ids.a, role: 'start' },
        { projectId: ids.a, role: 'start' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].path).toBe('participants.1.projectId');
    const wrongRole = await city.post('/api/campaign-events', {
      name: '角色不符',
      heldOn: '2026-02-28',
      kind: 'start',
      level: 'city',
      mainVenue: '宁德',
      participants: [{ projectId: ids.d, role: 'completion' }],
    });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.error.details[0].path).toBe('participants.0.role');
    const outOfPeriod = await city.post('/api/campaign-events', {
      campaignId,
      name: '期外',
      heldOn: '2026-04-02',
      kind: 'start',
      level: 'city',
      mainVenue: '宁德',
    });
    expect(outOfPeriod.status).toBe(400);
    expect(outOfPeriod.body.error.details[0].path).toBe('heldOn');
    expect((await t.call(null, 'GET', '/api/campaigns')).status).toBe(401);
    expect(
      (await owner.post('/api/campaigns', { name: 'x', startsOn: '2026-01-01', endsOn: '2026-01-02' }))
        .status,
    ).toBe(403);
  });

  it('edits an event (version-checked), lists it on the project and deletes it', async () => {
    const current = await city.get(`/api/campaign-events/${event2}`);
    const body = {
      version: current.body.version,
      campaignId,
      name: '测试三月集中开工（调整）',
      heldOn: '2026-03-01',
      kind: 'start',
      level: 'city',
      mainVenue: '福安主会场',
      participants: [{ projectId: ids.c, role: 'start', investmentWanYuan: '2500' }],
    };
    const edited = await city.patch(`/api/campaign-events/${event2}`, body);
    expect(edited.status).toBe(200);
    expect(edited.body.figures).toMatchObject({ projects: 1, investmentWanYuan: '2500', reallyStarted: 1 });
    expect((await city.patch(`/api/campaign-events/${event2}`, body)).status).toBe(409);
    const tab = await city.get(`/api/projects/${ids.a}/campaign-events`);
    expect(
      tab.body.data.map((e: { eventId: string; reallyStartedOn: string | null }) => [
        e.eventId,
        e.reallyStartedOn,
      ]),
    ).toEqual([
      [event1, '2026-02-10'],
      [event3, null],
    ]);
    expect((await fuan.get(`/api/projects/${ids.a}/campaign-events`)).status).toBe(404);
    const gone = await del(city, `/api/campaign-events/${event3}?version=0`);
    expect(gone.status).toBe(200);
    expect((await city.get(`/api/campaign-events/${event3}`)).status).toBe(404);
    const withEvents = await del(city, `/api/campaigns/${campaignId}?version=0`);
    expect(withEvents.status).toBe(409);
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, [event2, event3]));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'campaignEvent.create',
      'campaignEvent.create',
      'campaignEvent.delete',
      'campaignEvent.update',
    ]);
  });

  it('exports the event project list in the office form', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/campaign-events/${event1}/projects.xlsx`,
      headers: { cookie: city.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('项目清单')!;
    expect(sheet.getCell(1, 1).value).toBe('测试一季度集中开竣工项目清单');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      1,
      '活动测试项目甲',
      '蕉城区',
      '开工',
      '10000',
      '10000',
      '2026-02-10',
      '已开工（2026-02-10）',
    ]);
    expect(sheet.getCell(6, 8).value).toBe('未开工');
    expect(sheet.getCell(8, 1).value).toBe('合计');
    expect(sheet.getCell(8, 6).value).toBe('26000.5');
    expect(sheet.getCell(8, 8).value).toBe('真开工 2 个');
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/campaign-events/${event1}/projects.xlsx`,
      headers: { cookie: fuan.cookie },
    });
    const fuanBook = new ExcelJS.Workbook();
    await fuanBook.xlsx.load(outside.rawPayload as unknown as ArrayBuffer);
    expect(fuanBook.getWorksheet('项目清单')!.getCell(6, 1).value).toBe('合计');
  });
});

describe('the demo ceremonies', () => {
  it('puts on each 开工 list projects that really started, but the one planned start shown 未开工', async () => {
    const overview = await city.get('/api/campaigns?year=2026');
    const demo = overview.body.campaigns.filter((c: { name: string }) => c.name === '开门红');
    expect(demo).toHaveLength(1);
    for (const event of demo[0].events as { figures: { startProjects: number; reallyStarted: number } }[])
      expect(event.figures.reallyStarted).toBe(event.figures.startProjects - 1);
    expect(demo[0].events[0].figures.completionProjects).toBeGreaterThan(0);
  });
});
