import { createHash } from 'node:crypto';
import type { Bulletin, BulletinSummary, CockpitRollup } from '@tuijin/contracts';
import { and, eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bulletins, monthlyReports, notifications, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { bulletinDocument, renderBulletinFile } from './bulletin-files';
import { bulletinAmount } from './bulletin-snapshot';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let city: Person;
let county: Person;
let otherCounty: Person;
let owner: Person;
let leader: Person;

/** The demo at the test epoch (2 March 2026) holds reports up to February; the bulletin is of February. */
const month = '2026-02';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-10T02:00:00Z'));
  city = await t.as('ningde');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  owner = await t.as('owner1');
  leader = await t.as('leader1');
}, 120_000);
afterAll(async () => t.close());

const fetchFile = (who: Person | null, id: string, format: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/bulletins/${id}/files/${format}`,
    headers: who ? { cookie: who.cookie } : {},
  });

const documentXml = async (bytes: Buffer) =>
  (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('a monthly bulletin from the data to the issued file', () => {
  let bulletin: Bulletin;

  it('generates the city’s February draft whose headline equals the cockpit’s figures for the month', async () => {
    const created = await city.post('/api/bulletins', { kind: 'monthly', period: month });
    expect(created.status).toBe(200);
    bulletin = created.body as Bulletin;
    expect(bulletin.status).toBe('draft');
    expect(bulletin.title).toBe('关于1—2月全宁德市重点项目建设进展情况的通报');
    const rollup = (await city.get('/api/cockpit/rollup?year=2026&month=2&region=350900'))
      .body as CockpitRollup;
    const figure = (key: string) => bulletin.snapshot.headline.find((f) => f.key === key)!;
    expect(figure('completedYtd').value).toBe(bulletinAmount(rollup.total.completedYtd.value));
    expect(figure('completedYtd').value).not.toBe('0.00');
    expect(figure('plannedInvestment').value).toBe(bulletinAmount(rollup.total.plannedInvestment.value));
    expect(figure('planCompletionRate').value).toBe(rollup.total.planCompletionRate.percent);
    expect(figure('startRate').value).toBe(rollup.total.startRate.percent);
    // No 2025 data in the demo: 同比 says so instead of inventing a figure.
    expect(figure('completedYtd').yearOnYear).toBeNull();
    expect(bulletin.snapshot.values.同比).toBe('去年同期无可比数据');
    // Every county of the city is ranked, best completion first, each row linking to its cockpit.
    const ranked = bulletin.snapshot.regions.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(3);
    expect(ranked.map((r) => Number(r.completionRate))).toEqual(
      [...ranked.map((r) => Number(r.completionRate))].sort((a, b) => b - a),
    );
    expect(ranked[0]!.provenance.href).toContain(`region=${ranked[0]!.code}`);
    // The lead sentence carries the same figures.
    const headline = bulletin.sections.find((s) => s.key === 'headline')!;
    expect(headline.heading).toBe('一、总体情况');
    expect(headline.lead).toContain(`完成投资${figure('completedYtd').value}万元`);
    expect(bulletin.canReview).toBe(true);
    expect(bulletin.canIssue).toBe(false);
  });

  it('refuses a period not written as one, a month not over, and a second bulletin of the same month', async () => {
    const wrong = await city.post('/api/bulletins', { kind: 'monthly', period: '2026-13' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('period');
    expect(
      (await city.post('/api/bulletins', { kind: 'weekly', period: '2026-02' })).body.error.message,
    ).toContain('2026-W45');
    const unfinished = await city.post('/api/bulletins', { kind: 'monthly', period: '2026-03' });
    expect(unfinished.status).toBe(400);
    expect(unfinished.body.error.message).toContain('尚未结束');
    expect((await city.post('/api/bulletins', { kind: 'monthly', period: month })).status).toBe(409);
  });

  it('renders the draft as Word with its headline figures and 草稿 in place of a 文号', async () => {
    const download = await fetchFile(city, bulletin.id, 'docx');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const text = await documentXml(download.rawPayload);
    expect(text).toContain(bulletin.title);
    expect(text).toContain(bulletin.snapshot.values.完成投资!);
    expect(text).toContain('草稿');
  });

  it('is reviewed, then issued with the next 文号; the kept files are the bytes downloaded', async () => {
    expect(
      (await city.post(`/api/bulletins/${bulletin.id}/issue`, { version: bulletin.version })).status,
    ).toBe(409);
    const reviewed = await city.post(`/api/bulletins/${bulletin.id}/review`, { version: bulletin.version });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('reviewed');
    const issued = await city.post(`/api/bulletins/${bulletin.id}/issue`, { version: reviewed.body.version });
    expect(issued.status).toBe(200);
    bulletin = issued.body as Bulletin;
    expect(bulletin.serial).toBe('宁重点办通报〔2026〕1号');
    expect(bulletin.issuedOn).toBe('2026-03-10');
    expect(bulletin.files.map((f) => f.format)).toEqual(['docx', 'pdf', 'xlsx']);
    for (const file of bulletin.files) {
      const download = await fetchFile(city, bulletin.id, file.format);
      expect(download.statusCode).toBe(200);
      expect(sha256(download.rawPayload)).toBe(file.sha256);
    }
    expect(await documentXml((await fetchFile(city, bulletin.id, 'docx')).rawPayload)).toContain(
      bulletin.serial,
    );
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'bulletin.issue'), eq(auditEvents.entityId, bulletin.id)));
    expect(event?.detail).toMatchObject({ serial: '宁重点办通报〔2026〕1号' });
  });

  it('keeps the issued files and their figures after a report is corrected, and re-renders them byte for byte', async () => {
    const before = (await fetchFile(city, bulletin.id, 'docx')).rawPayload;
    const beforePdf = (await fetchFile(city, bulletin.id, 'pdf')).rawPayload;
    const [report] = await t.db
      .select({ id: monthlyReports.id })
      .from(monthlyReports)
      .where(
        and(
          eq(monthlyReports.year, 2026),
          eq(monthlyReports.month, 2),
          eq(monthlyReports.status, 'approved'),
        ),
      )
      .limit(1);
    await t.db
      .update(monthlyReports)
      .set({ completedWanYuan: sql`${monthlyReports.completedWanYuan} + 1000` })
      .where(eq(monthlyReports.id, report!.id));
    const rollup = (await city.get('/api/cockpit/rollup?year=2026&month=2&region=350900'))
      .body as CockpitRollup;
    expect(bulletinAmount(rollup.total.completedYtd.value)).not.toBe(bulletin.snapshot.values.完成投资);
    expect(Buffer.compare((await fetchFile(city, bulletin.id, 'docx')).rawPayload, before)).toBe(0);
    expect(Buffer.compare((await fetchFile(city, bulletin.id, 'pdf')).rawPayload, beforePdf)).toBe(0);
    const again = (await city.get(`/api/bulletins/${bulletin.id}`)).body as Bulletin;
    expect(again.snapshot.values.完成投资).toBe(bulletin.snapshot.values.完成投资);
    expect(
      (await city.post(`/api/bulletins/${bulletin.id}/refresh`, { version: again.version })).status,
    ).toBe(409);
    const [row] = await t.db.select().from(bulletins).where(eq(bulletins.id, bulletin.id));
    expect(Buffer.compare(await renderBulletinFile(bulletinDocument(row!), 'docx'), before)).toBe(0);
    expect(Buffer.compare(await renderBulletinFile(bulletinDocument(row!), 'pdf'), beforePdf)).toBe(0);
  });

  it('reaches the counties below, who read it in the app (收文), and no one else', async () => {
    const [jiaochengUser] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'jiaocheng'));
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, jiaochengUser!.id), eq(notifications.kind, 'bulletin.issued')));
    expect(told).toHaveLength(1);
    const listed = (await county.get('/api/bulletins')).body.data as BulletinSummary[];
    const received = listed.find((b) => b.id === bulletin.id)!;
    expect(received.isReceived).toBe(true);
    expect(received.readAt).toBeNull();
    const opened = await county.get(`/api/bulletins/${bulletin.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.canEdit).toBe(false);
    expect(opened.body.readAt).not.toBeNull();
    const seen = (await city.get(`/api/bulletins/${bulletin.id}`)).body as Bulletin;
    expect(seen.receipts.map((r) => r.organisationName)).toEqual(['蕉城区重点项目建设办公室']);
    expect((await fetchFile(county, bulletin.id, 'pdf')).statusCode).toBe(200);
    expect((await owner.get('/api/bulletins')).status).toBe(403);
    expect((await fetchFile(null, bulletin.id, 'pdf')).statusCode).toBe(401);
  });

  it('publishes chosen sections to the public screen, only once issued', async () => {
    const current = (await city.get(`/api/bulletins/${bulletin.id}`)).body as Bulletin;
    const published = await city.post(`/api/bulletins/${bulletin.id}/publication`, {
      version: current.version,
      publicSections: ['headline', 'regions'],
    });
    expect(published.status).toBe(200);
    expect(published.body.publicSections).toEqual(['headline', 'regions']);
    expect(
      (
        await county.post(`/api/bulletins/${bulletin.id}/publication`, {
          version: published.body.version,
          publicSections: null,
        })
      ).status,
    ).toBe(403);
  });
});

describe('a county’s own bulletins and templates', () => {
  it('keeps a county draft from the city and from the other counties; issued ones go up', async () => {
    const draft = await county.post('/api/bulletins', { kind: 'daily', period: '2026-03-09' });
    expect(draft.status).toBe(200);
    expect(draft.body.title).toBe('蕉城区重点项目建设一日一通报（3月9日）');
    // 一日一通报 opens with the site's day (roster, inspections, stopped projects), then the activity.
    expect(draft.body.sections.map((s: { key: string }) => s.key).slice(0, 3)).toEqual([
      'siteDay',
      'stoppedProjects',
      'activity',
    ]);
    expect((await city.get(`/api/bulletins/${draft.body.id}`)).status).toBe(404);
    expect((await otherCounty.get(`/api/bulletins/${draft.body.id}`)).status).toBe(404);
    expect(
      (await otherCounty.post(`/api/bulletins/${draft.body.id}/review`, { version: draft.body.version }))
        .status,
    ).toBe(404);
    expect((await t.call(county.cookie, 'DELETE', `/api/bulletins/${draft.body.id}`)).status).toBe(200);
    expect((await county.get(`/api/bulletins/${draft.body.id}`)).status).toBe(404);
  });

  it('refuses a template naming a placeholder no figure answers, on its field, and uses a saved one', async () => {
    const view = (await county.get('/api/bulletin-templates/weekly')).body;
    expect(view.isDefault).toBe(true);
    expect(view.template.numberPrefix).toBe('蕉重点办通报');
    const sections = view.template.sections.map((s: { lead: string }, i: number) =>
      i === 0 ? { ...s, lead: '本周完成{完成额}万元' } : s,
    );
    const refused = await county.put('/api/bulletin-templates/weekly', {
      template: { ...view.template, sections },
      version: null,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({
      path: 'template.sections.0.lead',
      message: '不认识的占位符：{完成额}',
    });
    const saved = await county.put('/api/bulletin-templates/weekly', {
      template: { ...view.template, title: '蕉城区项目攻坚周报（{期间}）', signoffRole: 'leader' },
      version: null,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const weekly = await county.post('/api/bulletins', { kind: 'weekly', period: '2026-W10' });
    expect(weekly.status).toBe(200);
    expect(weekly.body.title).toBe('蕉城区项目攻坚周报（第10周（3月2日—3月8日））');
    // Signed off by a leader: the office may not review it.
    const refusedReview = await county.post(`/api/bulletins/${weekly.body.id}/review`, {
      version: weekly.body.version,
    });
    expect(refusedReview.status).toBe(403);
    expect(refusedReview.body.error.message).toContain('分管领导');
    const signed = await leader.post(`/api/bulletins/${weekly.body.id}/review`, {
      version: weekly.body.version,
    });
    expect(signed.status).toBe(404);
  });
});
