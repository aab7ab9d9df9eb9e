import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projectStoppages, projects, regions, whitelistEntries } from '../../db/schema';
import { demoSeasonYear, demoZones } from '../../demo/demo-resumption';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testEpoch } from '../../testing/test-constants';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let jiaocheng: Person;
let fuan: Person;
let owner: Person;
let leader: Person;
const year = demoSeasonYear(testEpoch.toISOString().slice(0, 10));

beforeAll(async () => {
  t = await createTestApp();
  city = await t.as('ningde');
  jiaocheng = await t.as('jiaocheng');
  fuan = await t.as('fuan');
  owner = await t.as('owner1');
  leader = await t.as('leader1');
}, 120_000);
afterAll(async () => t.close());

type Count = { due: number; resumed: number; ratePercent: string | null };

describe('复工率 by zone, from the demo rows counted by hand', () => {
  it('equals the API on each zone’s target date; 加速 and 提速 met their dates, 重点 did not', async () => {
    const overview = await city.get('/api/resumption');
    expect(overview.status).toBe(200);
    expect(overview.body.zones.map((z: { name: string }) => z.name)).toEqual(demoZones.map((z) => z.name));
    for (const zone of demoZones) {
      const target = `${year}-${zone.target}`;
      // By hand: projects in the zone's counties, under construction on the target date, with a
      // stoppage this year begun by then; resumed = the last such stoppage resumed (and accepted
      // where required) on or before the target date.
      const paths = (
        await t.db
          .select({ path: regions.path })
          .from(regions)
          .where(inArray(regions.code, [...zone.regionCodes]))
      ).map((r) => r.path);
      const rows = await t.db
        .select({ project: projects, stoppage: projectStoppages })
        .from(projectStoppages)
        .innerJoin(projects, eq(projects.id, projectStoppages.projectId));
      const last = new Map<string, (typeof rows)[number]>();
      for (const row of rows) {
        const p = row.project;
        if (!paths.some((path) => p.regionPath === path || p.regionPath.startsWith(`${path}.`))) continue;
        if (!p.actualStartOn || p.actualStartOn > target) continue;
        if (p.actualCompletionOn && p.actualCompletionOn <= target) continue;
        const s = row.stoppage;
        if (s.stoppedOn < `${year}-01-01` || s.stoppedOn > target) continue;
        const before = last.get(p.id);
        if (!before || before.stoppage.stoppedOn < s.stoppedOn) last.set(p.id, row);
      }
      let resumed = 0;
      for (const { stoppage: s } of last.values()) {
        const back =
          s.resumedOn !== null &&
          s.resumedOn <= target &&
          (!s.inspectionRequired || (s.acceptedOn !== null && s.acceptedOn <= target));
        if (back) resumed += 1;
      }
      const due = last.size;
      expect(due).toBeGreaterThan(0);
      const api = overview.body.zones.find((z: { name: string }) => z.name === zone.name);
      expect(api.targetOn).toBe(target);
      expect(api.onTarget).toMatchObject({ due, resumed });
      expect(api.onTarget.ratePercent).toBe(((resumed * 1000) / due / 10).toFixed(1));
      expect(api.progress).toBe(resumed === due ? 'met' : 'notMet');
    }
    const progress = Object.fromEntries(
      overview.body.zones.map((z: { name: string; progress: string }) => [z.name, z.progress]),
    );
    expect(progress).toEqual({ 加速推进区: 'met', 重点推进区: 'notMet', 提速推进区: 'met' });
    // After the season, the 蕉城 project still awaiting acceptance is listed as not resumed.
    const after = await city.get(`/api/resumption?date=${year}-03-20`);
    expect(after.body.stopped.map((s: { status: string }) => s.status)).toEqual(['awaitingAcceptance']);
    const total: Count = overview.body.total;
    const sum = overview.body.byRegion.reduce((n: number, r: { count: Count }) => n + r.count.due, 0);
    expect(sum).toBe(total.due);
  });

  it('keeps a county to its own projects and regions', async () => {
    const mine = await fuan.get('/api/resumption');
    expect(mine.status).toBe(200);
    expect(mine.body.zones).toHaveLength(1);
    expect(mine.body.zones[0]).toMatchObject({
      name: '重点推进区',
      regions: [{ code: '350981', name: '福安市' }],
    });
    const all = await city.get('/api/resumption');
    const fuanRow = all.body.byRegion.find((r: { code: string }) => r.code === '350981');
    expect(mine.body.total).toEqual(fuanRow.count);
    const other = await t.db
      .select({ id: projectStoppages.id, projectId: projectStoppages.projectId })
      .from(projectStoppages)
      .innerJoin(projects, eq(projects.id, projectStoppages.projectId))
      .where(eq(projects.regionCode, '350923'))
      .limit(1);
    expect((await fuan.get(`/api/projects/${other[0]!.projectId}/stoppages`)).status).toBe(404);
    expect(
      (await fuan.post(`/api/stoppages/${other[0]!.id}/file`, { version: 0, filedOn: '2026-03-01' })).status,
    ).toBe(404);
    expect((await leader.get('/api/resumption')).status).toBe(200);
    expect((await t.call(null, 'GET', '/api/resumption')).status).toBe(401);
  });
});

describe('stoppages', () => {
  let projectId: string;
  beforeAll(async () => {
    const ownerOrg = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
    projectId = await insertTestProject(t, {
      regionCode: '350902',
      ownerOrganisationId: ownerOrg,
      name: '蕉城停复工测试项目',
    });
  });

  it('refuses a stoppage before the project started, then records, resumes to 待验收 and accepts', async () => {
    const early = await owner.post(`/api/projects/${projectId}/stoppages`, {
      stoppedOn: '2026-02-10',
      reasonCategory: 'springFestival',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0]).toEqual({ path: 'stoppedOn', message: '项目尚未开工，不能登记停工' });
    await t.db.update(projects).set({ actualStartOn: '2025-06-01' }).where(eq(projects.id, projectId));
    const future = await owner.post(`/api/projects/${projectId}/stoppages`, {
      stoppedOn: '2026-04-01',
      reasonCategory: 'springFestival',
    });
    expect(future.body.error.details[0].path).toBe('stoppedOn');
    const recorded = await owner.post(`/api/projects/${projectId}/stoppages`, {
      stoppedOn: '2026-02-10',
      reasonCategory: 'springFestival',
      reason: '春节停工',
      expectedResumeOn: '2026-02-25',
    });
    expect(recorded.status).toBe(200);
    // 蕉城 requires acceptance (the demo set it): fixed on the stoppage when recorded.
    expect(recorded.body).toMatchObject({
      status: 'stopped',
      inspectionRequired: true,
      canResume: true,
      canAccept: false,
    });
    const again = await owner.post(`/api/projects/${projectId}/stoppages`, {
      stoppedOn: '2026-02-11',
      reasonCategory: 'weather',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('尚未复工');
    const id = recorded.body.id;
    const beforeStop = await owner.post(`/api/stoppages/${id}/resume`, {
      version: 0,
      resumedOn: '2026-02-01',
    });
    expect(beforeStop.body.error.details[0]).toEqual({
      path: 'resumedOn',
      message: '不能早于停工日期 2026-02-10',
    });
    const resumed = await owner.post(`/api/stoppages/${id}/resume`, { version: 0, resumedOn: '2026-02-24' });
    expect(resumed.body).toMatchObject({ status: 'awaitingAcceptance', version: 1 });
    expect(
      (await owner.post(`/api/stoppages/${id}/resume`, { version: 1, resumedOn: '2026-02-24' })).status,
    ).toBe(409);
    const byOwner = await owner.post(`/api/stoppages/${id}/accept`, {
      version: 1,
      acceptedOn: '2026-02-26',
      inspectionGroup: '检查组',
    });
    expect(byOwner.status).toBe(403);
    const stale = await jiaocheng.post(`/api/stoppages/${id}/accept`, {
      version: 0,
      acceptedOn: '2026-02-26',
      inspectionGroup: '检查组',
    });
    expect(stale.status).toBe(409);
    const accepted = await jiaocheng.post(`/api/stoppages/${id}/accept`, {
      version: 1,
      acceptedOn: '2026-02-26',
      inspectionGroup: '蕉城区复工复产验收检查组',
    });
    expect(accepted.body).toMatchObject({ status: 'resumed', acceptedOn: '2026-02-26', canFile: true });
    const filed = await jiaocheng.post(`/api/stoppages/${id}/file`, { version: 2, filedOn: '2026-02-11' });
    expect(filed.body.filedOn).toBe('2026-02-11');
    expect(
      (await jiaocheng.post(`/api/stoppages/${id}/file`, { version: 3, filedOn: '2026-02-12' })).status,
    ).toBe(409);
    const tab = await owner.get(`/api/projects/${projectId}/stoppages`);
    expect(tab.body).toMatchObject({ canRecord: true, acceptanceRequired: true });
    const audit = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'project'), eq(auditEvents.entityId, projectId)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['stoppage.record', 'stoppage.resume', 'stoppage.accept', 'stoppage.file']),
    );
  });

  it('sets the jurisdiction’s acceptance rule, office only, version-checked', async () => {
    const current = (await fuan.get('/api/resumption')).body.settings;
    expect(current).toMatchObject({ acceptanceRequired: false, canManage: true });
    expect(
      (await owner.put('/api/resumption/settings', { acceptanceRequired: true, version: 0 })).status,
    ).toBe(403);
    const saved = await fuan.put('/api/resumption/settings', {
      acceptanceRequired: true,
      inspectionGroup: '福安市检查组',
      version: current.version,
    });
    expect(saved.status).toBe(200);
    expect(
      (await fuan.put('/api/resumption/settings', { acceptanceRequired: false, version: 0 })).status,
    ).toBe(409);
    expect((await fuan.get('/api/resumption')).body.settings).toMatchObject({
      acceptanceRequired: true,
      version: 1,
    });
  });
});

describe('zones', () => {
  it('takes only the jurisdiction’s children, each once per goal, and audits changes', async () => {
    const bad = await city.post('/api/zones', {
      name: '试点区',
      targetOn: '2026-03-20',
      regionCodes: ['350923', '350000'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: 'regionCodes.0', message: '屏南县已在「加速推进区」中（同一目标下一个区划只能属于一个分区）' },
      { path: 'regionCodes.1', message: '福建省不是本级的下级区划' },
    ]);
    const other = await city.post('/api/zones', {
      name: '达产推进区',
      goal: '全面达产',
      targetOn: '2026-04-30',
      regionCodes: ['350923'],
    });
    expect(other.status).toBe(200);
    const changed = await city.put(`/api/zones/${other.body.id}`, {
      name: '达产推进区',
      goal: '全面达产',
      targetOn: '2026-05-15',
      regionCodes: ['350923', '350924'],
      version: 0,
    });
    expect(changed.body).toMatchObject({ targetOn: '2026-05-15', version: 1 });
    expect(changed.body.regions.map((r: { name: string }) => r.name)).toEqual(['屏南县', '寿宁县']);
    expect((await fuan.put(`/api/zones/${other.body.id}`, { ...changed.body, version: 1 })).status).toBe(400);
    const gone = await t.call(city.cookie, 'DELETE', `/api/zones/${other.body.id}?version=1`);
    expect(gone.status).toBe(200);
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, other.body.id))
      .orderBy(asc(auditEvents.id));
    expect(actions.map((a) => a.action)).toEqual(['zone.create', 'zone.update', 'zone.delete']);
    expect(
      (await owner.post('/api/zones', { name: 'x', targetOn: '2026-03-01', regionCodes: [] })).status,
    ).toBe(403);
  });
});

describe('whitelist', () => {
  it('lists the demo’s provincial and city entries with counts, and one removed with its reason', async () => {
    const list = await city.get('/api/whitelist');
    expect(list.status).toBe(200);
    expect(list.body.counts).toMatchObject({ provincial: 6, city: 5, removed: 1, projects: 11 });
    const removed = list.body.data.find((e: { removedOn: string | null }) => e.removedOn);
    expect(removed.removalReason).toContain('移出白名单');
    const provincial = await city.get('/api/whitelist?level=provincial&removed=false');
    expect(provincial.body.data).toHaveLength(6);
    expect(provincial.body.data[0]).toMatchObject({ level: 'provincial', regionName: '福建省' });
  });

  it('includes once per level, marks the project, filters the list and removes with a reason', async () => {
    const [candidate] = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.regionCode, '350981'))
      .limit(1);
    const id = candidate!.id;
    await t.db.delete(whitelistEntries).where(eq(whitelistEntries.projectId, id));
    const empty = await fuan.post('/api/whitelist', {
      projectId: id,
      level: 'county',
      includedOn: '2026-02-01',
      criteria: [],
      reason: '县重点',
    });
    expect(empty.body.error.details[0]).toEqual({ path: 'criteria', message: '至少选择一项入选条件' });
    const body = {
      projectId: id,
      level: 'county',
      includedOn: '2026-02-01',
      criteria: ['keyProject'],
      reason: '县重点项目',
      guarantees: ['labour'],
    };
    const included = await fuan.post('/api/whitelist', body);
    expect(included.body).toMatchObject({ regionName: '福安市', canRemove: true });
    expect((await fuan.post('/api/whitelist', body)).body.error.details[0].path).toBe('projectId');
    expect((await jiaocheng.post('/api/whitelist', body)).status).toBe(404);
    const detail = await fuan.get(`/api/projects/${id}`);
    expect(detail.body.whitelist).toEqual([
      { level: 'county', regionName: '福安市', includedOn: '2026-02-01' },
    ]);
    const filtered = await fuan.get('/api/projects?whitelisted=true&pageSize=100');
    expect(filtered.body.data.map((p: { id: string }) => p.id)).toContain(id);
    const notListed = await fuan.get('/api/projects?whitelisted=false&pageSize=100');
    expect(notListed.body.data.map((p: { id: string }) => p.id)).not.toContain(id);
    const noReason = await fuan.post(`/api/whitelist/${included.body.id}/remove`, {
      version: 0,
      removedOn: '2026-01-01',
      reason: '停产',
    });
    expect(noReason.body.error.details[0]).toEqual({
      path: 'removedOn',
      message: '不能早于纳入日期 2026-02-01',
    });
    const out = await fuan.post(`/api/whitelist/${included.body.id}/remove`, {
      version: 0,
      removedOn: '2026-02-20',
      reason: '企业停产整顿',
    });
    expect(out.body).toMatchObject({
      removedOn: '2026-02-20',
      removalReason: '企业停产整顿',
      canRemove: false,
    });
    expect((await fuan.get(`/api/projects/${id}`)).body.whitelist).toEqual([]);
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['whitelist.include', 'whitelist.remove']),
    );
  });

  it('exports both ledgers as Excel', async () => {
    for (const url of ['/api/resumption/ledger.xlsx', '/api/whitelist/ledger.xlsx']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: city.cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});
