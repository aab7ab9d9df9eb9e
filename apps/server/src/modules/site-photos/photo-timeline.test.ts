import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';
import { exifPhoto, uploadJpegs } from './site-photo-test-kit';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['as']>>;
let county: Who;
/** Two 蕉城 projects of owner1's company: A at 宁德 (the photos' home), B about 30 km north. */
let projectA: string;
let projectB: string;
const siteA = { lat: 26.6657, lng: 119.5479 };
const siteB = { lat: 26.9357, lng: 119.5479 };
/** 4.4966° north along the meridian: 500 km (111.195 km a degree). */
const farAway = { lat: siteA.lat + 4.4966, lng: siteA.lng };

type Finding = { kind: string };
type Photo = { name: string; evidence: Finding[]; distanceKm: number | null };
const kindsByName = (photos: Photo[]) =>
  Object.fromEntries(photos.map((p) => [p.name, p.evidence.map((f) => f.kind)]));

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
  const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  projectA = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: owner,
    name: '形象进度测试甲',
  });
  projectB = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: owner,
    name: '形象进度测试乙',
  });
  await t.db
    .update(projects)
    .set({ latitude: siteA.lat, longitude: siteA.lng })
    .where(eq(projects.id, projectA));
  await t.db
    .update(projects)
    .set({ latitude: siteB.lat, longitude: siteB.lng })
    .where(eq(projects.id, projectB));
  await t.db.insert(annualPlans).values({
    projectId: projectA,
    year: 2026,
    plannedInvestmentWanYuan: '12000',
    priorCompletedWanYuan: '0',
  });
  county = await t.as('jiaocheng');
}, 120_000);
afterAll(async () => t.close());

describe('photo evidence of a 一线走访', () => {
  it('flags a photo 500 km away and one two years old, judges each against the nearest visited project', async () => {
    const uploaded = await uploadJpegs(t, county, `/api/projects/${projectA}/files`, [
      { name: '现场.jpg', bytes: await exifPhoto({ takenAt: '2026:03:10 10:00:00', ...siteA }) },
      { name: '外地.jpg', bytes: await exifPhoto({ takenAt: '2026:03:10 09:30:00', ...farAway }) },
      { name: '旧照.jpg', bytes: await exifPhoto({ takenAt: '2024:03:10 10:00:00', ...siteA }) },
      // Taken at B, filed under A (the drawer files under the first project): B is the nearest.
      { name: '乙现场.jpg', bytes: await exifPhoto({ takenAt: '2026:03:09 16:00:00', ...siteB }) },
      { name: '无元数据.jpg', bytes: await exifPhoto(null) },
    ]);
    const visit = await county.post('/api/field-visits', {
      regionCode: '350902',
      visitorKind: 'serviceGroup',
      visitorName: '重点项目服务专班',
      visitedOn: '2026-03-10',
      projectIds: [projectA, projectB],
      fileIds: uploaded.data.map((f) => f.id),
    });
    expect(visit.status).toBe(200);
    expect(kindsByName(visit.body.photos)).toEqual({
      '现场.jpg': [],
      '外地.jpg': ['tooFar'],
      '旧照.jpg': ['tooOld'],
      '乙现场.jpg': [],
      '无元数据.jpg': ['noLocation', 'noTime'],
    });
    const byName = Object.fromEntries(visit.body.photos.map((p: Photo) => [p.name, p]));
    // 500 km north of A is 470 km north of B, the nearest of the two.
    expect(byName['外地.jpg'].evidence[0]).toEqual({ kind: 'tooFar', distanceKm: 470, maxDistanceKm: 5 });
    expect(byName['外地.jpg'].judgedAgainst.id).toBe(projectB);
    expect(byName['旧照.jpg'].evidence[0]).toEqual({
      kind: 'tooOld',
      takenOn: '2024-03-10',
      earliestOn: '2026-03-09',
    });
    expect(byName['乙现场.jpg']).toMatchObject({
      judgedAgainst: { id: projectB, name: '形象进度测试乙' },
      distanceKm: 0,
      window: { earliestOn: '2026-03-09', latestOn: '2026-03-11' },
    });
    expect(byName['现场.jpg'].judgedAgainst.id).toBe(projectA);

    // The list carries the same findings.
    const listed = await county.get(`/api/field-visits?id=${visit.body.id}&page=1&pageSize=1`);
    expect(kindsByName(listed.body.data[0].photos)).toEqual(kindsByName(visit.body.photos));
  });
});

describe('photo evidence of a node reached', () => {
  it('flags an evidence photo far away and two years old, not the one on site in the week before', async () => {
    const owner = await t.as('owner1');
    const templates = await county.get('/api/milestone-templates');
    const eleven = templates.body.data.find((tpl: { name: string }) => tpl.name === '在建项目十一节点');
    const planned = await county.post(`/api/projects/${projectA}/milestones/plan`, {
      templateId: eleven.id,
      targetCode: 'start',
      targetOn: '2026-06-30',
    });
    expect(planned.status).toBe(200);
    const nodeOf = (code: string) =>
      planned.body.nodes.find((n: { code: string }) => n.code === code) as { id: string; version: number };
    const [good, bad] = (
      await uploadJpegs(t, owner, `/api/projects/${projectA}/files`, [
        { name: '签约仪式.jpg', bytes: await exifPhoto({ takenAt: '2026:03:11 15:00:00', ...siteA }) },
        { name: '备案旧照.jpg', bytes: await exifPhoto({ takenAt: '2024:03:12 15:00:00', ...farAway }) },
      ])
    ).data;
    const signing = await owner.post(`/api/milestone-nodes/${nodeOf('signing').id}/actual`, {
      version: nodeOf('signing').version,
      actualOn: '2026-03-12',
      fileId: good!.id,
    });
    expect(signing.status).toBe(200);
    const filing = await owner.post(`/api/milestone-nodes/${nodeOf('filing').id}/actual`, {
      version: nodeOf('filing').version,
      actualOn: '2026-03-13',
      fileId: bad!.id,
    });
    expect(filing.status).toBe(200);
    const nodes = (await county.get(`/api/projects/${projectA}/milestones`)).body.nodes as {
      code: string;
      actualFile: (Photo & { window: unknown }) | null;
    }[];
    const signed = nodes.find((n) => n.code === 'signing')!.actualFile!;
    expect(signed).toMatchObject({ name: '签约仪式.jpg', evidence: [], distanceKm: 0 });
    expect(signed.window).toEqual({ earliestOn: '2026-03-05', latestOn: '2026-03-12' });
    expect(nodes.find((n) => n.code === 'filing')!.actualFile!.evidence).toEqual([
      { kind: 'tooFar', distanceKm: 500, maxDistanceKm: 5 },
      { kind: 'tooOld', takenOn: '2024-03-12', earliestOn: '2026-03-06' },
    ]);
    expect(nodes.find((n) => n.code === 'design')!.actualFile).toBeNull();
  });
});

describe('the photo timeline (形象进度)', () => {
  it('groups report, visit and node photos of the project by month with their findings', async () => {
    const owner = await t.as('owner1');
    const saved = await owner.put(`/api/projects/${projectA}/reports/2026/3`, {
      completedWanYuan: '800',
      progress: '桩基施工',
      actualStartOn: '2026-01-10',
      version: null,
    });
    expect(saved.status).toBe(200);
    await uploadJpegs(t, owner, `/api/monthly-reports/${saved.body.id}/photos`, [
      { name: '月报现场.jpg', bytes: await exifPhoto({ takenAt: '2026:03:05 09:00:00', ...siteA }) },
      // January: before 1 February, the earliest a March report accepts.
      { name: '月报旧照.jpg', bytes: await exifPhoto({ takenAt: '2026:01:10 09:00:00', ...siteA }) },
    ]);

    const timeline = await county.get(`/api/projects/${projectA}/photo-timeline`);
    expect(timeline.status).toBe(200);
    const body = timeline.body;
    expect(body).toMatchObject({
      projectName: '形象进度测试甲',
      maxDistanceKm: 5,
      year: null,
      years: [2026, 2024],
    });
    expect(
      body.months.map((m: { month: string; count: number; flagged: number }) => [
        m.month,
        m.count,
        m.flagged,
      ]),
    ).toEqual([
      ['2026-03', 6, 3],
      ['2026-01', 1, 1],
      ['2024-03', 2, 2],
    ]);
    expect(body).toMatchObject({ total: 9, flagged: 6 });
    const march = body.months[0].photos as (Photo & {
      source: string;
      sourceLabel: string;
      datedBy: string;
      on: string;
    })[];
    expect(march.map((p) => [p.name, p.source, p.on, p.datedBy, p.evidence.map((f) => f.kind)])).toEqual([
      ['签约仪式.jpg', 'milestone', '2026-03-11', 'takenAt', []],
      ['现场.jpg', 'visit', '2026-03-10', 'takenAt', []],
      ['外地.jpg', 'visit', '2026-03-10', 'takenAt', ['tooFar']],
      // No capture time: placed on the visit's day, marked.
      ['无元数据.jpg', 'visit', '2026-03-10', 'documentsOn', ['noLocation', 'noTime']],
      // On A's timeline a photo of B is judged against A: 30 km off A's site.
      ['乙现场.jpg', 'visit', '2026-03-09', 'takenAt', ['tooFar']],
      ['月报现场.jpg', 'report', '2026-03-05', 'takenAt', []],
    ]);
    expect(march.find((p) => p.source === 'report')).toMatchObject({
      sourceLabel: '2026年3月月报',
      documentsOn: '2026-03-31',
      window: { earliestOn: '2026-02-01', latestOn: '2026-03-20' },
    });
    expect(march.find((p) => p.source === 'milestone')!.sourceLabel).toBe('节点：项目签约');
    expect(march.find((p) => p.source === 'visit')!.sourceLabel).toBe(
      '2026-03-10 一线走访（重点项目服务专班）',
    );
    expect(body.months[1].photos[0]).toMatchObject({ name: '月报旧照.jpg', evidence: [{ kind: 'tooOld' }] });

    const y2024 = (await county.get(`/api/projects/${projectA}/photo-timeline?year=2024`)).body;
    expect(y2024).toMatchObject({ year: 2024, years: [2026, 2024], total: 2, flagged: 2 });
    expect(y2024.months.map((m: { month: string }) => m.month)).toEqual(['2024-03']);
  });

  it('is for readers of the project: the owner sees it, 福安 gets NOT_FOUND, no session 401, a bad year 400', async () => {
    const owner = await t.as('owner1');
    expect((await owner.get(`/api/projects/${projectA}/photo-timeline`)).body.total).toBe(9);
    const fuan = await t.as('fuan');
    const hidden = await fuan.get(`/api/projects/${projectA}/photo-timeline`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    expect((await t.call(null, 'GET', `/api/projects/${projectA}/photo-timeline`)).status).toBe(401);
    const bad = await county.get(`/api/projects/${projectA}/photo-timeline?year=19`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('year');
    // A project without photos answers an empty timeline.
    expect((await county.get(`/api/projects/${projectB}/photo-timeline`)).body).toMatchObject({
      total: 0,
      months: [],
      years: [],
    });
  });
});
