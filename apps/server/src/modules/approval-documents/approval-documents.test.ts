import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '../../db/schema';
import { xlsm } from '../../testing/hostile-files';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let county: Person;
let owner: Person;
let zhujian: Person;
let otherCounty: Person;
let supervisor: Person;
let projectId: string;
let permitId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A multipart/form-data body: the `label` field (when given) and the files under `files`. */
function multipart(label: string | null, files: { name: string; bytes: Buffer }[]) {
  const boundary = '----tuijin-approval-documents';
  const chunks: Buffer[] = [];
  if (label !== null)
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\n${label}\r\n`),
    );
  for (const file of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  who: Person | null,
  label: string | null,
  files: { name: string; bytes: Buffer }[],
  itemId = permitId,
) {
  const { payload, contentType } = multipart(label, files);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/approval-items/${itemId}/documents`,
    payload,
    headers: { 'content-type': contentType, ...(who ? { cookie: who.cookie } : {}) },
  });
  return { status: response.statusCode, body: response.json() };
}

const remove = (who: Person, documentId: string) =>
  t.call(who.cookie, 'DELETE', `/api/approval-items/${permitId}/documents/${documentId}`);

const events = async (action: string) =>
  (await t.db.select().from(auditEvents).where(eq(auditEvents.action, action))).length;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(beijingMorning('2026-03-02'));
  county = await t.as('jiaocheng');
  owner = await t.as('owner1');
  zhujian = await t.as('zhujian');
  otherCounty = await t.as('fuan');
  supervisor = await t.as('supervisor');
  projectId = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司'),
    sector: '住建',
    name: '蕉城区手续材料测试项目',
  });
  await t.db.update(projects).set({ stage: 'preparing' }).where(eq(projects.id, projectId));
  const generated = await county.post(`/api/projects/${projectId}/approvals/generate`, { route: 'approval' });
  expect(generated.status).toBe(200);
  permitId = generated.body.items.find((i: { code: string }) => i.code === 'shigong-xuke').id;
}, 120_000);
afterAll(async () => t.close());

describe('documents of an approval item', () => {
  it('are filed by the office as project files with their label, listed on the item and audited once', async () => {
    const filed = await upload(county, '申请表', [
      { name: '施工许可申请表.pdf', bytes: pdf },
      { name: '承诺书.pdf', bytes: pdf },
    ]);
    expect(filed.status).toBe(200);
    expect(filed.body.canAdd).toBe(true);
    expect(filed.body.data).toEqual([
      expect.objectContaining({
        label: '申请表',
        originalName: '承诺书.pdf',
        mimeType: 'application/pdf',
        canDelete: true,
      }),
      expect.objectContaining({
        label: '申请表',
        originalName: '施工许可申请表.pdf',
        createdByName: expect.any(String),
      }),
    ]);
    const files = await county.get(`/api/projects/${projectId}/files`);
    expect(files.body.data.map((f: { originalName: string }) => f.originalName).sort()).toEqual([
      '承诺书.pdf',
      '施工许可申请表.pdf',
    ]);
    expect(await events('approval.document.add')).toBe(1);
    expect(await events('projectFile.upload')).toBeGreaterThan(0);
  });

  it('are filed by the approving department and the owner too; each may remove only what its unit filed', async () => {
    const decision = await upload(zhujian, '批复文件', [{ name: '施工许可证.pdf', bytes: pdf }]);
    expect(decision.status).toBe(200);
    const supplement = await upload(owner, '补正材料', [{ name: '补正说明.pdf', bytes: pdf }]);
    expect(supplement.status).toBe(200);
    const seen = (await owner.get(`/api/approval-items/${permitId}/documents`)).body;
    const byName = (name: string) => seen.data.find((d: { originalName: string }) => d.originalName === name);
    expect(byName('补正说明.pdf').canDelete).toBe(true);
    expect(byName('施工许可证.pdf').canDelete).toBe(false);
    expect((await remove(owner, byName('施工许可证.pdf').id)).status).toBe(403);
    expect((await remove(owner, byName('补正说明.pdf').id)).status).toBe(200);
    expect((await remove(county, byName('施工许可证.pdf').id)).status).toBe(200);
    const left = (await county.get(`/api/approval-items/${permitId}/documents`)).body.data;
    expect(left.map((d: { label: string }) => d.label)).toEqual(['申请表', '申请表']);
    const files = (await county.get(`/api/projects/${projectId}/files`)).body.data;
    expect(files.some((f: { originalName: string }) => f.originalName === '施工许可证.pdf')).toBe(false);
    expect(await events('approval.document.remove')).toBe(2);
  });

  it('download as an attachment that is never sniffed', async () => {
    const [document] = (await county.get(`/api/approval-items/${permitId}/documents`)).body.data;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/approval-items/${permitId}/documents/${document.id}/content`,
      headers: { cookie: owner.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses a missing label, a macro workbook and a reader who may not move the item', async () => {
    const unlabelled = await upload(county, null, [{ name: 'a.pdf', bytes: pdf }]);
    expect(unlabelled.status).toBe(400);
    expect(unlabelled.body.error.details).toEqual([
      { path: 'label', message: '请填写材料名称（如 申请表、批复文件）' },
    ]);
    const macro = await upload(county, '申请表', [{ name: '表.xlsm', bytes: await xlsm() }]);
    expect(macro.status).toBe(400);
    expect(macro.body.error.details[0].path).toBe('表.xlsm');
    const read = await supervisor.get(`/api/approval-items/${permitId}/documents`);
    expect(read.status).toBe(200);
    expect(read.body.canAdd).toBe(false);
    expect((await upload(supervisor, '申请表', [{ name: 'a.pdf', bytes: pdf }])).status).toBe(403);
  });

  it('are NOT_FOUND to an office of another county and need a session', async () => {
    const [document] = (await county.get(`/api/approval-items/${permitId}/documents`)).body.data;
    expect((await otherCounty.get(`/api/approval-items/${permitId}/documents`)).status).toBe(404);
    expect((await upload(otherCounty, '申请表', [{ name: 'a.pdf', bytes: pdf }])).status).toBe(404);
    expect((await remove(otherCounty, document.id)).status).toBe(404);
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/approval-items/${permitId}/documents/${document.id}/content`,
      headers: { cookie: otherCounty.cookie },
    });
    expect(download.statusCode).toBe(404);
    expect((await upload(null, '申请表', [{ name: 'a.pdf', bytes: pdf }])).status).toBe(401);
  });
});
