import { and, eq, ne } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, auditEvents, organisations, projects } from '../../db/schema';
import { clearPlansAndReports } from '../../testing/clear-plans-and-reports';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['as']>>;
/** A 蕉城 project of owner1, placed at 宁德 (26.6657 N, 119.5479 E). */
let project: { id: string };
const site = { lat: 26.6657, lng: 119.5479 };

/** EXIF GPS degrees as deg/1 min/1 sec·100/100 (what cameras write). */
function gps(degrees: number): string {
  const d = Math.floor(degrees);
  const minutes = (degrees - d) * 60;
  const m = Math.floor(minutes);
  const s = Math.round((minutes - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/** A JPEG carrying an EXIF capture time (camera wall clock, China) and GPS place. */
function photo(takenAt: string, lat: number, lng: number) {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#557799' } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: takenAt },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: gps(lat), GPSLongitudeRef: 'E', GPSLongitude: gps(lng) },
    })
    .toBuffer();
}

async function uploadPhotos(owner: Who, reportId: string, files: { name: string; bytes: Buffer }[]) {
  const boundary = '----photo-evidence';
  const chunks: Buffer[] = [];
  for (const file of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url: `/api/monthly-reports/${reportId}/photos`,
    payload: Buffer.concat(chunks),
    headers: { cookie: owner.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

type Photo = { originalName: string; evidence: { kind: string }[] };
const evidenceByName = (photos: Photo[]) =>
  Object.fromEntries(photos.map((p) => [p.originalName, p.evidence]));

beforeAll(async () => {
  t = await createTestApp();
  await clearPlansAndReports(t.db);
  t.clock.set(new Date('2026-03-20T10:00:00+08:00'));
  const [org] = await t.db
    .select()
    .from(organisations)
    .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
  const [first] = await t.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.ownerOrganisationId, org!.id), ne(projects.stage, 'dropped')))
    .orderBy(projects.name)
    .limit(1);
  project = first!;
  await t.db
    .update(projects)
    .set({ latitude: site.lat, longitude: site.lng })
    .where(eq(projects.id, project.id));
  await t.db.insert(annualPlans).values({
    projectId: project.id,
    year: 2026,
    plannedInvestmentWanYuan: '12000',
    priorCompletedWanYuan: '0',
  });
});
afterAll(async () => t.close());

describe('photo evidence on a monthly report', () => {
  let reportId: string;

  it('flags a photo 500 km away and one two years old to the reviewer, not the one on site', async () => {
    const owner = await t.as('owner1');
    const saved = await owner.put(`/api/projects/${project.id}/reports/2026/3`, {
      completedWanYuan: '800',
      progress: '桩基施工',
      actualStartOn: '2026-01-10',
      version: null,
    });
    expect(saved.status).toBe(200);
    reportId = saved.body.id;
    const uploaded = await uploadPhotos(owner, reportId, [
      // On site (about 0.5 km from the project's point), 10 March.
      { name: '现场.jpg', bytes: await photo('2026:03:10 09:00:00', 26.67, 119.552) },
      // 4.4966° north along the meridian: 500 km (111.195 km a degree).
      { name: '外地.jpg', bytes: await photo('2026:03:10 09:00:00', site.lat + 4.4966, site.lng) },
      // On site, but March 2024: before 1 February 2026, the earliest a March report accepts.
      { name: '旧照.jpg', bytes: await photo('2024:03:10 09:00:00', site.lat, site.lng) },
    ]);
    expect(uploaded.statusCode).toBe(200);

    // Warnings never block: the owner submits with all three.
    const draft = (await owner.get(`/api/monthly-reports/${reportId}`)).body;
    expect(evidenceByName(draft.photos)['外地.jpg']).toHaveLength(1);
    const submitted = await owner.post(`/api/monthly-reports/${reportId}/submit`, { version: draft.version });
    expect(submitted.status).toBe(200);

    const reviewer = await t.as('jiaocheng');
    const report = await reviewer.get(`/api/monthly-reports/${reportId}`);
    expect(report.status).toBe(200);
    expect(report.body.abilities.canReview).toBe(true);
    const evidence = evidenceByName(report.body.photos);
    expect(evidence['现场.jpg']).toEqual([]);
    expect(evidence['外地.jpg']).toEqual([{ kind: 'tooFar', distanceKm: 500, maxDistanceKm: 5 }]);
    expect(evidence['旧照.jpg']).toEqual([
      { kind: 'tooOld', takenOn: '2024-03-10', earliestOn: '2026-02-01' },
    ]);
    // The project's year of reports carries the same findings.
    const year = (await reviewer.get(`/api/projects/${project.id}/reports?year=2026`)).body;
    const march = year.months.find((m: { month: number }) => m.month === 3).report;
    expect(evidenceByName(march.photos)['外地.jpg']).toEqual(evidence['外地.jpg']);
  });

  it('applies the county threshold the office sets, audited, and keeps it to its jurisdiction', async () => {
    const county = await t.as('jiaocheng');
    expect((await county.get('/api/photo-evidence/settings')).body).toMatchObject({
      maxDistanceKm: 5,
      fromRegionCode: null,
      version: 0,
    });
    const bad = await county.put('/api/photo-evidence/settings', { maxDistanceKm: 0, version: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('maxDistanceKm');
    const saved = await county.put('/api/photo-evidence/settings', { maxDistanceKm: 600, version: 0 });
    expect(saved.body).toMatchObject({ maxDistanceKm: 600, fromRegionCode: '350902', version: 1 });
    const stale = await county.put('/api/photo-evidence/settings', { maxDistanceKm: 700, version: 0 });
    expect(stale.status).toBe(409);

    // 500 km is now within the county's 600 km; the old photo still is too old.
    const report = (await county.get(`/api/monthly-reports/${reportId}`)).body;
    const evidence = evidenceByName(report.photos);
    expect(evidence['外地.jpg']).toEqual([]);
    expect(evidence['旧照.jpg']).toHaveLength(1);

    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'photoEvidence.settings.update'));
    expect(audit?.entityId).toBe('350902');
    expect(audit?.changes).toEqual({ maxDistanceKm: { before: 5, after: 600 } });

    // The city still sees its default; a county cannot set the city's; another county cannot see 蕉城's.
    const city = await t.as('ningde');
    expect((await city.get('/api/photo-evidence/settings')).body).toMatchObject({ maxDistanceKm: 5 });
    expect((await city.get('/api/photo-evidence/settings?regionCode=350902')).body).toMatchObject({
      maxDistanceKm: 600,
      fromRegionCode: '350902',
    });
    expect(
      (
        await county.put('/api/photo-evidence/settings', {
          regionCode: '350900',
          maxDistanceKm: 1,
          version: 0,
        })
      ).status,
    ).toBe(404);
    const fuan = await t.as('fuan');
    expect((await fuan.get('/api/photo-evidence/settings?regionCode=350902')).status).toBe(404);
    const owner = await t.as('owner1');
    expect((await owner.put('/api/photo-evidence/settings', { maxDistanceKm: 50, version: 1 })).status).toBe(
      403,
    );
  });
});
