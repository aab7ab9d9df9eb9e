import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, workerHealthChecks, workers } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';
import { purgeHealthRecords } from './health-checks';
import { healthPurgeJob } from './health-purge.job';
import { workersOnSiteByProject, workforceDayFigures } from './workforce-figures';
import { testIdNumber, workerBody, xlsxText } from './workforce-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let owner: Person;
let county: Person;
let fuan: Person;
let city: Person;
let housing: Person;
let projectA: string;
let projectB: string;
let contractorA = '';
let contractorB = '';
let workerId = '';
const sichuan = testIdNumber(901);
const local = testIdNumber(902, '350902', '19900101');

const sys = () => ({ db: t.db, auditKey: testAuditKey });
const morning = (date: string) => new Date(`${date}T01:00:00.000Z`);

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.as('owner1');
  county = await t.as('jiaocheng');
  fuan = await t.as('fuan');
  city = await t.as('ningde');
  housing = await t.as('zhujian');
  projectA = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    name: '蕉城区实名制测试项目',
  });
  projectB = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: await organisationId(t, '福安市青拓新材料有限公司'),
    name: '福安市实名制测试项目',
  });
}, 120_000);
afterAll(async () => t.close());

describe('contractors and workers of a project', () => {
  it('lets the owner unit add contractors, checking the credit code, and nobody outside see them', async () => {
    const bad = await owner.post(`/api/projects/${projectA}/contractors`, {
      name: '中建海峡建设发展有限公司',
      creditCode: '91350100MA31XY5K0X',
      role: 'general',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('creditCode');
    const made = await owner.post(`/api/projects/${projectA}/contractors`, {
      name: '中建海峡建设发展有限公司',
      creditCode: null,
      role: 'general',
    });
    expect(made.status).toBe(200);
    contractorA = made.body.contractors[0].id;
    expect(
      (await fuan.post(`/api/projects/${projectA}/contractors`, { name: 'x', role: 'labour' })).status,
    ).toBe(404);
    expect((await fuan.get(`/api/projects/${projectA}/workforce`)).status).toBe(404);
    expect((await owner.get(`/api/projects/${projectB}/workforce`)).status).toBe(404);
    // A department reads rosters but keeps none.
    expect(
      (await housing.post(`/api/projects/${projectA}/contractors`, { name: 'x', role: 'labour' })).status,
    ).toBe(403);
    const b = await fuan.post(`/api/projects/${projectB}/contractors`, { name: '福安劳务', role: 'labour' });
    expect(b.status).toBe(200);
    contractorB = b.body.contractors[0].id;
  });

  it('registers a worker with a checked ID number, whole for the owner unit and masked for the office', async () => {
    const wrong = `${sichuan.slice(0, 17)}${sichuan[17] === '0' ? '1' : '0'}`;
    const refused = await owner.post(`/api/projects/${projectA}/workers`, workerBody(contractorA, wrong));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toEqual({
      path: 'idNumber',
      message: '身份证号码校验码不正确，请核对',
    });
    const created = await owner.post(`/api/projects/${projectA}/workers`, workerBody(contractorA, sichuan));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      idNumber: sichuan,
      idNumberIsMasked: false,
      isOnSite: true,
      health: null,
    });
    workerId = created.body.id;
    const twin = await owner.post(
      `/api/projects/${projectA}/workers`,
      workerBody(contractorA, sichuan, { name: '另一人' }),
    );
    expect(twin.status).toBe(400);
    expect(twin.body.error.message).toContain('本项目已登记该身份证号码的工人（测试工人）');
    const seen = await county.get(`/api/workers/${workerId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.worker.idNumber).toBe(`${sichuan.slice(0, 3)}***********${sichuan.slice(-4)}`);
    expect(seen.body.worker.phone).toBe('139****0001');
    // The same person may work on another project.
    const other = await fuan.post(`/api/projects/${projectB}/workers`, workerBody(contractorB, sichuan));
    expect(other.status).toBe(200);
    expect(other.body.idNumberIsMasked).toBe(true);
  });

  it('stores the number only encrypted with its blind index, and audits it masked', async () => {
    const [row] = await t.db.select().from(workers).where(eq(workers.id, workerId));
    expect(row!.idNumberCipher).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(sichuan);
    expect(row!.idNumberMasked).toBe(`511***********${sichuan.slice(-4)}`);
    expect(row!.idNumberIndex).toMatch(/^[0-9a-f]{64}$/);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, projectA), like(auditEvents.action, 'workforce.%')));
    expect(events.map((e) => e.action)).toEqual(['workforce.contractor.create', 'workforce.worker.create']);
    const text = JSON.stringify(events);
    expect(text).not.toContain(sichuan);
    expect(text).toContain(row!.idNumberMasked);
  });

  it('edits (keeping the number), marks departed and removes, each audited without the number', async () => {
    const [row] = await t.db.select().from(workers).where(eq(workers.id, workerId));
    const edited = await county.patch(`/api/workers/${workerId}`, {
      ...workerBody(contractorA, sichuan),
      idNumber: null,
      team: '木工班',
      version: row!.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.team).toBe('木工班');
    const [after] = await t.db.select().from(workers).where(eq(workers.id, workerId));
    expect(after!.idNumberIndex).toBe(row!.idNumberIndex);
    const stale = await owner.patch(`/api/workers/${workerId}`, {
      ...workerBody(contractorA, sichuan),
      version: row!.version,
    });
    expect(stale.status).toBe(409);
    const second = await owner.post(
      `/api/projects/${projectA}/workers`,
      workerBody(contractorA, local, { name: '本地工人', originProvince: '350000', arrivedOn: '2026-02-10' }),
    );
    const early = await owner.post(`/api/workers/${second.body.id}/departure`, {
      version: second.body.version,
      departedOn: '2026-02-01',
    });
    expect(early.status).toBe(400);
    const gone = await owner.post(`/api/workers/${second.body.id}/departure`, {
      version: second.body.version,
      departedOn: '2026-03-02',
    });
    expect(gone.body).toMatchObject({ departedOn: '2026-03-02', isOnSite: false });
    const removed = await t.call(
      owner.cookie,
      'DELETE',
      `/api/workers/${second.body.id}?version=${gone.body.version}`,
    );
    expect(removed.status).toBe(200);
    expect((await owner.get(`/api/workers/${second.body.id}`)).status).toBe(404);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, projectA), like(auditEvents.action, 'workforce.worker.%')));
    expect(events.map((e) => e.action)).toEqual([
      'workforce.worker.create',
      'workforce.worker.update',
      'workforce.worker.create',
      'workforce.worker.depart',
      'workforce.worker.remove',
    ]);
    expect(JSON.stringify(events)).not.toContain(local);
    expect(JSON.stringify(events)).not.toContain(sichuan);
  });

  it('keeps a county to its own workers in search and figures, and finds a person by the whole number', async () => {
    const fromFuan = await fuan.get(`/api/workforce/workers?presence=all&pageSize=200`);
    expect(fromFuan.status).toBe(200);
    expect(
      fromFuan.body.data.every((w: { projectName: string }) => !w.projectName.startsWith('蕉城区')),
    ).toBe(true);
    expect(fromFuan.body.data.some((w: { projectId: string }) => w.projectId === projectA)).toBe(false);
    expect((await fuan.get('/api/workforce/overview?regionCode=350902')).status).toBe(404);
    const byNumber = await city.get(`/api/workforce/workers?q=${sichuan}&presence=all`);
    expect(byNumber.body.data.map((w: { projectId: string }) => w.projectId).sort()).toEqual(
      [projectA, projectB].sort(),
    );
    expect(byNumber.body.data.every((w: { idNumberIsMasked: boolean }) => w.idNumberIsMasked)).toBe(true);
    const ownerSearch = await owner.get(`/api/workforce/workers?q=${sichuan}&presence=all`);
    expect(ownerSearch.body.data.map((w: { projectId: string }) => w.projectId)).toEqual([projectA]);
    const overview = await fuan.get('/api/workforce/overview');
    expect(overview.body.rows.length).toBeGreaterThan(0);
    const total = overview.body.rows.reduce(
      (n: number, r: { figures: { onSite: number } }) => n + r.figures.onSite,
      0,
    );
    expect(total).toBe(overview.body.total.onSite);
  });
});

describe('the 花名册 export', () => {
  it('exports a project or one contractor of it, whole for the owner unit and masked for the office', async () => {
    const second = await owner.post(`/api/projects/${projectA}/contractors`, {
      name: '宁德市闽东劳务有限公司',
      creditCode: null,
      role: 'labour',
    });
    const labour = second.body.contractors.find((c: { role: string }) => c.role === 'labour').id;
    await owner.post(
      `/api/projects/${projectA}/workers`,
      workerBody(labour, testIdNumber(903), { name: '劳务工人', arrivedOn: '2026-03-02' }),
    );
    const read = async (who: Person, query = '') => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/projects/${projectA}/workers/export.xlsx${query}`,
        headers: { cookie: who.cookie },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain('attachment');
      return xlsxText(response.rawPayload);
    };
    const whole = await read(owner);
    expect(whole).toContain(sichuan);
    expect(whole).toContain('劳务工人');
    const onlyLabour = await read(owner, `?contractorId=${labour}`);
    expect(onlyLabour).toContain('劳务工人');
    expect(onlyLabour).not.toContain(sichuan);
    const masked = await read(county);
    expect(masked).not.toContain(sichuan);
    expect(masked).toContain(`511***********${sichuan.slice(-4)}`);
    expect(masked).toContain('身份证号码、手机号码已脱敏');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/projects/${projectA}/workers/export.xlsx`,
          headers: { cookie: fuan.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the figures other modules read', () => {
  it('counts workers on site per project and the day figures per child region', async () => {
    const onSite = await workersOnSiteByProject(t.db, [projectA, projectB], '2026-03-01');
    // The local worker was removed (a wrong entry): only the worker from 四川, arrived 1 March.
    expect(onSite.get(projectA)).toBe(1);
    expect(onSite.get(projectB)).toBe(1);
    expect((await workersOnSiteByProject(t.db, [projectA], '2026-02-28')).has(projectA)).toBe(false);
    const before = await workforceDayFigures(t.db, '350000.350900', '2026-03-01');
    const jiaocheng = before.rows.find((r) => r.regionCode === '350902')!;
    const demoOnly = await workforceDayFigures(t.db, '350000.350900.350902', '2026-03-01');
    expect(demoOnly.rows).toHaveLength(1);
    expect(demoOnly.total.onSite).toBe(jiaocheng.figures.onSite);
    expect(jiaocheng.figures.arrived).toBeGreaterThanOrEqual(1);
    expect(jiaocheng.figures).toMatchObject({ inObservation: 0, abnormal: 0, cleared: 0 });
    const sum = before.rows.reduce((n, r) => n + r.figures.onSite, 0);
    expect(sum).toBe(before.total.onSite);
  });
});

describe('the emergency health watch', () => {
  let watchId = '';
  let watchVersion = 0;
  it('refuses a health check while no watch is on, in words naming the region', async () => {
    const refused = await owner.post(`/api/workers/${workerId}/health-checks`, {
      checkedOn: '2026-03-02',
      temperature: '36.5',
      hasSymptoms: false,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('蕉城区在 2026-03-02 未开启应急健康监测，无需登记健康检查');
  });

  it('lets only the office switch a watch on for its jurisdiction, one at a time', async () => {
    const rules = {
      name: '新冠疫情防控',
      fromOn: '2026-02-20',
      toOn: null,
      originKind: 'outsideProvince',
      originProvinces: [],
      observationDays: 14,
      retentionDays: 30,
    };
    expect((await owner.post('/api/health-watches', rules)).status).toBe(403);
    expect((await fuan.post('/api/health-watches', { ...rules, regionCode: '350902' })).status).toBe(404);
    const made = await county.post('/api/health-watches', rules);
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ regionName: '蕉城区', isActive: true, purgeOn: null });
    watchId = made.body.id;
    watchVersion = made.body.version;
    const overlap = await county.post('/api/health-watches', { ...rules, fromOn: '2026-03-01' });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.message).toContain('期间不能重叠');
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'healthWatch.create'));
    expect(audit).toHaveLength(1);
  });

  it('observes a worker from outside the province 14 days and clears them on the 15th', async () => {
    const seen = await owner.get(`/api/projects/${projectA}/workforce`);
    expect(seen.body.watch.name).toBe('新冠疫情防控');
    const worker = seen.body.workers.find((w: { id: string }) => w.id === workerId);
    expect(worker.health).toMatchObject({
      status: 'observing',
      observationEndOn: '2026-03-14',
      isClearedToWork: false,
    });
    t.clock.set(morning('2026-03-14'));
    const day14 = await (await t.as('owner1')).get(`/api/workers/${workerId}`);
    expect(day14.body.worker.health.status).toBe('observing');
    t.clock.set(morning('2026-03-15'));
    const day15 = await (await t.as('owner1')).get(`/api/workers/${workerId}`);
    expect(day15.body.worker.health).toMatchObject({ status: 'cleared', isClearedToWork: true });
  });

  it('records one check per worker per day (again = update), abnormal on a fever, audited without the values', async () => {
    const me = await t.as('owner1');
    const bad = await me.post(`/api/workers/${workerId}/health-checks`, {
      checkedOn: '2026-03-15',
      temperature: '43.0',
      hasSymptoms: false,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('temperature');
    const future = await me.post(`/api/workers/${workerId}/health-checks`, {
      checkedOn: '2026-03-16',
      temperature: '36.5',
      hasSymptoms: false,
    });
    expect(future.status).toBe(400);
    const fever = await me.post(`/api/workers/${workerId}/health-checks`, {
      checkedOn: '2026-03-15',
      temperature: '37.6',
      hasSymptoms: false,
      note: '复测',
    });
    expect(fever.status).toBe(200);
    expect(fever.body.worker.health.status).toBe('abnormal');
    const office = await t.as('jiaocheng');
    const overview = await office.get('/api/workforce/overview?on=2026-03-15');
    expect(overview.body.total.abnormal).toBe(1);
    expect(overview.body.healthList.map((w: { id: string }) => w.id)).toContain(workerId);
    const again = await me.post(`/api/workers/${workerId}/health-checks`, {
      checkedOn: '2026-03-15',
      temperature: '36.6',
      hasSymptoms: false,
    });
    expect(again.body.checks).toHaveLength(1);
    expect(again.body.worker.health.status).toBe('cleared');
    expect(
      (
        await (
          await t.as('fuan')
        ).post(`/api/workers/${workerId}/health-checks`, {
          checkedOn: '2026-03-15',
          temperature: '36.6',
          hasSymptoms: false,
        })
      ).status,
    ).toBe(404);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'healthCheck.record'));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain('37.6');
  });

  it('purges the records the day after the retention ends, as the system, once', async () => {
    const office = await t.as('jiaocheng');
    const ended = await office.post(`/api/health-watches/${watchId}/end`, {
      version: watchVersion,
      toOn: '2026-03-20',
    });
    expect(ended.status).toBe(200);
    expect(ended.body.purgeOn).toBe('2026-04-20');
    expect(await purgeHealthRecords(sys(), morning('2026-04-19'))).toEqual({ watches: 0, checks: 0 });
    expect(
      await t.db.select().from(workerHealthChecks).where(eq(workerHealthChecks.watchId, watchId)),
    ).toHaveLength(1);
    t.clock.set(morning('2026-04-20'));
    const result = await healthPurgeJob.run(
      {
        db: t.db,
        clock: t.clock,
        auditKey: testAuditKey,
        log: () => {},
        key: 'healthRecordsPurge:2026-04-20',
      },
      {},
    );
    expect(result).toBe('清除健康监测 1 项的检查记录 1 条');
    expect(
      await t.db.select().from(workerHealthChecks).where(eq(workerHealthChecks.watchId, watchId)),
    ).toHaveLength(0);
    const [purge] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'healthCheck.purge'));
    expect(purge).toMatchObject({ actorName: 'system', entityId: '350902' });
    expect(await purgeHealthRecords(sys(), morning('2026-04-21'))).toEqual({ watches: 0, checks: 0 });
    const later = await (await t.as('jiaocheng')).get('/api/workforce/overview');
    expect(later.body.watches[0]).toMatchObject({ isPurged: true, isActive: false });
  });
});
