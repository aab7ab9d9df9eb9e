import { and, eq, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, fundAllocations, fundPayments, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { insertTestProject, organisationId } from '../problems/problem-test-kit';

/**
 * 资金台账导入 on the db tests' clock (2 March 2026). Two 蕉城 projects and one of 福安; B already has
 * a 中央预算内 2026 allocation of 1000 万元 with 600 paid.
 *
 * The good sheet, by hand (columns: A 序号, B 项目代码, C 项目名称, D 资金类型, E 年度, F 批次,
 * G 下达金额, H 下达日期, I 下达文号, J 支付金额, K 支付日期, L 凭证/说明):
 *   row 3: A 专项债券 2026 第一批, allocated 3000 on 2026-01-20           → allocation created
 *   row 4: A 专项债 2026 第一批, paid 1200 on 2026-02-10 (进度款)          → payment created
 *   row 5: A 专项债券 2026 第一批, paid 800.5 on 2026-03-01                → payment created (A: 2000.5 of 3000)
 *   row 6: B 中央预算内 2026, paid 400 on 2026-02-20 (尾款)                → payment created (B: 1000 of 1000)
 */
let t: TestApp;
type Person = Awaited<ReturnType<TestApp['as']>>;
let county: Person;
const ids = { a: '', b: '', fuan: '' };
const codes = { a: 'TJ-FI-A-0001', b: 'TJ-FI-B-0002', fuan: 'TJ-FI-F-0003' };
let allocationB = '';

type Cell = string | number | Date | null;

/** A sheet as offices send it: a title, the heading row, the rows (序号 first), a 合计 row. */
async function sheet(rows: Cell[][]) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('资金台账');
  ws.addRow(['2026年专项债券、中央预算内投资资金台账']);
  ws.addRow([
    '序号',
    '项目代码',
    '项目名称',
    '资金类型',
    '年度',
    '批次',
    '下达金额（万元）',
    '下达日期',
    '下达文号',
    '支付金额（万元）',
    '支付日期',
    '凭证/说明',
  ]);
  for (const [i, row] of rows.entries()) ws.addRow([i + 1, ...row]);
  ws.addRow(['合计']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(who: Person, bytes: Buffer, url = '/api/funds/import/preview') {
  const boundary = '----tuijin-funds';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="资金台账.xlsx"\r\n` +
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

const goodSheet = () =>
  sheet([
    [
      codes.a,
      '导入测试项目A',
      '专项债券',
      2026,
      '第一批',
      3000,
      new Date(Date.UTC(2026, 0, 20)),
      '闽财债〔2026〕5号',
      null,
      null,
      null,
    ],
    [codes.a, '导入测试项目A', '专项债', '2026', '第一批', null, null, null, '1200', '2026-02-10', '进度款'],
    [codes.a, '导入测试项目A', '专项债券', 2026, '第一批', null, null, null, '800.5', '2026/3/1', null],
    [codes.b, '导入测试项目B', '中央预算内', 2026, null, null, null, null, 400, '2026年2月20日', '尾款'],
    // Row 7: numbered in advance and left blank — no record, no problem.
    [],
  ]);

beforeAll(async () => {
  t = await createTestApp();
  county = await t.as('jiaocheng');
  const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  ids.a = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: owner,
    name: '导入测试项目A',
  });
  ids.b = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: owner,
    name: '导入测试项目B',
  });
  ids.fuan = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: await organisationId(t, '福安市青拓新材料有限公司'),
    name: '导入测试项目F',
  });
  for (const key of ['a', 'b', 'fuan'] as const)
    await t.db.update(projects).set({ code: codes[key] }).where(eq(projects.id, ids[key]));
  const [allocation] = await t.db
    .insert(fundAllocations)
    .values({
      projectId: ids.b,
      kind: 'centralBudget',
      year: 2026,
      amountWanYuan: '1000',
      issuedOn: '2026-01-05',
    })
    .returning({ id: fundAllocations.id });
  allocationB = allocation!.id;
  await t.db
    .insert(fundPayments)
    .values({ allocationId: allocationB, paidOn: '2026-02-01', amountWanYuan: '600' });
}, 120_000);
afterAll(async () => t.close());

const allocationsOf = (projectId: string) =>
  t.db
    .select()
    .from(fundAllocations)
    .where(and(eq(fundAllocations.projectId, projectId), isNull(fundAllocations.deletedAt)));
const paymentsOf = (allocationIds: string[]) =>
  t.db
    .select()
    .from(fundPayments)
    .where(and(inArray(fundPayments.allocationId, allocationIds), isNull(fundPayments.deletedAt)));
const auditsOf = (action: string, projectId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, projectId)));

describe('importing a 资金台账', () => {
  it('refuses a sheet with bad rows, naming each row and column, and writes nothing', async () => {
    const bytes = await sheet([
      ['TJ-NO-SUCH-9999', '不存在的项目', '专项债券', 2026, null, 100, '2026-01-05', null, null, null, null],
      [codes.fuan, '福安的项目', '专项债券', 2026, null, 100, '2026-01-05', null, null, null, null],
      [codes.b, '导入测试项目B', '中央预算内投资', 2026, null, null, null, null, 500, '2026-02-25', null],
      [codes.a, '导入测试项目A', '专项债券', 2026, null, '三千', '2026-01-05', null, null, null, null],
      [codes.a, '导入测试项目A', '中央预算内', 2026, null, 100, '2026-03-03', null, null, null, null],
      [codes.a, '导入测试项目A', '一般债', 2026, null, 100, '2026-01-05', null, null, null, null],
      [codes.a, '导入测试项目A', '专项债券', 2026, null, 100, '2026-01-05', null, 50, '2026-01-06', null],
    ]);
    const preview = await upload(county, bytes);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().problems).toEqual([
      { row: 3, column: 'B', message: '项目代码 TJ-NO-SUCH-9999 不在项目库中，或不在您的辖区内' },
      { row: 4, column: 'B', message: `项目代码 ${codes.fuan} 不在项目库中，或不在您的辖区内` },
      {
        row: 5,
        column: 'J',
        message: '支付后累计 1100 万元，超过下达金额 1000 万元（已支付 600 万元，尚可支付 400 万元）',
      },
      { row: 6, column: 'G', message: '下达金额“三千”不是以万元计的金额（最多 4 位小数）' },
      { row: 7, column: 'H', message: '下达日期 2026-03-03 晚于今天' },
      {
        row: 8,
        column: 'D',
        message: '资金类型“一般债”无法识别：应为专项债券、中央预算内投资或超长期特别国债',
      },
      {
        row: 9,
        column: null,
        message: '一行只能登记一笔下达或一笔支付：下达金额和支付金额不能同时填写，请分两行',
      },
    ]);
    // The preview ran nothing for good: no allocation, no payment, no audit.
    expect(await allocationsOf(ids.a)).toEqual([]);
    expect(await paymentsOf([allocationB])).toHaveLength(1);
    const refused = await upload(county, bytes, '/api/funds/import');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('资金台账有 7 个问题须先改正，未导入任何资金记录');
    expect(refused.json().problems).toHaveLength(7);
    expect(await allocationsOf(ids.a)).toEqual([]);
    expect(await paymentsOf([allocationB])).toHaveLength(1);
    expect(await auditsOf('fund.allocation.create', ids.a)).toEqual([]);
  });

  it('keeps a county to its own projects: 福安 cannot import 蕉城’s rows, an owner cannot import', async () => {
    const fuan = await t.as('fuan');
    const preview = (await upload(fuan, await goodSheet())).json();
    expect(preview.rows).toEqual([]);
    expect(preview.problems.map((p: { row: number; message: string }) => [p.row, p.message])).toEqual([
      [3, `项目代码 ${codes.a} 不在项目库中，或不在您的辖区内`],
      [4, `项目代码 ${codes.a} 不在项目库中，或不在您的辖区内`],
      [5, `项目代码 ${codes.a} 不在项目库中，或不在您的辖区内`],
      [6, `项目代码 ${codes.b} 不在项目库中，或不在您的辖区内`],
    ]);
    expect((await upload(fuan, await goodSheet(), '/api/funds/import')).statusCode).toBe(422);
    expect((await upload(await t.as('owner1'), await goodSheet())).statusCode).toBe(403);
    expect(await allocationsOf(ids.a)).toEqual([]);
  });

  it('previews the good sheet as counted by hand, writing nothing', async () => {
    const preview = await upload(county, await goodSheet());
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.problems).toEqual([]);
    expect(body.counts).toEqual({
      allocationsCreated: 1,
      allocationsExisting: 0,
      paymentsCreated: 3,
      paymentsExisting: 0,
    });
    expect(
      body.rows.map((r: Record<string, unknown>) => [
        r.row,
        r.record,
        r.status,
        r.projectId,
        r.amountWanYuan,
        r.on,
        r.text,
      ]),
    ).toEqual([
      [3, 'allocation', 'created', ids.a, '3000', '2026-01-20', '闽财债〔2026〕5号'],
      [4, 'payment', 'created', ids.a, '1200', '2026-02-10', '进度款'],
      [5, 'payment', 'created', ids.a, '800.5', '2026-03-01', null],
      [6, 'payment', 'created', ids.b, '400', '2026-02-20', '尾款'],
    ]);
    expect(body.rows[0]).toMatchObject({
      kind: 'specialBond',
      year: 2026,
      batch: '第一批',
      projectCode: codes.a,
    });
    expect(await allocationsOf(ids.a)).toEqual([]);
    expect(await paymentsOf([allocationB])).toHaveLength(1);
  });

  it('imports it through the use cases, each record audited, and re-importing records nothing twice', async () => {
    const first = await upload(county, await goodSheet(), '/api/funds/import');
    expect(first.statusCode).toBe(200);
    expect(first.json().counts).toEqual({
      allocationsCreated: 1,
      allocationsExisting: 0,
      paymentsCreated: 3,
      paymentsExisting: 0,
    });
    const [allocationA, ...more] = await allocationsOf(ids.a);
    expect(more).toEqual([]);
    expect(allocationA).toMatchObject({
      kind: 'specialBond',
      year: 2026,
      batch: '第一批',
      issuedOn: '2026-01-20',
      documentNumber: '闽财债〔2026〕5号',
    });
    // A: 1200 + 800.5 = 2000.5 of 3000 paid; B: 600 + 400 = 1000 of 1000.
    const funds = (await county.get(`/api/projects/${ids.a}/funds`)).body;
    expect(funds.allocations[0]).toMatchObject({
      amountWanYuan: '3000',
      paidWanYuan: '2000.5',
      remainingWanYuan: '999.5',
    });
    const fundsB = (await county.get(`/api/projects/${ids.b}/funds`)).body;
    expect(fundsB.allocations[0]).toMatchObject({ paidWanYuan: '1000', remainingWanYuan: '0' });
    expect(await auditsOf('fund.allocation.create', ids.a)).toHaveLength(1);
    expect(await auditsOf('fund.payment.create', ids.a)).toHaveLength(2);
    expect(await auditsOf('fund.payment.create', ids.b)).toHaveLength(1);
    const [imported] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'fund.import'), eq(auditEvents.entityId, '350902')));
    expect(imported?.detail).toMatchObject({
      fileName: '资金台账.xlsx',
      allocationsCreated: 1,
      paymentsCreated: 3,
    });

    const again = await upload(county, await goodSheet(), '/api/funds/import');
    expect(again.statusCode).toBe(200);
    expect(again.json().counts).toEqual({
      allocationsCreated: 0,
      allocationsExisting: 1,
      paymentsCreated: 0,
      paymentsExisting: 3,
    });
    expect(await allocationsOf(ids.a)).toHaveLength(1);
    expect(await paymentsOf([allocationA!.id, allocationB])).toHaveLength(4);
    expect(await auditsOf('fund.allocation.create', ids.a)).toHaveLength(1);
    expect(await auditsOf('fund.payment.create', ids.a)).toHaveLength(2);
  });

  it('refuses an allocation recorded with another amount, and a payment past what is left, naming the row', async () => {
    const result = (
      await upload(
        county,
        await sheet([
          [codes.a, 'A', '专项债券', 2026, '第一批', 3500, '2026-01-20', null, null, null, null],
          [codes.a, 'A', '专项债券', 2026, '第一批', null, null, null, '999.6', '2026-03-02', null],
          [codes.a, 'A', '中央预算内', 2025, null, null, null, null, 10, '2026-03-02', null],
        ]),
      )
    ).json();
    expect(result.problems).toEqual([
      {
        row: 3,
        column: null,
        message:
          '专项债券 2026 年第一批的下达已登记为 3000 万元（2026-01-20），与本行不同；导入不修改已有记录，请在项目资金页修改',
      },
      { row: 4, column: null, message: '所付的专项债券 2026 年第一批下达（第 3 行）有错误，须先改正' },
      {
        row: 5,
        column: null,
        message: `项目 ${codes.a} 没有中央预算内投资 2025 年的资金下达：请先登记下达，或在本表中加一行下达`,
      },
    ]);
    const over = (
      await upload(
        county,
        await sheet([
          [codes.a, 'A', '专项债券', 2026, '第一批', null, null, null, '999.6', '2026-03-02', null],
        ]),
      )
    ).json();
    expect(over.problems).toEqual([
      {
        row: 3,
        column: 'J',
        message: '支付后累计 3000.1 万元，超过下达金额 3000 万元（已支付 2000.5 万元，尚可支付 999.5 万元）',
      },
    ]);
  });

  it('serves a template whose headings the import reads', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/funds/import/template.xlsx',
      headers: { cookie: county.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['资金台账', '说明']);
    expect(workbook.getWorksheet('资金台账')!.getRow(3).getCell(2).value).toBe('项目代码');
    const empty = (await upload(county, response.rawPayload)).json();
    expect(empty.problems).toEqual([{ row: 3, column: null, message: '表中没有资金下达或支付数据行' }]);
  });
});
