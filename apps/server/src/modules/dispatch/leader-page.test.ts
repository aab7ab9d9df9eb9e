import { cadencePreset321 } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFiles, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId, userId } from '../problems/problem-test-kit';

let t: TestApp;
let leader: string;
let project: string;
let otherProject: string;
type MyDispatchBody = {
  reportingMonth: string;
  timeProgress: string;
  month: string;
  projects: {
    id: string;
    colour: string | null;
    completion: string | null;
    behind: boolean;
    openProblems: number;
    openTasks: number;
  }[];
  cadence: {
    party: { key: string; role: string };
    required: number;
    held: number;
    shortBy: number;
    met: boolean;
    byKind: Record<string, number>;
    evidence: { kind: string; id: string }[];
  } | null;
};

const insertPhoto = async (projectId: string, name: string) => {
  const [row] = await t.db
    .insert(projectFiles)
    .values({
      projectId,
      kind: 'photo',
      originalName: name,
      storedName: `${name}-${Math.random().toString(36).slice(2)}`,
      mimeType: 'image/jpeg',
      sizeBytes: 10,
      sha256: '0'.repeat(64),
      uploadedByName: '蕉城区重点办',
      uploadedAt: t.clock.now(),
    })
    .returning({ id: projectFiles.id });
  return row!.id;
};

beforeAll(async () => {
  t = await createTestApp();
  leader = await userId(t, 'leader1');
  const ownerOrg = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: ownerOrg,
    leaderUserId: leader,
    name: '挂钩领导页测试项目',
  });
  otherProject = await insertTestProject(t, { regionCode: '350902', ownerOrganisationId: ownerOrg });
}, 120_000);
afterAll(async () => t.close());

describe('GET /api/my-dispatch (the linked leader’s own page)', () => {
  it('lists exactly the leader’s projects with the cockpit’s completion and colour, and open problems', async () => {
    const me = await t.as('leader1');
    const county = await t.as('jiaocheng');
    const raised = await county.post('/api/problems', {
      projectId: project,
      category: '征迁',
      description: '临时用地审批未落实，影响材料堆放',
      channel: 'visit',
    });
    expect(raised.status).toBe(200);

    const page = await me.get('/api/my-dispatch');
    expect(page.status).toBe(200);
    const body = page.body as MyDispatchBody;
    const linked = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.leaderUserId, leader));
    expect(body.projects.map((p) => p.id).sort()).toEqual(linked.map((p) => p.id).sort());
    expect(body.projects.length).toBeGreaterThan(10);
    expect(body.month).toBe('2026-03');
    const period = await me.get('/api/reporting-period');
    expect(body.reportingMonth).toBe(period.body.key);
    expect(body.timeProgress).toBe(((period.body.month * 1000) / 12 / 10).toFixed(1));

    const [year, month] = body.reportingMonth.split('-').map(Number);
    const cockpit = await me.get(`/api/cockpit/projects?year=${year}&month=${month}&pageSize=200`);
    expect(cockpit.status).toBe(200);
    const planned = cockpit.body.data as {
      id: string;
      planCompletionRate: { percent: string | null };
      isBehind: boolean;
      warningColour: string | null;
    }[];
    const compared = body.projects.filter((p) => planned.some((c) => c.id === p.id));
    expect(compared.length).toBeGreaterThan(5);
    for (const p of compared) {
      const c = planned.find((row) => row.id === p.id)!;
      expect([p.id, p.completion, p.behind, p.colour]).toEqual([
        c.id,
        c.planCompletionRate.percent,
        c.isBehind,
        c.warningColour,
      ]);
    }
    const mine = body.projects.find((p) => p.id === project)!;
    expect(mine).toMatchObject({ completion: null, behind: false, openProblems: 1, openTasks: 0 });
    expect(body.projects.some((p) => p.id === otherProject)).toBe(false);
  });

  it('shows the leader’s own cadence this month against 321, with its evidence', async () => {
    const me = await t.as('leader1');
    const city = await t.as('ningde');
    const before = (await me.get('/api/my-dispatch')).body as MyDispatchBody;
    expect(before.cadence).toMatchObject({
      party: { key: `user:${leader}`, role: 'linkedLeader' },
      required: cadencePreset321.find((r) => r.role === 'linkedLeader')!.perMonth,
      held: 0,
      shortBy: -2,
      met: false,
    });

    const visit = await city.post('/api/field-visits', {
      regionCode: '350900',
      visitorKind: 'leader',
      visitorUserId: leader,
      visitorName: '吴国平',
      visitedOn: '2026-03-01',
      projectIds: [project],
      solvedOnSpot: 2,
    });
    expect(visit.status).toBe(200);
    const hearing = await city.post('/api/meetings', {
      regionCode: '350900',
      title: '听取挂钩项目汇报',
      heldOn: '2026-03-02',
      chairUserId: leader,
      kind: 'hearing',
    });
    expect(hearing.status).toBe(200);
    expect(
      (await city.post(`/api/meetings/${hearing.body.id}/hold`, { version: hearing.body.version })).status,
    ).toBe(200);

    const after = (await me.get('/api/my-dispatch')).body as MyDispatchBody;
    expect(after.cadence).toMatchObject({
      required: 2,
      held: 2,
      shortBy: 0,
      met: true,
      byKind: { meetingChaired: 0, siteVisit: 1, reportHearing: 1 },
    });
    expect(after.cadence!.evidence).toEqual([
      { kind: 'visit', id: visit.body.id, title: '2026-03-01 吴国平走访' },
      { kind: 'meeting', id: hearing.body.id, title: '2026-03-02 听取挂钩项目汇报' },
    ]);
    const february = (await me.get('/api/my-dispatch?month=2026-02')).body as MyDispatchBody;
    expect(february).toMatchObject({ month: '2026-02', cadence: { held: 0, met: false } });
  });

  it('is empty for readers who lead no project, and refuses a bad month and no session', async () => {
    const owner = (await (await t.as('owner1')).get('/api/my-dispatch')).body as MyDispatchBody;
    expect(owner.projects).toEqual([]);
    expect(owner.cadence).toBeNull();
    const office = (await (await t.as('jiaocheng')).get('/api/my-dispatch')).body as MyDispatchBody;
    expect(office.projects).toEqual([]);
    expect(office.cadence).toBeNull();
    const bad = await (await t.as('leader1')).get('/api/my-dispatch?month=2026-3');
    expect(bad.status).toBe(400);
    expect((await t.call(null, 'GET', '/api/my-dispatch')).status).toBe(401);
  });
});

describe('field visits with photos and the visitor filter', () => {
  it('links photos of the visited projects, refuses others, and filters by visitor within the county', async () => {
    const county = await t.as('jiaocheng');
    const photo = await insertPhoto(project, '现场照片.jpg');
    const elsewhere = await insertPhoto(otherProject, '别处.jpg');
    const recorded = await county.post('/api/field-visits', {
      regionCode: '350902',
      visitorKind: 'serviceGroup',
      visitorName: '第三服务专班',
      visitedOn: '2026-03-02',
      projectIds: [project],
      fileIds: [photo],
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.photos).toEqual([
      expect.objectContaining({ id: photo, projectId: project, name: '现场照片.jpg' }),
    ]);
    const refused = await county.post('/api/field-visits', {
      regionCode: '350902',
      visitorKind: 'serviceGroup',
      visitorName: '第三服务专班',
      visitedOn: '2026-03-02',
      projectIds: [project],
      fileIds: [elsewhere],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('fileIds');

    const byGroup = await county.get(`/api/field-visits?visitor=${encodeURIComponent('第三服务专班')}`);
    expect(byGroup.body.page.total).toBe(1);
    expect(byGroup.body.data[0]).toMatchObject({ id: recorded.body.id, photos: [{ id: photo }] });
    const one = await county.get(`/api/field-visits?id=${recorded.body.id}`);
    expect(one.body.data.map((v: { id: string }) => v.id)).toEqual([recorded.body.id]);
    // The county sees its own visit, not the city's visit by the leader; the city sees both.
    expect((await county.get('/api/field-visits?from=2026-03-01&to=2026-03-31')).body.page.total).toBe(1);
    const city = await (await t.as('ningde')).get('/api/field-visits?from=2026-03-01&to=2026-03-31');
    expect(city.body.page.total).toBe(2);
    const fuan = await (await t.as('fuan')).get('/api/field-visits');
    expect(fuan.status).toBe(200);
    expect(fuan.body.data.map((v: { id: string }) => v.id)).not.toContain(recorded.body.id);
  });
});
