import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthlyReports, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let workbook: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  const [project] = await t.db
    .select({ name: projects.name })
    .from(projects)
    .where(eq(projects.regionCode, '350902'))
    .orderBy(asc(projects.name))
    .limit(1);
  const book = new ExcelJS.Workbook();
  const dated = book.addWorksheet('蕉城区');
  dated.addRow(['2024年上半年重点项目进展情况']);
  dated.addRow(['项目名称', '6月完成', '1-6月完成', '形象进度']);
  dated.addRow([project!.name, 12.5, 12.5, '桩基施工']);
  const undated = book.addWorksheet('福安市');
  undated.addRow(['前三季度重点项目完成情况']);
  undated.addRow(['项目名称', '本月完成', '1-9月完成', '形象进度']);
  undated.addRow([project!.name, 3, 30, '']);
  workbook = Buffer.from(await book.xlsx.writeBuffer());
});
afterAll(async () => t.close());

function post(cookie: string | null, fields: Record<string, string>) {
  const boundary = '----tuijin-progress';
  const payload = Buffer.concat([
    ...Object.entries(fields).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="进展.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    workbook,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/ledger/reports',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(cookie ? { cookie } : {}) },
  });
}

describe('POST /api/ledger/reports', () => {
  it('answers 401 without a session, 403 for an owner and 400 for malformed sheet years', async () => {
    expect((await post(null, { dryRun: 'true' })).statusCode).toBe(401);
    expect((await post(await t.login('owner1'), { dryRun: 'true' })).statusCode).toBe(403);
    const bad = await post(await t.login('ningde'), { dryRun: 'true', sheetYears: '{"福安市": 26}' });
    expect(bad.statusCode).toBe(400);
  });

  it('previews per-sheet periods and asks the missing year, then writes with the year given', async () => {
    const cookie = await t.login('ningde');
    const preview = await post(cookie, { dryRun: 'true' });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.sheets.map((s: { status: string; month: number }) => [s.status, s.month])).toEqual([
      ['ok', 6],
      ['needsYear', 9],
    ]);
    expect(body.counts).toEqual({ created: 1, unchanged: 0, kept: 0, skipped: 0 });
    expect(await t.db.select().from(monthlyReports).where(eq(monthlyReports.year, 2024))).toEqual([]);

    const done = await post(cookie, { sheetYears: '{"福安市": 2024}' });
    expect(done.statusCode).toBe(200);
    expect(done.json().counts).toEqual({ created: 2, unchanged: 0, kept: 0, skipped: 0 });
    const written = await t.db.select().from(monthlyReports).where(eq(monthlyReports.year, 2024));
    expect(written.map((r) => [r.month, r.completedWanYuan, r.status]).sort()).toEqual([
      [6, '12.5000', 'approved'],
      [9, '3.0000', 'approved'],
    ]);
  });
});
