import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, problemAttachments } from '../../db/schema';
import { xlsm } from '../../testing/hostile-files';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let owner: Person;
let zhujian: Person;
let county: Person;
let otherCounty: Person;
let supervisor: Person;
let problemId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const html = Buffer.from('<html><script>alert(1)</script></html>');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(beijingMorning('2026-03-02'));
  owner = await t.as('owner1');
  zhujian = await t.as('zhujian');
  county = await t.as('jiaocheng');
  otherCounty = await t.as('fuan');
  supervisor = await t.as('supervisor');
  const housing = await organisationId(t, '宁德市住房和城乡建设局');
  const project = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    sector: '住建',
  });
  const raised = await county.post('/api/problems', {
    projectId: project,
    category: '用地',
    description: '附件测试：用地报批材料',
    channel: 'meeting',
  });
  expect(raised.status).toBe(200);
  problemId = raised.body.id;
  const routed = await county.post(`/api/problems/${problemId}/route`, {
    version: raised.body.version,
    handlerOrganisationId: housing,
  });
  expect(routed.status).toBe(200);
}, 120_000);
afterAll(async () => t.close());

/** A multipart/form-data body with the given files under the field `files`. */
function multipart(files: { name: string; bytes: Buffer }[]) {
  const boundary = '----tuijin-problem-attachments';
  const chunks: Buffer[] = [];
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), 'content-type': `multipart/form-data; boundary=${boundary}` };
}

async function upload(cookie: string | null, files: { name: string; bytes: Buffer }[], id = problemId) {
  const body = multipart(files);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/problems/${id}/attachments`,
    payload: body.payload,
    headers: { 'content-type': body['content-type'], ...(cookie ? { cookie } : {}) },
  });
  return { status: response.statusCode, body: response.json() };
}

const live = async () =>
  (await t.db.select().from(problemAttachments).where(eq(problemAttachments.problemId, problemId))).filter(
    (row) => row.deletedAt === null,
  );

describe('problem attachments', () => {
  it('lets the handler attach evidence, lists it to those who see the problem and downloads it as an attachment', async () => {
    const uploaded = await upload(zhujian.cookie, [{ name: '审查意见.pdf', bytes: pdf }]);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.data).toMatchObject([
      { originalName: '审查意见.pdf', kind: 'document', mimeType: 'application/pdf', canDelete: true },
    ]);
    const ownerList = (await owner.get(`/api/problems/${problemId}/attachments`)).body;
    expect(ownerList.data.map((a: { originalName: string }) => a.originalName)).toEqual(['审查意见.pdf']);
    expect(ownerList.data[0].canDelete).toBe(false);
    expect((await supervisor.get(`/api/problems/${problemId}/attachments`)).body.canUpload).toBe(false);
    const id = uploaded.body.data[0].id;
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/problems/${problemId}/attachments/${id}/content`,
      headers: { cookie: owner.cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'problemAttachment.upload'));
    expect(audit?.detail).toMatchObject({ problemId });
  });

  it('answers 401, 403 and 404 by who asks, and stores nothing of an upload with a refused file', async () => {
    expect((await upload(null, [{ name: 'a.pdf', bytes: pdf }])).status).toBe(401);
    expect((await upload(supervisor.cookie, [{ name: 'a.pdf', bytes: pdf }])).status).toBe(403);
    expect((await upload(otherCounty.cookie, [{ name: 'a.pdf', bytes: pdf }])).status).toBe(404);
    expect((await otherCounty.get(`/api/problems/${problemId}/attachments`)).status).toBe(404);
    const before = (await live()).length;
    const refused = await upload(county.cookie, [
      { name: 'ok.pdf', bytes: pdf },
      { name: 'page.pdf', bytes: html },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('page.pdf');
    expect((await live()).length).toBe(before);
    expect((await upload(county.cookie, [])).status).toBe(400);
  });

  it('refuses an .xlsm attachment with a message naming the file, and stores nothing', async () => {
    const before = (await live()).length;
    const refused = await upload(owner.cookie, [
      { name: '审批表.pdf', bytes: pdf },
      { name: '用地测算.xlsm', bytes: await xlsm() },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.message).toMatch(/^用地测算\.xlsm：文件包含宏/);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ path: '用地测算.xlsm', issue: 'file.macro' }),
    ]);
    expect((await live()).length).toBe(before);
  });

  it('is deleted by its uploader or the office, not by others', async () => {
    const mine = (await upload(owner.cookie, [{ name: '红线图.pdf', bytes: pdf }])).body.data[0];
    const theirs = (await live()).find((row) => row.originalName === '审查意见.pdf')!;
    const del = (who: Person, id: string) =>
      t.call(who.cookie, 'DELETE', `/api/problems/${problemId}/attachments/${id}`);
    expect((await del(owner, theirs.id)).status).toBe(403);
    expect((await del(otherCounty, mine.id)).status).toBe(404);
    expect((await del(owner, mine.id)).status).toBe(200);
    expect((await del(county, theirs.id)).status).toBe(200);
    expect(await live()).toEqual([]);
    expect((await del(county, theirs.id)).status).toBe(404);
    const deletions = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'problemAttachment.delete'));
    expect(deletions).toHaveLength(2);
  });
});
