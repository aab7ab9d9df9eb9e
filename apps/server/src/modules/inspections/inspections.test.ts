import { and, eq, inArray, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, inspectionFindings, problems, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';
import { inspectionDayFigures } from './coverage';
import { inspectionPhotosOfProject } from './finding-photos';
import { raiseOverdueFindings } from './raise-finding-problem';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let county: Person;
let otherCounty: Person;
let owner: Person;
let supervisor: Person;
let projectA: string;
let projectB: string;
let uninspected: string;
/** 蕉城 site of owner1 at 宁德 (26.6657 N, 119.5479 E). */
const site = { lat: 26.6657, lng: 119.5479 };

function gps(degrees: number): string {
  const d = Math.floor(degrees);
  const minutes = (degrees - d) * 60;
  const m = Math.floor(minutes);
  const s = Math.round((minutes - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/** A JPEG with an EXIF capture time (China wall clock) and GPS place. */
function photo(takenAt: string, lat: number, lng: number) {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#775533' } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: takenAt },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: gps(lat), GPSLongitudeRef: 'E', GPSLongitude: gps(lng) },
    })
    .toBuffer();
}
const bare = () =>
  sharp({ create: { width: 32, height: 32, channels: 3, background: '#335577' } })
    .jpeg()
    .toBuffer();

/** A multipart POST with text fields and JPEG files. */
function multipart(
  who: Person,
  url: string,
  fields: Record<string, string>,
  files: { name: string; bytes: Buffer }[],
) {
  const boundary = '----inspection-test';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const file of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app
    .inject({
      method: 'POST',
      url,
      payload: Buffer.concat(chunks),
      headers: { cookie: who.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    .then((r) => ({ status: r.statusCode, body: JSON.parse(r.body) }));
}

const auditCount = async (action: string, projectId: string) => {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, projectId)));
  return Number(row?.n ?? 0);
};

const safetyRecord = (projectId: string, inspectedOn: string, extra: Record<string, unknown> = {}) => ({
  projectId,
  inspectedOn,
  results: [
    { key: 'safety-1', result: 'pass' },
    { key: 'safety-4', result: 'issue', note: '三层临边无防护' },
  ],
  findings: [{ itemKey: 'safety-4', description: '三层楼面临边未设防护栏杆', severity: 'major' }],
  note: '总体有序',
  siteContact: '张工 13800000000',
  ...extra,
});

let ref: { checklistId: string | null; presetKey: string | null };

/** New sessions after the clock moves (an idle session expires). */
async function relogin() {
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  supervisor = await t.as('supervisor');
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-02T10:00:00+08:00'));
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  supervisor = await t.as('supervisor');
  const ownerOrg = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  const fuanOrg = await organisationId(t, '福安市青拓新材料有限公司');
  projectA = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: ownerOrg,
    name: '蕉城区督查测试项目',
  });
  uninspected = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: ownerOrg,
    name: '蕉城区未督查项目',
  });
  projectB = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: fuanOrg,
    name: '福安市督查测试项目',
  });
  await t.db
    .update(projects)
    .set({ latitude: site.lat, longitude: site.lng })
    .where(eq(projects.id, projectA));
  const lists = await county.get('/api/inspection-checklists');
  expect(lists.status).toBe(200);
  const safety = lists.body.data.find((c: { name: string }) => c.name === '安全生产');
  ref = { checklistId: safety.id, presetKey: safety.presetKey };
}, 120_000);
afterAll(async () => t.close());

describe('checklists per jurisdiction', () => {
  it('lets a county copy the inherited checklists, edit its own with a version, and audits both', async () => {
    const before = await otherCounty.get('/api/inspection-checklists');
    expect(before.body.canStartOwn).toBe(true);
    expect(before.body.canManage).toBe(false);
    expect((await owner.post('/api/inspection-checklists/copy', { regionCode: '350981' })).status).toBe(403);
    expect((await county.post('/api/inspection-checklists/copy', { regionCode: '350981' })).status).toBe(404);
    const copied = await otherCounty.post('/api/inspection-checklists/copy', { regionCode: '350981' });
    expect(copied.status).toBe(200);
    expect(copied.body).toMatchObject({ sourceRegionCode: '350981', canManage: true, canStartOwn: false });
    expect(copied.body.data.map((c: { name: string }) => c.name)).toEqual(
      before.body.data.map((c: { name: string }) => c.name),
    );
    expect((await otherCounty.post('/api/inspection-checklists/copy', { regionCode: '350981' })).status).toBe(
      409,
    );
    const dust = copied.body.data.find((c: { name: string }) => c.name === '扬尘治理');
    const edit = {
      version: dust.version,
      name: '扬尘治理（福安）',
      items: [...dust.items, { key: 'dust-fa-1', text: '雾炮机开启', category: 'dust' }],
      active: true,
    };
    const saved = await otherCounty.patch(`/api/inspection-checklists/${dust.id}`, edit);
    expect(saved.status).toBe(200);
    expect(saved.body.data.find((c: { id: string }) => c.id === dust.id).items).toHaveLength(
      dust.items.length + 1,
    );
    expect((await otherCounty.patch(`/api/inspection-checklists/${dust.id}`, edit)).status).toBe(409);
    const dup = await otherCounty.patch(`/api/inspection-checklists/${dust.id}`, {
      ...edit,
      version: dust.version + 1,
      items: [edit.items[0], edit.items[0]],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details[0].path).toBe('items.1.key');
    const [audits] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        and(
          inArray(auditEvents.action, ['inspection.checklist.copy', 'inspection.checklist.update']),
          eq(auditEvents.entityId, '350981'),
        ),
      );
    expect(Number(audits?.n)).toBe(2);
    // 蕉城 still sees the city's lists, unchanged.
    expect(
      (await county.get('/api/inspection-checklists')).body.data.some(
        (c: { name: string }) => c.name === '扬尘治理（福安）',
      ),
    ).toBe(false);
  });
});

let findingId: string;

describe('recording an inspection with its findings', () => {
  it('refuses a future day, a finding on a passed item, another county and an owner', async () => {
    const future = await county.post('/api/inspections', { ...safetyRecord(projectA, '2026-03-03'), ...ref });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].path).toBe('inspectedOn');
    const wrong = await county.post('/api/inspections', {
      ...safetyRecord(projectA, '2026-03-02'),
      ...ref,
      findings: [{ itemKey: 'safety-1', description: 'x', severity: 'minor' }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.map((d: { path: string }) => d.path)).toContain('findings.0.itemKey');
    expect(
      (await otherCounty.post('/api/inspections', { ...safetyRecord(projectA, '2026-03-02'), ...ref }))
        .status,
    ).toBe(404);
    expect(
      (await owner.post('/api/inspections', { ...safetyRecord(projectA, '2026-03-02'), ...ref })).status,
    ).toBe(403);
  });

  it('keeps the checklist as it was and sets the deadline by severity in working days, audited', async () => {
    const recorded = await county.post('/api/inspections', {
      ...safetyRecord(projectA, '2026-03-02'),
      ...ref,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.checklistName).toBe('安全生产');
    expect(recorded.body.items.find((i: { key: string }) => i.key === 'safety-4')).toMatchObject({
      result: 'issue',
      note: '三层临边无防护',
    });
    expect(recorded.body.items.find((i: { key: string }) => i.key === 'safety-7').result).toBe('na');
    expect(recorded.body.organisationName).toBe('蕉城区重点项目建设办公室');
    const [finding] = recorded.body.findings;
    findingId = finding.id;
    // 较重: 3 working days after Monday 2 March 2026.
    expect(finding).toMatchObject({
      status: 'open',
      severity: 'major',
      deadlineOn: '2026-03-05',
      canReview: true,
      canReply: false,
    });
    expect(await auditCount('inspection.record', projectA)).toBe(1);
  });
});

describe('who sees inspections', () => {
  it('never shows a 蕉城 inspection to 福安, shows the owner its own projects only, and the supervisor all', async () => {
    const fuanList = await otherCounty.get(`/api/inspections?projectId=${projectA}`);
    expect(fuanList.body.data).toHaveLength(0);
    expect((await otherCounty.get(`/api/inspection-findings/${findingId}`)).status).toBe(404);
    expect(
      (await otherCounty.get('/api/inspection-findings?pageSize=100')).body.data.some(
        (f: { id: string }) => f.id === findingId,
      ),
    ).toBe(false);
    const mine = await owner.get(`/api/inspection-findings?projectId=${projectA}`);
    expect(mine.body.data.map((f: { id: string }) => f.id)).toEqual([findingId]);
    expect(mine.body.data[0]).toMatchObject({ canReply: true, canReview: false });
    const fuanLists = await otherCounty.get('/api/inspection-checklists');
    const fuanSafety = fuanLists.body.data.find((c: { name: string }) => c.name === '安全生产');
    const fuanRecorded = await otherCounty.post('/api/inspections', {
      ...safetyRecord(projectB, '2026-03-02'),
      checklistId: fuanSafety.id,
      presetKey: null,
    });
    expect(fuanRecorded.status).toBe(200);
    expect((await owner.get(`/api/inspection-findings/${fuanRecorded.body.findings[0].id}`)).status).toBe(
      404,
    );
    expect((await owner.get(`/api/inspections?projectId=${projectB}`)).body.data).toHaveLength(0);
    expect((await county.get(`/api/inspection-findings/${fuanRecorded.body.findings[0].id}`)).status).toBe(
      404,
    );
    expect((await supervisor.get(`/api/inspection-findings/${findingId}`)).status).toBe(200);
    const coverage = await otherCounty.get('/api/inspections/coverage?on=2026-03-02');
    expect(coverage.body.regionCode).toBe('350981');
    const own = await otherCounty.get('/api/inspections?from=2026-03-02&to=2026-03-02&pageSize=100');
    expect(coverage.body.total.inspections).toBe(own.body.page.total);
    expect(own.body.data.every((i: { regionName: string }) => i.regionName === '福安市')).toBe(true);
  });
});

describe('photos and their evidence', () => {
  it('flags a finding photo taken 500 km away and passes one taken on site; bare photos are marked', async () => {
    const near = await photo('2026:03:02 09:30:00', site.lat + 0.001, site.lng);
    const far = await photo('2026:03:02 09:40:00', site.lat + 4.5, site.lng);
    const up = await multipart(county, `/api/inspection-findings/${findingId}/photos`, {}, [
      { name: 'near.jpg', bytes: near },
      { name: 'far.jpg', bytes: far },
      { name: 'bare.jpg', bytes: await bare() },
    ]);
    expect(up.status).toBe(200);
    const byName = Object.fromEntries(
      up.body.photos.map((p: { originalName: string; evidence: { kind: string }[] }) => [
        p.originalName,
        p.evidence.map((e) => e.kind),
      ]),
    );
    expect(byName['near.jpg']).toEqual([]);
    expect(byName['far.jpg']).toEqual(['tooFar']);
    expect(byName['bare.jpg']).toEqual(['noLocation', 'noTime']);
    expect(
      (
        await multipart(owner, `/api/inspection-findings/${findingId}/photos`, {}, [
          { name: 'x.jpg', bytes: near },
        ])
      ).status,
    ).toBe(403);
    expect(await auditCount('inspection.finding.photos', projectA)).toBe(1);
  });
});

describe('the rectification loop', () => {
  it('takes the owner reply with photos, a return with a reason, a second reply, then the close; each audited', async () => {
    t.clock.set(new Date('2026-03-04T15:00:00+08:00'));
    await relogin();
    const v0 = (await owner.get(`/api/inspection-findings/${findingId}`)).body.version as number;
    expect(
      (
        await multipart(
          county,
          `/api/inspection-findings/${findingId}/reply`,
          { version: String(v0), text: '已整改' },
          [],
        )
      ).status,
    ).toBe(403);
    const empty = await multipart(
      owner,
      `/api/inspection-findings/${findingId}/reply`,
      { version: String(v0), text: '' },
      [],
    );
    expect(empty.status).toBe(400);
    const fix = await photo('2026:03:04 11:00:00', site.lat, site.lng + 0.001);
    const old = await photo('2026:02:20 11:00:00', site.lat, site.lng);
    const replied = await multipart(
      owner,
      `/api/inspection-findings/${findingId}/reply`,
      { version: String(v0), text: '已加装防护栏杆' },
      [
        { name: 'fixed.jpg', bytes: fix },
        { name: 'old.jpg', bytes: old },
      ],
    );
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({
      status: 'replied',
      replyText: '已加装防护栏杆',
      repliedOn: '2026-03-04',
      canReply: false,
    });
    const replies = replied.body.photos.filter((p: { role: string }) => p.role === 'reply');
    expect(
      Object.fromEntries(
        replies.map((p: { originalName: string; evidence: { kind: string }[] }) => [
          p.originalName,
          p.evidence.map((e) => e.kind),
        ]),
      ),
    ).toEqual({
      'fixed.jpg': [],
      'old.jpg': ['tooOld'],
    });
    const v1 = replied.body.version as number;
    expect((await owner.post(`/api/inspection-findings/${findingId}/close`, { version: v1 })).status).toBe(
      403,
    );
    expect(
      (await otherCounty.post(`/api/inspection-findings/${findingId}/close`, { version: v1 })).status,
    ).toBe(404);
    const noReason = await county.post(`/api/inspection-findings/${findingId}/return`, {
      version: v1,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    const returned = await county.post(`/api/inspection-findings/${findingId}/return`, {
      version: v1,
      reason: '栏杆高度不足 1.2 米',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReason: '栏杆高度不足 1.2 米',
      returnCount: 1,
      canReply: false,
    });
    const v2 = returned.body.version as number;
    const early = await county.post(`/api/inspection-findings/${findingId}/close`, { version: v2 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_TRANSITION');
    const again = await multipart(
      owner,
      `/api/inspection-findings/${findingId}/reply`,
      { version: String(v2), text: '已加高至 1.2 米' },
      [],
    );
    expect(again.body.status).toBe('replied');
    expect((await county.post(`/api/inspection-findings/${findingId}/close`, { version: v2 })).status).toBe(
      409,
    );
    const closed = await county.post(`/api/inspection-findings/${findingId}/close`, {
      version: again.body.version,
      note: '复查合格',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedOn: '2026-03-04',
      closeNote: '复查合格',
      canReview: false,
    });
    expect(await auditCount('inspection.finding.reply', projectA)).toBe(2);
    expect(await auditCount('inspection.finding.return', projectA)).toBe(1);
    expect(await auditCount('inspection.finding.close', projectA)).toBe(1);
  });

  it('hands the photos to the project timeline: inspection and rectification', async () => {
    const ctx = { db: t.db, clock: t.clock, actor: (await import('@tuijin/domain')).systemActor };
    const photos = await inspectionPhotosOfProject(ctx, projectA);
    expect(photos.filter((p) => p.source === 'inspection')).toHaveLength(3);
    expect(photos.filter((p) => p.source === 'rectification')).toHaveLength(2);
    expect(photos.find((p) => p.file.originalName === 'near.jpg')).toMatchObject({
      documentsOn: '2026-03-02',
      window: { earliestOn: '2026-03-01', latestOn: '2026-03-03' },
    });
    // The project's 形象进度 gathers them with the other sources, each judged in its window.
    const timeline = await owner.get(`/api/projects/${projectA}/photo-timeline`);
    expect(timeline.status).toBe(200);
    const shown = timeline.body.months.flatMap(
      (m: { photos: { source: string; evidence: { kind: string }[] }[] }) => m.photos,
    );
    expect(shown.filter((p: { source: string }) => p.source === 'inspection')).toHaveLength(3);
    expect(shown.filter((p: { source: string }) => p.source === 'rectification')).toHaveLength(2);
  });
});

describe('an unfixed finding becomes a problem', () => {
  it('raises an overdue finding once, by the job, and shows the problem number on the finding', async () => {
    t.clock.set(new Date('2026-03-04T10:00:00+08:00'));
    await relogin();
    const recorded = await county.post('/api/inspections', {
      projectId: projectA,
      inspectedOn: '2026-03-04',
      ...ref,
      results: [{ key: 'safety-2', result: 'issue' }],
      findings: [{ itemKey: 'safety-2', description: '塔吊司机无证上岗', severity: 'severe' }],
      note: null,
      siteContact: null,
    });
    const id = recorded.body.findings[0].id;
    expect(recorded.body.findings[0].deadlineOn).toBe('2026-03-05');
    const log = () => undefined;
    const jobCtx = { db: t.db, clock: t.clock, auditKey: Buffer.alloc(32, 7), log };
    await raiseOverdueFindings(jobCtx);
    const [before] = await t.db.select().from(inspectionFindings).where(eq(inspectionFindings.id, id));
    expect(before!.problemId).toBeNull();
    t.clock.set(new Date('2026-03-06T01:00:00+08:00'));
    await relogin();
    const first = await raiseOverdueFindings(jobCtx);
    expect(first.some((r) => r.findingId === id)).toBe(true);
    expect(await raiseOverdueFindings(jobCtx)).toEqual([]);
    const [row] = await t.db.select().from(inspectionFindings).where(eq(inspectionFindings.id, id));
    const [problem] = await t.db.select().from(problems).where(eq(problems.id, row!.problemId!));
    expect(problem).toMatchObject({ projectId: projectA, category: '其他' });
    const shown = await county.get(`/api/inspection-findings/${id}`);
    expect(shown.body.problem).toEqual({ id: problem!.id, referenceNumber: problem!.referenceNumber });
    expect(shown.body.canRaiseProblem).toBe(false);
    expect(shown.body.isOverdue).toBe(true);
    expect(await auditCount('inspection.finding.raiseProblem', projectA)).toBe(1);
    const twice = await county.post(`/api/inspection-findings/${id}/raise-problem`, {
      version: shown.body.version,
    });
    expect(twice.status).toBe(400);
  });

  it('raises one by hand before its deadline (the 转为问题 button)', async () => {
    const recorded = await county.post('/api/inspections', {
      projectId: projectA,
      inspectedOn: '2026-03-06',
      ...ref,
      results: [{ key: 'safety-5', result: 'issue' }],
      findings: [{ itemKey: 'safety-5', description: '配电箱无漏电保护', severity: 'minor' }],
    });
    const finding = recorded.body.findings[0];
    expect(finding.canRaiseProblem).toBe(true);
    expect(
      (await owner.post(`/api/inspection-findings/${finding.id}/raise-problem`, { version: 0 })).status,
    ).toBe(403);
    const raised = await county.post(`/api/inspection-findings/${finding.id}/raise-problem`, { version: 0 });
    expect(raised.status).toBe(200);
    expect(raised.body.problem.referenceNumber).toMatch(/^WT-350902-2026-/);
  });
});

describe('coverage and the day figures', () => {
  it('counts the sites inspected per child region and lists the sites not inspected', async () => {
    const day = await county.get('/api/inspections/coverage?period=day&on=2026-03-02');
    expect(day.status).toBe(200);
    expect(day.body.notInspected.some((s: { id: string }) => s.id === uninspected)).toBe(true);
    expect(day.body.notInspected.some((s: { id: string }) => s.id === projectA)).toBe(false);
    expect(day.body.total.inspected).toBeGreaterThanOrEqual(1);
    expect(day.body.rows).toHaveLength(1);
    expect(day.body.rows[0]).toMatchObject({ regionCode: '350902', sites: day.body.total.sites });
    const week = await county.get('/api/inspections/coverage?period=week&on=2026-03-04');
    expect(week.body).toMatchObject({ period: '2026-W10', start: '2026-03-02', end: '2026-03-08' });
    expect(week.body.total.inspections).toBeGreaterThanOrEqual(3);
  });

  it('gives the bulletin the day figures per child region and in total', async () => {
    const figures = await inspectionDayFigures(t.db, '350000.350900', '2026-03-04');
    const jiaocheng = figures.rows.find((r) => r.regionCode === '350902')!;
    expect(figures.total.inspections).toBe(figures.rows.reduce((n, r) => n + r.inspections, 0));
    expect(jiaocheng.inspections).toBeGreaterThanOrEqual(1);
    expect(jiaocheng.findingsClosed).toBeGreaterThanOrEqual(1);
    const mine = await inspectionDayFigures(t.db, '350000.350900.350902', '2026-03-04');
    expect(mine.total.findingsRaised).toBeGreaterThanOrEqual(1);
    const later = await inspectionDayFigures(t.db, '350000.350900.350902', '2026-03-06');
    expect(later.total.findingsOverdue).toBeGreaterThanOrEqual(1);
  });
});

describe('the demo week', () => {
  it('holds inspections of 蕉城 and 福安 sites, findings in every state and an overdue one raised', async () => {
    const city = await t.as('ningde');
    const week = await city.get('/api/inspections?from=2026-02-24&to=2026-03-02&pageSize=100');
    const regions = new Set(week.body.data.map((i: { regionName: string }) => i.regionName));
    expect(regions.has('蕉城区')).toBe(true);
    expect(regions.has('福安市')).toBe(true);
    const findings = week.body.data.flatMap(
      (i: { findings: { status: string; problem: unknown }[] }) => i.findings,
    );
    const statuses = new Set(findings.map((f: { status: string }) => f.status));
    for (const status of ['open', 'replied', 'closed']) expect(statuses.has(status)).toBe(true);
    expect(findings.some((f: { problem: unknown }) => f.problem !== null)).toBe(true);
  });
});
