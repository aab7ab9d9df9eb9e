import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { buildMessyLedger } from './messy-ledger.fixture';
import { parseLedger } from './parse-ledger';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function upload(cookie: string | null, name: string, bytes: Buffer) {
  const boundary = '----tuijin-ledger';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/ledger/preview',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(cookie ? { cookie } : {}) },
  });
}

describe('ledger preview endpoint', () => {
  it('previews a messy ledger for an office and writes nothing', async () => {
    const county = await t.as('jiaocheng');
    const before = (await county.get('/api/projects?pageSize=1')).body.totals.count;
    const response = await upload(county.cookie, '蕉城区台账.xlsx', await buildMessyLedger());
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.totals.records).toBe(5);
    expect(preview.records[0]).toMatchObject({
      row: 8,
      name: '时代新能源锂电池扩产项目',
      level: 'provincial',
    });
    expect((await county.get('/api/projects?pageSize=1')).body.totals.count).toBe(before);
  });

  it('answers 401 without a session, 403 for an owner and 400 for a file that is not a ledger', async () => {
    const ledger = await buildMessyLedger();
    expect((await upload(null, 'a.xlsx', ledger)).statusCode).toBe(401);
    expect((await upload((await t.as('owner1')).cookie, 'a.xlsx', ledger)).statusCode).toBe(403);
    const refused = await upload((await t.as('jiaocheng')).cookie, 'a.xlsx', Buffer.from('not a workbook'));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toEqual({ path: 'file', message: '不是 Excel .xlsx 文件' });
  });
});

describe('import template', () => {
  it('is generated from the column vocabulary and reads back cleanly', async () => {
    const county = await t.as('jiaocheng');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/ledger/template.xlsx',
      headers: { cookie: county.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const parsed = await parseLedger(response.rawPayload);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]).toMatchObject({
      name: '示例新材料产业园项目',
      level: 'provincial',
      category: '产业项目',
      totalInvestmentWanYuan: '120000',
      annualPlanWanYuan: '30000',
      annualTarget: '主体工程封顶',
      completedToDateWanYuan: '8000',
      startYear: 2025,
      startMonth: 7,
      endYear: 2027,
    });
  });
});
