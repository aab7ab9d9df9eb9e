import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { buildMessyLedger } from './messy-ledger.fixture';
import { parseLedger } from './parse-ledger';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function upload(
  cookie: string | null,
  name: string,
  bytes: Buffer,
  url = '/api/ledger/preview',
  region: string | null = null,
  year: string | null = null,
) {
  const boundary = '----tuijin-ledger';
  const payload = Buffer.concat([
    Buffer.from(
      region ? `--${boundary}\r\nContent-Disposition: form-data; name="region"\r\n\r\n${region}\r\n` : '',
    ),
    Buffer.from(
      year ? `--${boundary}\r\nContent-Disposition: form-data; name="year"\r\n\r\n${year}\r\n` : '',
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
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
    expect(preview.actions.map((a: { action: string }) => a.action)).toEqual(Array(5).fill('create'));
    expect(preview.counts).toMatchObject({ created: 5, updated: 0, unchanged: 0 });
    expect(preview.isBlocked).toBe(false);
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

describe('ledger import endpoint', () => {
  it('imports a messy ledger, then finds every record unchanged on the second import', async () => {
    const county = await t.as('jiaocheng');
    const before = (await county.get('/api/projects?pageSize=1')).body.totals.count;
    const ledger = await buildMessyLedger();
    const first = await upload(county.cookie, '蕉城区台账.xlsx', ledger, '/api/ledger/import');
    expect(first.statusCode).toBe(200);
    expect(first.json().counts).toMatchObject({ created: 5, updated: 0, unchanged: 0 });
    expect((await county.get('/api/projects?pageSize=1')).body.totals.count).toBe(before + 5);
    const preview = (await upload(county.cookie, '蕉城区台账.xlsx', ledger)).json();
    expect(preview.counts).toMatchObject({ created: 0, unchanged: 5 });
    const again = await upload(county.cookie, '蕉城区台账.xlsx', ledger, '/api/ledger/import');
    expect(again.json().counts).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect((await county.get('/api/projects?pageSize=1')).body.totals.count).toBe(before + 5);
    // the form's year overrides the title's 2025年; a year that is not one is a 400 on `year`
    const in2027 = await upload(
      county.cookie,
      '蕉城区台账.xlsx',
      ledger,
      '/api/ledger/preview',
      null,
      '2027',
    );
    expect(in2027.json()).toMatchObject({ planYears: [2027], counts: { plansCreated: 4 } });
    const badYear = await upload(
      county.cookie,
      '蕉城区台账.xlsx',
      ledger,
      '/api/ledger/import',
      null,
      '20x6',
    );
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.details[0].path).toBe('year');
  });

  it('refuses with 422 and the problems list when a row blocks, and 400 for a region outside the office', async () => {
    const county = await t.as('fuan');
    const ledger = await buildMessyLedger();
    const refused = await upload(county.cookie, '台账.xlsx', ledger, '/api/ledger/import');
    expect(refused.statusCode).toBe(422);
    const errors = refused.json().problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((p: { row: number }) => p.row)).toEqual([8, 9, 10, 14, 15]);
    expect(refused.json().error.details[0].message).toContain('不在本单位辖区');
    const region = await upload(county.cookie, '台账.xlsx', ledger, '/api/ledger/import', '350902');
    expect(region.statusCode).toBe(400);
    expect(region.json().error.details[0].path).toBe('region');
  });

  it('answers 401 without a session and 403 for an owner or a leader', async () => {
    const ledger = await buildMessyLedger();
    expect((await upload(null, 'a.xlsx', ledger, '/api/ledger/import')).statusCode).toBe(401);
    for (const username of ['owner1', 'leader1', 'supervisor'])
      expect(
        (await upload((await t.as(username)).cookie, 'a.xlsx', ledger, '/api/ledger/import')).statusCode,
      ).toBe(403);
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
