import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  fundAllocations,
  fundPayments,
  monthlyReports,
  projects,
  statisticsFigures,
} from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';

/**
 * 三数比对 on the db tests' clock (2 March 2026): three 蕉城 projects with approved January and
 * February reports, one with special funds paid, and the statistics bureau's February sheet.
 *
 * By hand (万元, February year-to-date):
 *   A: 自报 500 + 700 = 1200, 入统 1000 → gap 200 = 20 % of 入统 → listed (自报与入统差异超限)
 *   B: 自报 600 + 400 = 1000, 入统 950 → gap 50 → within both thresholds
 *   C: 自报 100 + 200 = 300, not in the sheet, 800 paid in February → listed twice
 *      (有自报投资但未入统; 资金支付 800 − 300 = 500 ≥ 100)
 */
let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let county: Person;
const ids: Record<'a' | 'b' | 'c' | 'fuan', string> = { a: '', b: '', c: '', fuan: '' };
const codes = { a: 'TJ-RC-A-0001', b: 'TJ-RC-B-0002', c: 'TJ-RC-C-0003', fuan: 'TJ-RC-F-0004' };

async function approvedReport(projectId: string, month: number, completed: string) {
  await t.db.insert(monthlyReports).values({
    projectId,
    year: 2026,
    month,
    completedWanYuan: completed,
    status: 'approved',
    dueOn: `2026-0${month + 1}-05`,
  });
}

async function sheet(rows: (string | number | null)[][], heading = '本年累计完成投资（万元）') {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('入统数据');
  ws.addRow(['2026年1-2月重点项目入统投资']);
  ws.addRow(['序号', '项目代码', '项目名称', heading]);
  for (const [i, row] of rows.entries()) ws.addRow([i + 1, ...row]);
  ws.addRow(['合计', '', '', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(
  who: Person,
  bytes: Buffer,
  fields: Record<string, string>,
  url = '/api/reconciliation/statistics/preview',
) {
  const boundary = '----tuijin-statistics';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="入统数据.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: who.cookie },
  });
}

const february = { year: '2026', month: '2' };
const goodSheet = () =>
  sheet([
    [codes.a, '对账测试项目A', 1000],
    [codes.b, '对账测试项目B', '950'],
  ]);

beforeAll(async () => {
  t = await createTestApp();
  county = await t.as('jiaocheng');
  const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  for (const key of ['a', 'b', 'c'] as const) {
    ids[key] = await insertTestProject(t, {
      regionCode: '350902',
      ownerOrganisationId: owner,
      name: `对账测试项目${key.toUpperCase()}`,
    });
  }
  ids.fuan = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: await organisationId(t, '福安市青拓新材料有限公司'),
    name: '对账测试项目F',
  });
  for (const key of ['a', 'b', 'c', 'fuan'] as const)
    await t.db.update(projects).set({ code: codes[key] }).where(eq(projects.id, ids[key]));
  await approvedReport(ids.a, 1, '500');
  await approvedReport(ids.a, 2, '700');
  await approvedReport(ids.b, 1, '600');
  await approvedReport(ids.b, 2, '400');
  await approvedReport(ids.c, 1, '100');
  await approvedReport(ids.c, 2, '200');
  const [allocation] = await t.db
    .insert(fundAllocations)
    .values({
      projectId: ids.c,
      kind: 'specialBond',
      year: 2026,
      amountWanYuan: '2000',
      issuedOn: '2026-01-10',
    })
    .returning({ id: fundAllocations.id });
  await t.db.insert(fundPayments).values([
    { allocationId: allocation!.id, paidOn: '2026-02-15', amountWanYuan: '800' },
    // After February's end: not in February's figures.
    { allocationId: allocation!.id, paidOn: '2026-03-01', amountWanYuan: '300' },
  ]);
}, 120_000);
afterAll(async () => t.close());

const rowOf = (body: { rows: { projectId: string }[] }, id: string) =>
  body.rows.find((r) => r.projectId === id) as
    | {
        reportedWanYuan: string;
        statisticsWanYuan: string | null;
        fundsPaidWanYuan: string;
        gapWanYuan: string | null;
        gapPercent: string | null;
        flags: string[];
      }
    | undefined;

describe('importing the statistics bureau’s sheet', () => {
  it('refuses a sheet with an unknown code or another county’s project, naming the rows, and writes nothing', async () => {
    const bytes = await sheet([
      [codes.a, '对账测试项目A', 1000],
      ['TJ-NO-SUCH-9999', '不存在的项目', 50],
      [codes.fuan, '对账测试项目F', 70],
      [codes.a, '对账测试项目A', 1000],
      [codes.b, '对账测试项目B', '九百'],
    ]);
    const preview = await upload(county, bytes, february);
    expect(preview.statusCode).toBe(200);
    const result = preview.json();
    expect(result.problems).toEqual([
      { row: 4, column: null, message: '项目代码 TJ-NO-SUCH-9999（不存在的项目） 不在项目库中' },
      { row: 5, column: null, message: `项目 ${codes.fuan}（对账测试项目F）不在蕉城区辖区内` },
      { row: 6, column: null, message: `项目代码 ${codes.a} 与第 3 行重复` },
      { row: 7, column: 'D', message: `项目代码 ${codes.b} 的累计入统投资“九百”不是金额` },
    ]);
    const refused = await upload(county, bytes, february, '/api/reconciliation/statistics');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('入统数据表有 4 个问题须先改正，未导入任何数据');
    const written = await t.db
      .select()
      .from(statisticsFigures)
      .where(inArray(statisticsFigures.projectId, [ids.a, ids.b, ids.fuan]));
    expect(written).toEqual([]);
  });

  it('refuses a month still to come and a sheet without the headings, saying what is wrong', async () => {
    const future = await upload(county, await goodSheet(), { year: '2026', month: '4' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('2026 年 4 月还没到，不能导入该月的入统数据');
    const missing = await upload(county, await goodSheet(), { year: '2026' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'month', message: '月份应为 1–12 的整数' }]);
    const noHeading = await upload(county, await sheet([[codes.a, 'A', 1]], '备注'), february);
    expect(noHeading.json().problems[0].message).toMatch(/没有找到表头/);
  });

  it('imports February, then replaces a figure on a second import, audited per project', async () => {
    const first = await upload(county, await goodSheet(), february, '/api/reconciliation/statistics');
    expect(first.statusCode).toBe(200);
    expect(first.json().counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const second = await upload(
      county,
      await sheet([
        [codes.a, '对账测试项目A', 1000],
        [codes.b, '对账测试项目B', 950],
      ]),
      february,
      '/api/reconciliation/statistics',
    );
    expect(second.json().counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const stored = await t.db.select().from(statisticsFigures).where(eq(statisticsFigures.projectId, ids.a));
    expect(stored.map((s) => [s.month, s.yearToDateWanYuan])).toEqual([[2, '1000.0000']]);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'statistics.import'));
    // Two imports of 蕉城 (the demo's city import is 宁德's); the first changed A and B, the second nothing.
    expect(audits.filter((a) => a.entityType === 'region' && a.entityId === '350902')).toHaveLength(2);
    const ours = new Set([ids.a, ids.b, ids.c]);
    expect(
      audits
        .filter((a) => a.entityType === 'project' && ours.has(a.entityId!))
        .map((a) => a.entityId)
        .sort(),
    ).toEqual([ids.a, ids.b].sort());
  });

  it('converts a sheet in 亿元 to 万元', async () => {
    const preview = await upload(
      county,
      await sheet([[codes.a, 'A', '0.1']], '1-2月累计入统投资（亿元）'),
      february,
    );
    expect(preview.json().rows[0]).toMatchObject({ yearToDateWanYuan: '1000', previousWanYuan: '1000.0000' });
  });
});

describe('三数比对', () => {
  it('lists A and C with the three figures, the gap and why, counted by hand', async () => {
    const view = (await county.get('/api/reconciliation?year=2026&month=2')).body;
    expect(view).toMatchObject({ regionCode: '350902', year: 2026, month: 2 });
    expect(view.settings).toEqual({ gapPercent: 10, gapMinWanYuan: '100' });
    expect(rowOf(view, ids.a)).toMatchObject({
      reportedWanYuan: '1200',
      statisticsWanYuan: '1000',
      fundsPaidWanYuan: '0',
      gapWanYuan: '200',
      gapPercent: '20.0',
      flags: ['reportedVsStatistics'],
    });
    expect(rowOf(view, ids.b)).toMatchObject({ gapWanYuan: '50', flags: [] });
    expect(rowOf(view, ids.c)).toMatchObject({
      reportedWanYuan: '300',
      statisticsWanYuan: null,
      fundsPaidWanYuan: '800',
      flags: ['notInStatistics', 'fundsBeyondReported'],
    });
    // Flagged first; the flagged-only listing is exactly the flagged rows.
    const flagged = (await county.get('/api/reconciliation?year=2026&month=2&flaggedOnly=true')).body;
    expect(flagged.rows.every((r: { flags: string[] }) => r.flags.length > 0)).toBe(true);
    expect(flagged.rows).toHaveLength(view.totals.flagged);
    expect(rowOf(flagged, ids.b)).toBeUndefined();
    // The county's two imports, and the city's (the demo's) whose figures cover 蕉城 too.
    expect(
      view.imports
        .map((i: { regionCode: string; rowCount: number }) => [i.regionCode, i.rowCount])
        .filter((i: [string, number]) => i[0] === '350902'),
    ).toEqual([
      ['350902', 2],
      ['350902', 2],
    ]);
    expect(view.imports.some((i: { regionCode: string }) => i.regionCode === '350900')).toBe(true);
  });

  it('follows the county’s own thresholds once saved (audited), and the city keeps the defaults', async () => {
    const before = (await county.get('/api/reconciliation/settings')).body;
    expect(before).toMatchObject({ gapPercent: 10, gapMinWanYuan: '100', fromRegionCode: null, version: 0 });
    const bad = await county.put('/api/reconciliation/settings', {
      gapPercent: 0,
      gapMinWanYuan: '100',
      version: 0,
    });
    expect(bad.status).toBe(400);
    const saved = await county.put('/api/reconciliation/settings', {
      gapPercent: 25,
      gapMinWanYuan: '100',
      version: 0,
    });
    expect(saved.body).toMatchObject({ gapPercent: 25, fromRegionCode: '350902', version: 1 });
    const view = (await county.get('/api/reconciliation?year=2026&month=2')).body;
    expect(rowOf(view, ids.a)?.flags).toEqual([]);
    const city = await t.as('ningde');
    expect((await city.get('/api/reconciliation/settings')).body).toMatchObject({ gapPercent: 10 });
    const cityView = (await city.get('/api/reconciliation?regionCode=350902&year=2026&month=2')).body;
    // Asked for 蕉城, the county's thresholds apply.
    expect(rowOf(cityView, ids.a)?.flags).toEqual([]);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'reconciliation.settings.update'));
    expect(audit?.changes).toEqual({
      gapPercent: { before: 10, after: 25 },
      gapMinWanYuan: { before: '100', after: '100' },
    });
  });

  it('keeps each county to its own projects and refuses owners', async () => {
    const fuan = await t.as('fuan');
    const theirs = (await fuan.get('/api/reconciliation?year=2026&month=2')).body;
    expect(rowOf(theirs, ids.a)).toBeUndefined();
    expect((await fuan.get('/api/reconciliation?regionCode=350902')).status).toBe(404);
    expect((await (await t.as('owner1')).get('/api/reconciliation')).status).toBe(403);
    const upload403 = await upload(await t.as('owner1'), await goodSheet(), february);
    expect(upload403.statusCode).toBe(403);
  });

  it('exports the same rows as Excel with a 合计 row', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/reconciliation/export.xlsx?year=2026&month=2',
      headers: { cookie: county.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('三数比对')!;
    const view = (await county.get('/api/reconciliation?year=2026&month=2')).body;
    expect(ws.getCell(1, 1).value).toBe('蕉城区2026年1–2月投资三数比对表');
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(1).value !== '合计') names.push(String(row.getCell(3).value));
    });
    expect(names).toEqual(view.rows.map((r: { projectName: string }) => r.projectName));
    const total = ws.getRow(3 + view.rows.length + 1);
    expect(total.getCell(5).value).toBe(view.totals.reportedWanYuan);
  });

  it('defaults to the current reporting month', async () => {
    const view = (await county.get('/api/reconciliation')).body;
    const period = (await county.get('/api/reporting-period')).body;
    expect([view.year, view.month]).toEqual([period.year, period.month]);
  });
});
