import type { Bulletin, BulletinSummary, DailyBulletinSettingsView } from '@tuijin/contracts';
import { type AnyColumn, and, eq, gt, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  bulletinFiles,
  bulletins,
  inspectionFindings,
  inspections,
  notifications,
  projectStoppages,
  projects,
  regions,
  users,
  workers,
} from '../../db/schema';
import { fileStoreFor } from '../../lib/file-store';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { runDailyBulletins } from './daily-bulletins';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;
let owner: Person;
let leader: Person;

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  owner = await t.as('owner1');
  leader = await t.as('leader1');
}, 120_000);
afterAll(async () => t.close());

/** One pass of the scheduled job at a moment (Beijing time written +08:00). */
async function passAt(beijing: string) {
  t.clock.set(new Date(beijing));
  const lines: string[] = [];
  const summary = await runDailyBulletins({
    db: t.db,
    clock: t.clock,
    auditKey: testAuditKey,
    log: (line) => lines.push(line),
    key: `dailyBulletins:${beijing}`,
    store: fileStoreFor(t.database, t.filesDir),
  });
  // Sessions idle out as the clock moves through the day: the offices sign in afresh.
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  return { summary, lines };
}

const dailyOf = (regionCode: string, day: string) =>
  t.db
    .select()
    .from(bulletins)
    .where(and(eq(bulletins.regionCode, regionCode), eq(bulletins.kind, 'daily'), eq(bulletins.period, day)));

describe('一日一通报 on a timer', () => {
  it('is off until the office switches it on; only the office may, with the time checked on its field', async () => {
    const view = (await city.get('/api/bulletins/daily-settings')).body as DailyBulletinSettingsView;
    expect(view).toMatchObject({
      regionCode: '350900',
      enabled: false,
      at: '17:30',
      autoIssue: true,
      version: 0,
    });
    expect(view.canManage).toBe(true);
    const leaderView = (await leader.get('/api/bulletins/daily-settings')).body as DailyBulletinSettingsView;
    expect(leaderView).toMatchObject({ regionCode: '350900', canManage: false });
    const wrong = await city.put('/api/bulletins/daily-settings', {
      enabled: true,
      at: '25:00',
      autoIssue: true,
      version: 0,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([expect.objectContaining({ path: 'at' })]);
    const refused = await owner.put('/api/bulletins/daily-settings', {
      enabled: true,
      at: '17:30',
      autoIssue: true,
      version: 0,
    });
    expect(refused.status).toBe(403);
    expect((await passAt('2026-03-02T18:00:00+08:00')).summary).toBe('无到时的一日一通报');
    expect(await dailyOf('350900', '2026-03-02')).toEqual([]);
  });

  it('generates and issues the city’s bulletin of a working day once its time has come, once', async () => {
    const saved = await city.put('/api/bulletins/daily-settings', {
      enabled: true,
      at: '17:30',
      autoIssue: true,
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ enabled: true, at: '17:30', autoIssue: true, version: 1 });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'bulletin.dailySettings.update'));
    expect(audit).toMatchObject({ entityId: '350900' });

    expect((await passAt('2026-03-02T17:29:00+08:00')).summary).toBe('无到时的一日一通报');
    const due = await passAt('2026-03-02T17:45:00+08:00');
    expect(due.summary).toMatch(/^生成一日一通报：宁德市（已签发 宁重点办通报〔2026〕\d+号）$/);
    const [row] = await dailyOf('350900', '2026-03-02');
    expect(row).toMatchObject({
      status: 'issued',
      createdBy: null,
      issuedBy: null,
      issuedByName: '系统（一日一通报）',
    });
    const files = await t.db.select().from(bulletinFiles).where(eq(bulletinFiles.bulletinId, row!.id));
    expect(files.map((f) => f.format).sort()).toEqual(['docx', 'pdf', 'xlsx']);
    // The office reads it like any bulletin, with the site-day section first and its files kept.
    const bulletin = (await city.get(`/api/bulletins/${row!.id}`)).body as Bulletin;
    expect(bulletin.sections.map((s) => s.key).slice(0, 2)).toEqual(['siteDay', 'stoppedProjects']);
    expect(bulletin.snapshot.siteDay?.onDate).toBe('2026-03-02');
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/bulletins/${row!.id}/files/pdf`,
      headers: { cookie: city.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The city office's users are told it is out; 蕉城's office receives it (收文).
    const told = await t.db
      .select({ username: users.username, kind: notifications.kind })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(like(notifications.kind, 'bulletin.%'));
    expect(told).toEqual(
      expect.arrayContaining([
        { username: 'ningde', kind: 'bulletin.dailyIssued' },
        { username: 'jiaocheng', kind: 'bulletin.issued' },
      ]),
    );
    const received = (await county.get('/api/bulletins')).body.data as BulletinSummary[];
    expect(received.some((b) => b.id === row!.id && b.isReceived)).toBe(true);
    // A second pass the same evening makes nothing more.
    expect((await passAt('2026-03-02T21:00:00+08:00')).summary).toBe('无到时的一日一通报');
    expect(await dailyOf('350900', '2026-03-02')).toHaveLength(1);
    const audits = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, row!.id),
          inArray(auditEvents.action, ['bulletin.generate', 'bulletin.issue']),
        ),
      );
    expect(audits).toHaveLength(2);
  });

  it('makes none on a Sunday, and leaves a draft for the office to sign when it chose so', async () => {
    expect((await passAt('2026-03-08T18:00:00+08:00')).summary).toBe('无到时的一日一通报');
    expect(await dailyOf('350900', '2026-03-08')).toEqual([]);
    const view = (await city.get('/api/bulletins/daily-settings')).body as DailyBulletinSettingsView;
    const off = await city.put('/api/bulletins/daily-settings', {
      enabled: true,
      at: '17:30',
      autoIssue: false,
      version: view.version,
    });
    expect(off.status).toBe(200);
    expect((await passAt('2026-03-09T17:31:00+08:00')).summary).toBe('生成一日一通报：宁德市（草稿待签发）');
    const [draft] = await dailyOf('350900', '2026-03-09');
    expect(draft).toMatchObject({ status: 'draft', serial: null });
    const told = await t.db
      .select({ kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.kind, 'bulletin.dailyDraft'));
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]!.link).toBe(`/bulletins/${draft!.id}`);
  });
});

describe('the daily bulletin’s 现场用工与督查 against the day’s entries', () => {
  /** The day's entries counted straight from the tables, for a region's subtree. */
  async function entriesOn(regionPath: string, day: string) {
    const within = (column: AnyColumn) =>
      sql`(${column} = ${regionPath} or ${column} like ${`${regionPath}.%`})`;
    const [people] = await t.db
      .select({
        onSite: sql<number>`count(*) filter (where ${workers.arrivedOn} <= ${day} and (${workers.departedOn} is null or ${workers.departedOn} > ${day}))::int`,
        arrived: sql<number>`count(*) filter (where ${workers.arrivedOn} = ${day})::int`,
        departed: sql<number>`count(*) filter (where ${workers.departedOn} = ${day})::int`,
      })
      .from(workers)
      .innerJoin(projects, eq(projects.id, workers.projectId))
      .where(and(isNull(workers.deletedAt), within(projects.regionPath)));
    const [checks] = await t.db
      .select({
        inspections: sql<number>`count(*)::int`,
        sites: sql<number>`count(distinct ${inspections.projectId})::int`,
      })
      .from(inspections)
      .where(and(eq(inspections.inspectedOn, day), within(inspections.regionPath)));
    const [findings] = await t.db
      .select({
        raised: sql<number>`count(*) filter (where ${inspectionFindings.foundOn} = ${day})::int`,
        closed: sql<number>`count(*) filter (where ${inspectionFindings.closedOn} = ${day})::int`,
        open: sql<number>`count(*) filter (where ${inspectionFindings.foundOn} <= ${day} and (${inspectionFindings.closedOn} is null or ${inspectionFindings.closedOn} > ${day}))::int`,
      })
      .from(inspectionFindings)
      .where(within(inspectionFindings.regionPath));
    const [stopped] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(projectStoppages)
      .innerJoin(projects, eq(projects.id, projectStoppages.projectId))
      .where(
        and(
          lte(projectStoppages.stoppedOn, day),
          or(isNull(projectStoppages.resumedOn), gt(projectStoppages.resumedOn, day)),
          within(projects.regionPath),
        ),
      );
    return {
      workersOnSite: people!.onSite,
      workersArrived: people!.arrived,
      workersDeparted: people!.departed,
      inspections: checks!.inspections,
      sitesInspected: checks!.sites,
      findingsRaised: findings!.raised,
      findingsClosed: findings!.closed,
      findingsOpen: findings!.open,
      projectsStopped: stopped!.n,
    };
  }

  it('holds, for the city and for 蕉城, what the roster, the inspections and the stoppages say of the day', async () => {
    const day = '2026-03-01';
    t.clock.set(new Date('2026-03-02T10:00:00+08:00'));
    city = await t.as('ningde');
    const created = await city.post('/api/bulletins', { kind: 'daily', period: day });
    expect(created.status).toBe(200);
    const bulletin = created.body as Bulletin;
    const siteDay = bulletin.snapshot.siteDay!;
    expect(siteDay.onDate).toBe(day);
    const [ningde] = await t.db.select().from(regions).where(eq(regions.code, '350900'));
    const [jiaocheng] = await t.db.select().from(regions).where(eq(regions.code, '350902'));
    const cityEntries = await entriesOn(ningde!.path, day);
    expect(siteDay.total).toMatchObject({
      name: '合计',
      ...cityEntries,
      inObservation: 0,
      healthAbnormal: 0,
    });
    // The demo holds a roster and a week of inspections: the figures are not all zero.
    expect(cityEntries.workersOnSite).toBeGreaterThan(0);
    expect(cityEntries.inspections).toBeGreaterThan(0);
    const row = siteDay.rows.find((r) => r.code === '350902')!;
    expect(row).toMatchObject({ name: '蕉城区', ...(await entriesOn(jiaocheng!.path, day)) });
    expect(row.workforceHref).toBe(`/workforce?region=350902&date=${day}`);
    // The lead sentence carries the totals.
    const lead = bulletin.sections.find((s) => s.key === 'siteDay')!.lead;
    expect(lead).toContain(`在岗${cityEntries.workersOnSite}人`);
    expect(lead).toContain(`开展督查${cityEntries.inspections}次`);
    // Rendered as Word and PDF, the table shows the same figures.
    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/bulletins/${bulletin.id}/files/docx`,
      headers: { cookie: city.cookie },
    });
    expect(docx.statusCode).toBe(200);
    const text = (
      await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string')
    ).replace(/<[^>]+>/g, '');
    expect(text).toContain('现场用工与督查');
    expect(text).toContain(`在岗${cityEntries.workersOnSite}人`);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/bulletins/${bulletin.id}/files/pdf`,
      headers: { cookie: city.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
