import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { beijingMorning, insertTestProject, organisationId } from '../problems/problem-test-kit';

let t: TestApp;
const ids: Record<'a' | 'b' | 'c' | 'fuan', string> = { a: '', b: '', c: '', fuan: '' };
const headings = [
  '序号',
  '项目编码',
  '项目名称',
  '用地预审与选址意见书',
  '建设用地规划许可证',
  '环境影响评价审批',
  '施工图审查',
  '施工许可',
];
type Cell = string | number | Date | null;

/** A 前期手续 ledger: a title, the header on row 3, then the rows. */
async function ledger(rows: Cell[][], extraHeadings: string[] = []) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('蕉城区');
  sheet.addRow(['蕉城区重点项目前期手续台账']);
  sheet.addRow(['截至 2026 年 3 月 2 日']);
  sheet.addRow([...headings, ...extraHeadings]);
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('填写说明').addRow(['每行一个项目']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(
  cookie: string | null,
  bytes: Buffer,
  url = '/api/approvals/import/preview',
  region?: string,
) {
  const boundary = '----tuijin-approvals';
  const payload = Buffer.concat([
    Buffer.from(
      region ? `--${boundary}\r\nContent-Disposition: form-data; name="region"\r\n\r\n${region}\r\n` : '',
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="蕉城区前期手续台账.xlsx"\r\n` +
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

const county = async () => (await t.as('jiaocheng')).cookie;

async function items(projectId: string) {
  const response = await (await t.as('jiaocheng')).get(`/api/projects/${projectId}/approvals`);
  return response.body.items as {
    code: string;
    status: string;
    acceptedOn: string | null;
    approvedOn: string | null;
    approvalNumber: string | null;
    dependsOn: string[];
    materials: { name: string; promisedOn: string }[];
    version: number;
  }[];
}

const importEvents = async () =>
  (await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'approval.import'))).length;

/** Project A's first ledger: 用地预审 approved with its 文号, 用地规划 accepted, 环评 accepted with a gap. */
const firstLedger = () =>
  ledger([
    [
      1,
      'TEST-APPR-A',
      '',
      '2026-02-10 宁自然资预〔2026〕5号',
      '已受理 2026-02-20',
      '容缺受理 2026-02-25 缺环评公示材料',
      '',
      '',
    ],
  ]);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(beijingMorning('2026-03-02'));
  const owner = await organisationId(t, '宁德市蕉城区城市建设投资开发有限公司');
  ids.a = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: owner,
    name: '蕉城区导入手续甲项目',
  });
  ids.b = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: owner,
    name: '蕉城区导入手续乙项目',
  });
  ids.c = await insertTestProject(t, {
    regionCode: '350902',
    ownerOrganisationId: owner,
    name: '蕉城区导入手续丙项目',
  });
  ids.fuan = await insertTestProject(t, {
    regionCode: '350981',
    ownerOrganisationId: owner,
    name: '福安市导入手续项目',
  });
  await t.db.update(projects).set({ code: 'TEST-APPR-A', stage: 'preparing' }).where(eq(projects.id, ids.a));
  await t.db.update(projects).set({ code: 'TEST-APPR-B', stage: 'preparing' }).where(eq(projects.id, ids.b));
  await t.db.update(projects).set({ code: 'TEST-APPR-FA' }).where(eq(projects.id, ids.fuan));
}, 120_000);
afterAll(async () => t.close());

describe('previewing a 前期手续 ledger', () => {
  it('says per project and cell what an import would do, and writes nothing', async () => {
    const response = await upload(await county(), await firstLedger());
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({
      regionCode: '350902',
      isDryRun: true,
      isBlocked: false,
      counts: { rows: 1, projects: 1, itemsCreated: 3, itemsUpdated: 0, itemsUnchanged: 0, errors: 0 },
    });
    expect(preview.rows[0]).toMatchObject({
      sheet: '蕉城区',
      row: 4,
      projectId: ids.a,
      projectName: '蕉城区导入手续甲项目',
    });
    expect(preview.rows[0].cells).toEqual([
      expect.objectContaining({
        column: 'D',
        procedureName: '用地预审与选址意见书',
        action: 'create',
        before: null,
        after: { status: 'approved', on: '2026-02-10', approvalNumber: '宁自然资预〔2026〕5号' },
      }),
      expect.objectContaining({
        column: 'E',
        action: 'create',
        after: expect.objectContaining({ status: 'accepted' }),
      }),
      expect.objectContaining({
        column: 'F',
        action: 'create',
        after: expect.objectContaining({ status: 'accepted_with_gaps', on: '2026-02-25' }),
        missingMaterials: ['环评公示材料'],
      }),
    ]);
    expect(await items(ids.a)).toEqual([]);
    expect(await importEvents()).toBe(0);
  });

  it('names each problem by sheet, row and column, and the import refuses the whole sheet (422), writing nothing', async () => {
    const bytes = await ledger(
      [
        [1, 'TEST-APPR-A', '', '2026-02-30', '批了', '2026-03-05', '', '', ''],
        [2, 'NO-SUCH-CODE', '', '2026-01-10', '', '', '', '', ''],
        [3, 'TEST-APPR-FA', '', '2026-01-10', '', '', '', '', ''],
        [4, '', '蕉城区导入手续甲项目', '', '', '', '', '', ''],
        [5, '', '', '2026-01-10', '', '', '', '', ''],
        [6, 'TEST-APPR-B', '', '已批复', '已受理 2026-02-01 宁发改', '容缺受理 2026-02-02', '', '', ''],
      ],
      ['林地审批'],
    );
    const response = await upload(await county(), bytes);
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.isBlocked).toBe(true);
    const at = (p: { row: number; column: string | null; issue: string; severity: string }) =>
      `${p.row}${p.column ?? ''}:${p.issue}:${p.severity}`;
    expect(preview.problems.map(at)).toEqual([
      '3I:unknownHeading:error',
      '4D:unreadableDate:error',
      '4E:unknownStatus:error',
      '4F:futureDate:error',
      '5:unknownProject:error',
      '6:outOfScope:error',
      '7:duplicateProject:error',
      '8:noProject:error',
      '9D:missingDate:error',
      '9E:unexpectedText:error',
      '9F:gapsNeedMaterials:error',
    ]);
    expect(preview.problems[0].message).toBe('表头“林地审批”不是手续目录中的手续名称或编码');
    expect(preview.problems[5]).toMatchObject({
      message: '项目“TEST-APPR-FA”不在您的辖区',
      params: { project: 'TEST-APPR-FA' },
    });

    const refused = await upload(await county(), bytes, '/api/approvals/import');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().problems).toHaveLength(11);
    expect(refused.json().error.details[0].message).toBe(
      '工作表“蕉城区”第 3 行 I 列：表头“林地审批”不是手续目录中的手续名称或编码',
    );
    expect(await items(ids.a)).toEqual([]);
    expect(await items(ids.b)).toEqual([]);
    expect(await importEvents()).toBe(0);
  });
});

describe('importing a 前期手续 ledger', () => {
  it('creates the items from the catalogue with their states, one audit event each, and a re-import changes nothing', async () => {
    const response = await upload(await county(), await firstLedger(), '/api/approvals/import');
    expect(response.statusCode).toBe(200);
    expect(response.json().counts).toMatchObject({ itemsCreated: 3, itemsUpdated: 0, itemsUnchanged: 0 });
    const list = await items(ids.a);
    expect(list.map((i) => [i.code, i.status])).toEqual([
      ['yongdi-yushen', 'approved'],
      ['yongdi-guihua', 'accepted'],
      ['huanping', 'accepted_with_gaps'],
    ]);
    expect(list[0]).toMatchObject({ approvedOn: '2026-02-10', approvalNumber: '宁自然资预〔2026〕5号' });
    // 用地规划 depends on 用地预审, which is on the list now.
    expect(list[1]!.dependsOn).toEqual(['yongdi-yushen']);
    expect(list[2]!.materials).toEqual([
      expect.objectContaining({ name: '环评公示材料', promisedOn: expect.stringMatching(/^2026-03-2/) }),
    ]);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'approval.import'))
      .orderBy(auditEvents.id);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      actorName: expect.any(String),
      entityType: 'approvalItem',
      detail: expect.objectContaining({
        file: '蕉城区前期手续台账.xlsx',
        sheet: '蕉城区',
        row: 4,
        column: 'D',
        created: true,
      }),
    });

    const again = await upload(await county(), await firstLedger(), '/api/approvals/import');
    expect(again.statusCode).toBe(200);
    expect(again.json().counts).toMatchObject({ itemsCreated: 0, itemsUpdated: 0, itemsUnchanged: 3 });
    expect(await importEvents()).toBe(3);
    expect((await items(ids.a)).map((i) => i.version)).toEqual(list.map((i) => i.version));
  });

  it('moves items forward only: an approval cannot go back, 容缺受理 waits for its materials, no approval before acceptance', async () => {
    const preview = (
      await upload(
        await county(),
        await ledger([[1, 'TEST-APPR-A', '', '准备中', '2026-02-15', '2026-03-01', '', '']]),
      )
    ).json();
    expect(
      preview.problems.map((p: { column: string; issue: string; message: string }) => [
        p.column,
        p.issue,
        p.message,
      ]),
    ).toEqual([
      [
        'D',
        'cannotTake',
        '“用地预审与选址意见书”当前为“已批复”，不能由导入改为“准备中”；如需改动请在项目清单中办理',
      ],
      ['E', 'beforeAccepted', '批复日期 2026-02-15 早于受理日期 2026-02-20'],
      [
        'F',
        'cannotTake',
        '“环境影响评价审批”当前为“容缺受理”，不能由导入改为“已批复”；容缺材料补齐后才能批复',
      ],
    ]);
  });

  it('updates an accepted item to approved with its 文号, and warns (without blocking) where a prerequisite is still open', async () => {
    const bytes = await ledger([
      [1, 'TEST-APPR-A', '', '', '2026年2月27日 宁自然资规〔2026〕9号', '', '', ''],
      [2, 'TEST-APPR-B', '', '', '', '', '准备中', '2026.3.1'],
    ]);
    const preview = (await upload(await county(), bytes)).json();
    expect(preview.isBlocked).toBe(false);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'H',
        issue: 'dependencyOpen',
        severity: 'warning',
        message: '前置手续“施工图审查”尚未批复',
      }),
    ]);
    const response = await upload(await county(), bytes, '/api/approvals/import');
    expect(response.statusCode).toBe(200);
    expect(response.json().counts).toMatchObject({ itemsCreated: 2, itemsUpdated: 1, warnings: 1 });
    const a = await items(ids.a);
    expect(a.find((i) => i.code === 'yongdi-guihua')).toMatchObject({
      status: 'approved',
      acceptedOn: '2026-02-20',
      approvedOn: '2026-02-27',
      approvalNumber: '宁自然资规〔2026〕9号',
    });
    const b = await items(ids.b);
    expect(b.map((i) => [i.code, i.status, i.dependsOn])).toEqual([
      ['tushen', 'preparing', []],
      ['shigong-xuke', 'approved', ['tushen']],
    ]);
  });
});

describe('who may import', () => {
  it('answers 401 without a session and 403 for an owner or an office of another county', async () => {
    const bytes = await firstLedger();
    expect((await upload(null, bytes)).statusCode).toBe(401);
    expect((await upload((await t.as('owner1')).cookie, bytes)).statusCode).toBe(403);
    const other = await upload((await t.as('fuan')).cookie, bytes, '/api/approvals/import/preview', '350902');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.details).toEqual([{ path: 'region', message: '不在您的辖区' }]);
  });

  it('finds a project of another county outside the scope of that county’s office, and inside the city’s', async () => {
    const bytes = await ledger([[1, 'TEST-APPR-A', '', '', '', '', '', '']]);
    const fuan = (await upload((await t.as('fuan')).cookie, bytes)).json();
    expect(fuan.problems.map((p: { issue: string }) => p.issue)).toEqual(['outOfScope']);
    const city = (await upload((await t.as('ningde')).cookie, bytes)).json();
    expect(city.problems).toEqual([]);
    expect(city.rows[0].projectId).toBe(ids.a);
  });

  it('refuses a file that is not a workbook, naming the file', async () => {
    const response = await upload(await county(), Buffer.from('not a workbook'));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toEqual({ path: 'file', message: '不是 Excel .xlsx 文件' });
  });
});

describe('the template', () => {
  it('has the catalogue as headings and each listed project’s present state, and imports back unchanged', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/approvals/import/template',
      headers: { cookie: await county() },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('前期手续台账')!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['序号', '项目编码', '项目名称']);
    expect(header).toContain('施工许可');
    const rowOfA = sheet.getRows(4, sheet.rowCount)!.find((r) => r.getCell(2).value === 'TEST-APPR-A')!;
    const column = (name: string) => header.indexOf(name) + 1;
    expect(rowOfA.getCell(column('用地预审与选址意见书')).value).toBe('2026-02-10 宁自然资预〔2026〕5号');
    expect(rowOfA.getCell(column('环境影响评价审批')).value).toBe('容缺受理 2026-02-25 缺环评公示材料');
    expect(workbook.getWorksheet('填写说明')).toBeDefined();

    const before = await importEvents();
    const back = await upload(await county(), response.rawPayload, '/api/approvals/import');
    expect(back.statusCode).toBe(200);
    expect(back.json().counts).toMatchObject({ itemsCreated: 0, itemsUpdated: 0, errors: 0 });
    expect(await importEvents()).toBe(before);
    expect(await items(ids.c)).toEqual([]);
  });

  it('is refused to an owner', async () => {
    const owner = await t.as('owner1');
    expect((await owner.get('/api/approvals/import/template')).status).toBe(403);
  });
});
