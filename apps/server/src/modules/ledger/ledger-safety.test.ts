import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { ImportGate, ledgerImportGate } from './ledger-gate';
import { parseLedger } from './parse-ledger';

/**
 * The ledger import's holes (issue 20 item 4): text a spreadsheet would run as a formula is never a
 * name, formula cells are taken by their cached result with a warning, hidden sheets are never read,
 * and parses are admitted one per user and two at once.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const header = ['序号', '项目名称', '建设单位', '建设地点', '建设起止年限', '总投资', '挂钩领导', '责任单位'];

async function ledgerBytes(build: (workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(cookie: string, bytes: Buffer, url = '/api/ledger/preview') {
  const boundary = '----tuijin-ledger';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台账.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
  });
}

describe('formula-like text in a ledger', () => {
  it('is refused as a name with an error on its row and column, and registers nothing', async () => {
    const bytes = await ledgerBytes((workbook) => {
      const sheet = workbook.addWorksheet('台账');
      sheet.addRow(header);
      sheet.addRow([1, '安全项目甲', "=cmd|' /C calc'!A0", '蕉城区', '2025-2027', 100]);
      sheet.addRow([2, '@SUM(1+1)', '建设单位乙', '蕉城区', '2025-2027', 100]);
      sheet.addRow([3, '安全项目丙', '建设单位丙', '+1+2', '2025-2027', 100, '\t=HYPERLINK("x")', '-1']);
      // Blank-like placeholders are "not known", as in amount columns: no error.
      sheet.addRow([4, '安全项目丁', '建设单位丁', '蕉城区', '2025-2027', 100, '-', '—']);
    });
    const parsed = await parseLedger(bytes);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.row, p.column]).sort()).toEqual([
      [2, 'C'],
      [3, 'B'],
      [4, 'D'],
      [4, 'G'],
      [4, 'H'],
    ]);
    expect(errors[0]!.message).toContain('以 =、+、-、@ 开头');
    expect(parsed.records.find((r) => r.row === 5)).toMatchObject({ leader: null, responsibleUnit: null });

    const county = await t.as('jiaocheng');
    const refused = await upload(county.cookie, bytes, '/api/ledger/import');
    expect(refused.statusCode).toBe(422);
    const owners = await t.db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.name, "=cmd|' /C calc'!A0"));
    expect(owners).toEqual([]);
  });

  it('refuses the text even when an apostrophe neutralised it in the sheet', async () => {
    const parsed = await parseLedger(
      await ledgerBytes((workbook) => {
        const sheet = workbook.addWorksheet('台账');
        sheet.addRow(header);
        sheet.addRow([1, "'=1+1", '建设单位', '蕉城区', '2025-2027', 100]);
      }),
    );
    expect(parsed.problems.map((p) => [p.row, p.column, p.severity])).toEqual([[2, 'B', 'error']]);
  });
});

describe('formula cells in a ledger', () => {
  it('takes the cached result and warns per cell in the preview', async () => {
    const bytes = await ledgerBytes((workbook) => {
      const sheet = workbook.addWorksheet('台账');
      sheet.addRow(header);
      sheet.addRow([
        1,
        { formula: '"公式"&"项目"', result: '公式项目' },
        '建设单位',
        '蕉城区',
        '2025-2027',
        { formula: '40+60', result: 100 },
      ]);
    });
    const parsed = await parseLedger(bytes);
    expect(parsed.records[0]).toMatchObject({ name: '公式项目', totalInvestmentWanYuan: '100' });
    expect(parsed.problems).toEqual([
      {
        sheet: '台账',
        row: 2,
        column: 'B',
        severity: 'warning',
        message: '第 2 行 B 列是公式，已取其计算结果',
      },
      {
        sheet: '台账',
        row: 2,
        column: 'F',
        severity: 'warning',
        message: '第 2 行 F 列是公式，已取其计算结果',
      },
    ]);
    const preview = (await upload((await t.as('jiaocheng')).cookie, bytes)).json();
    expect(preview.problems.map((p: { message: string }) => p.message)).toEqual([
      '第 2 行 B 列是公式，已取其计算结果',
      '第 2 行 F 列是公式，已取其计算结果',
    ]);
  });
});

describe('hidden sheets', () => {
  it('are never read as the ledger, with a note in the preview', async () => {
    const bytes = await ledgerBytes((workbook) => {
      const visible = workbook.addWorksheet('台账');
      visible.addRow(header);
      visible.addRow([1, '可见项目', '建设单位', '蕉城区', '2025-2027', 100]);
      for (const [name, state] of [
        ['隐藏台账', 'hidden'],
        ['深度隐藏', 'veryHidden'],
      ] as const) {
        const hidden = workbook.addWorksheet(name, { state });
        hidden.addRow(header);
        hidden.addRow([1, `${name}项目`, '=cmd|x', '蕉城区', '2025-2027', 100]);
      }
    });
    const parsed = await parseLedger(bytes);
    expect(parsed.records.map((r) => r.name)).toEqual(['可见项目']);
    expect(parsed.hiddenSheets).toEqual(['隐藏台账', '深度隐藏']);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        sheet: '隐藏台账',
        severity: 'warning',
        message: expect.stringContaining('隐藏'),
      }),
      expect.objectContaining({
        sheet: '深度隐藏',
        severity: 'warning',
        message: expect.stringContaining('隐藏'),
      }),
    ]);
    const preview = (await upload((await t.as('jiaocheng')).cookie, bytes)).json();
    expect(preview.records.map((r: { name: string }) => r.name)).toEqual(['可见项目']);
    expect(preview.problems.filter((p: { sheet: string }) => p.sheet === '隐藏台账')).toHaveLength(1);
  });

  it('refuses a workbook whose only ledger is hidden, saying so', async () => {
    const bytes = await ledgerBytes((workbook) => {
      workbook.addWorksheet('说明').addRow(['填报说明：见隐藏表']);
      const hidden = workbook.addWorksheet('台账', { state: 'hidden' });
      hidden.addRow(header);
      hidden.addRow([1, '隐藏项目', '建设单位', '蕉城区', '2025-2027', 100]);
    });
    await expect(parseLedger(bytes)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('ledger import admission', () => {
  it('admits one parse per user and two at once, refusing the rest with IMPORT_BUSY', () => {
    const gate = new ImportGate(2);
    const leaveA = gate.enter('a');
    expect(() => gate.enter('a')).toThrow(expect.objectContaining({ code: 'IMPORT_BUSY' }));
    const leaveB = gate.enter('b');
    expect(() => gate.enter('c')).toThrow(expect.objectContaining({ code: 'IMPORT_BUSY' }));
    leaveA();
    leaveA();
    expect(() => gate.enter('b')).toThrow(expect.objectContaining({ code: 'IMPORT_BUSY' }));
    gate.enter('c')();
    leaveB();
  });

  it('answers 429 IMPORT_BUSY while the same user has a parse running, or two others do', async () => {
    const bytes = await ledgerBytes((workbook) => {
      const sheet = workbook.addWorksheet('台账');
      sheet.addRow(header);
      sheet.addRow([1, '限流项目', '建设单位', '蕉城区', '2025-2027', 100]);
    });
    const county = await t.as('jiaocheng');
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'jiaocheng'));
    const leave = ledgerImportGate.enter(user!.id);
    try {
      for (const url of ['/api/ledger/preview', '/api/ledger/import', '/api/ledger/reports']) {
        const busy = await upload(county.cookie, bytes, url);
        expect(busy.statusCode).toBe(429);
        expect(busy.json().error).toMatchObject({
          code: 'IMPORT_BUSY',
          message: expect.stringContaining('您已有'),
        });
      }
    } finally {
      leave();
    }
    const others = [ledgerImportGate.enter('someone-1'), ledgerImportGate.enter('someone-2')];
    try {
      const busy = await upload(county.cookie, bytes);
      expect(busy.statusCode).toBe(429);
      expect(busy.json().error.message).toContain('其他台账');
    } finally {
      for (const leaveOther of others) leaveOther();
    }
    expect((await upload(county.cookie, bytes)).statusCode).toBe(200);
  });
});
