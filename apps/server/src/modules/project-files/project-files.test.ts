import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanDocx,
  cleanOle,
  cleanZip,
  docm,
  docxWithEmbeddedProgram,
  oleWithMacros,
  oleWithProgram,
  pdfZipPolyglot,
  underDeclaredBomb,
  xlsm,
  zipBomb,
  zipWithProgram,
} from '../../testing/hostile-files';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let photo: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: '2026:02:27 10:30:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '26/1 39/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '119/1 32/1 1200/100',
      },
    })
    .toBuffer();
});
afterAll(async () => t.close());

type Part = { name: string; bytes: Buffer; type?: string };

/** A multipart/form-data body with the given files under the field `files`. */
function multipart(files: Part[]) {
  const boundary = '----tuijin-test-boundary';
  const chunks: Buffer[] = [];
  for (const file of files) {
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
    chunks.push(Buffer.from(head), file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(cookie: string, projectId: string, files: Part[]) {
  const body = multipart(files);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/files`,
    payload: body.payload,
    headers: { ...body.headers, cookie },
  });
  return { status: response.statusCode, body: response.json() };
}

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('project files', () => {
  it('stores a photo with a thumbnail and the time and place it was taken', async () => {
    const owner = await t.as('owner1');
    const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const uploaded = await upload(owner.cookie, project.id, [
      { name: '现场照片.jpg', bytes: photo, type: 'image/jpeg' },
      { name: '施工许可证.pdf', bytes: pdf, type: 'application/pdf' },
    ]);
    expect(uploaded.status).toBe(200);
    const [shot, document] = uploaded.body.data;
    expect(shot).toMatchObject({
      kind: 'photo',
      originalName: '现场照片.jpg',
      hasThumbnail: true,
      canDelete: true,
    });
    // 10:30 on the camera in China is 02:30 UTC.
    expect(shot.takenAt).toBe('2026-02-27T02:30:00.000Z');
    expect(shot.latitude).toBeCloseTo(26.658333, 5);
    expect(shot.longitude).toBeCloseTo(119.536667, 5);
    expect(document).toMatchObject({ kind: 'document', mimeType: 'application/pdf', hasThumbnail: false });

    const thumbnail = await get(owner.cookie, `/api/projects/${project.id}/files/${shot.id}/thumbnail`);
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/jpeg');
    const size = await sharp(thumbnail.rawPayload).metadata();
    expect(Math.max(size.width ?? 0, size.height ?? 0)).toBe(320);

    const download = await get(owner.cookie, `/api/projects/${project.id}/files/${document.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses an executable renamed .jpg, and stores nothing from that upload', async () => {
    const owner = await t.as('owner1');
    const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    const before = (await owner.get(`/api/projects/${project.id}/files`)).body.data.length;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const refused = await upload(owner.cookie, project.id, [
      { name: 'photo-ok.jpg', bytes: photo, type: 'image/jpeg' },
      { name: 'evil.jpg', bytes: exe, type: 'image/jpeg' },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({
        path: 'evil.jpg',
        message: expect.stringContaining('不支持的文件类型'),
        issue: 'file.unknownType',
      }),
    ]);
    expect((await owner.get(`/api/projects/${project.id}/files`)).body.data.length).toBe(before);
    const html = await upload(owner.cookie, project.id, [
      { name: 'x.jpg', bytes: Buffer.from('<html><script>1</script></html>') },
    ]);
    expect(html.status).toBe(400);
  });

  it('refuses macro files, programs inside documents or archives, zip bombs and OLE files with programs, naming each file and why', async () => {
    const owner = await t.as('owner1');
    const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    const before = (await owner.get(`/api/projects/${project.id}/files`)).body.data.length;
    const refused = await upload(owner.cookie, project.id, [
      { name: '台账.docx', bytes: await cleanDocx() },
      { name: '进度表.xlsm', bytes: await xlsm() },
      { name: '汇报.docx', bytes: await docm() },
      { name: '说明.docx', bytes: await docxWithEmbeddedProgram() },
      { name: '资料.zip', bytes: await zipWithProgram() },
      { name: '图纸.docx', bytes: await zipBomb() },
      { name: '旧版.doc', bytes: oleWithProgram() },
      { name: '旧表.xls', bytes: oleWithMacros() },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string; issue: string }) => [d.path, d.issue])).toEqual(
      [
        ['进度表.xlsm', 'file.macro'],
        ['汇报.docx', 'file.macro'],
        ['说明.docx', 'file.executable'],
        ['资料.zip', 'file.executable'],
        ['图纸.docx', 'file.archiveBomb'],
        ['旧版.doc', 'file.executable'],
        ['旧表.xls', 'file.macro'],
      ],
    );
    expect(refused.body.error.message).toBe(
      '进度表.xlsm：文件包含宏（如 .xlsm、.docm、.pptm），出于安全原因不予接收，请另存为不含宏的格式后上传',
    );
    expect((await owner.get(`/api/projects/${project.id}/files`)).body.data.length).toBe(before);
    const clean = await upload(owner.cookie, project.id, [
      { name: '台账.docx', bytes: await cleanDocx() },
      { name: '旧版.doc', bytes: cleanOle() },
    ]);
    expect(clean.status).toBe(200);
  });

  it('takes a clean zip as an attachment and refuses an under-declared zip bomb, an archive with an .exe and a PDF that is also a zip, naming each file and why', async () => {
    const owner = await t.as('owner1');
    const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    const before = (await owner.get(`/api/projects/${project.id}/files`)).body.data.length;
    const refused = await upload(owner.cookie, project.id, [
      { name: '现场资料.zip', bytes: await cleanZip() },
      { name: '月报附件.zip', bytes: await underDeclaredBomb() },
      { name: '安装包.zip', bytes: await zipWithProgram() },
      { name: '批复.pdf', bytes: await pdfZipPolyglot() },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ path: '月报附件.zip', issue: 'file.sizeMismatch' }),
      expect.objectContaining({ path: '安装包.zip', issue: 'file.executable' }),
      expect.objectContaining({ path: '批复.pdf', issue: 'file.polyglot' }),
    ]);
    expect(refused.body.error.message).toBe(
      '月报附件.zip：压缩包内文件声明的大小与实际解压大小不符（疑似压缩炸弹或被篡改），不予接收',
    );
    expect(refused.body.error.details[1].message).toBe('文件内嵌可执行程序或程序包，出于安全原因不予接收');
    expect((await owner.get(`/api/projects/${project.id}/files`)).body.data.length).toBe(before);

    // The clean archive is kept, under a name stripped of its bidi override, and downloads as an attachment.
    const kept = await upload(owner.cookie, project.id, [
      { name: '现场资料\u202egpj.zip', bytes: await cleanZip() },
    ]);
    expect(kept.status).toBe(200);
    expect(kept.body.data[0]).toMatchObject({ originalName: '现场资料gpj.zip', mimeType: 'application/zip' });
    const download = await get(
      owner.cookie,
      `/api/projects/${project.id}/files/${kept.body.data[0].id}/content`,
    );
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('keeps files of other counties out of reach and soft-deletes with an audit record', async () => {
    const owner = await t.as('owner1');
    const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    const [file] = (await owner.get(`/api/projects/${project.id}/files`)).body.data;
    const fuan = await t.as('fuan');
    expect((await fuan.get(`/api/projects/${project.id}/files`)).status).toBe(404);
    expect((await get(fuan.cookie, `/api/projects/${project.id}/files/${file.id}/content`)).statusCode).toBe(
      404,
    );
    const deleted = await t.call(owner.cookie, 'DELETE', `/api/projects/${project.id}/files/${file.id}`);
    expect(deleted.status).toBe(200);
    const remaining = (await owner.get(`/api/projects/${project.id}/files`)).body.data.map(
      (f: { id: string }) => f.id,
    );
    expect(remaining).not.toContain(file.id);
    const history = (await (await t.as('jiaocheng')).get(`/api/projects/${project.id}/history`)).body.data;
    const actions = history.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['projectFile.upload', 'projectFile.delete']));
  });

  it('answers 401 without a session and 400 for a body that is not multipart', async () => {
    const owner = await t.as('owner1');
    const project = (await owner.get('/api/projects?pageSize=1')).body.data[0];
    const body = multipart([{ name: 'a.jpg', bytes: photo }]);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/files`,
      ...body,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await owner.post(`/api/projects/${project.id}/files`, { not: 'multipart' })).status).toBe(400);
  });
});
