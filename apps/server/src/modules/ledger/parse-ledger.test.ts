import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { presentLedgerPreview } from './ledger-preview';
import { buildMessyLedger, messyLedgerExpected } from './messy-ledger.fixture';
import { parseLedger } from './parse-ledger';

describe('parseLedger on a messy county ledger', () => {
  it('finds exactly the projects, with amounts in 万元, categories, levels and years; blanks stay null', async () => {
    const preview = presentLedgerPreview(await parseLedger(await buildMessyLedger()));
    expect(preview.records.map((r) => r.row)).toEqual(messyLedgerExpected.map((r) => r.row));
    for (const [index, expected] of messyLedgerExpected.entries()) {
      expect(preview.records[index]).toMatchObject(expected);
    }
    expect(preview.totals).toEqual({
      records: 5,
      totalInvestmentWanYuan: '348700',
      annualPlanWanYuan: '221003.5',
      completedToDateWanYuan: '5900',
    });
  });

  it('reports every row it did not take as a project, by kind', async () => {
    const preview = presentLedgerPreview(await parseLedger(await buildMessyLedger()));
    const kinds = Object.fromEntries(preview.skippedRows.slice(0, 13).map((s) => [s.row, s.kind]));
    expect(kinds).toEqual({
      1: 'title',
      2: 'title',
      3: 'units',
      4: 'header',
      5: 'header',
      6: 'total',
      7: 'category',
      11: 'subtotal',
      12: 'blank',
      13: 'category',
      16: 'subtotal',
      17: 'note',
      18: 'note',
    });
    expect(preview.skippedRows.slice(13)).toEqual([
      { sheet: '填报说明', row: 1, kind: 'note' },
      { sheet: '填报说明', row: 2, kind: 'note' },
    ]);
  });

  it('warns about a 小计 or 合计 that disagrees with the rows, and changes no project', async () => {
    const preview = presentLedgerPreview(await parseLedger(await buildMessyLedger()));
    expect(preview.problems).toEqual([
      expect.objectContaining({ row: 11, column: 'G', severity: 'warning' }),
      expect.objectContaining({ row: 6, column: 'G', severity: 'warning' }),
    ]);
    expect(preview.problems[1]?.message).toContain('348700');
  });

  it('names the row and column of a cell it cannot read', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['序号', '项目名称', '建设单位', '总投资', '建设年限']);
    sheet.addRow([1, '某项目', '某公司', '约3亿', '2027-2025']);
    const preview = presentLedgerPreview(await parseLedger(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(preview.records[0]).toMatchObject({
      name: '某项目',
      totalInvestmentWanYuan: null,
      startYear: null,
    });
    expect(preview.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [2, 'E', 'error'],
      [2, 'D', 'error'],
    ]);
    expect(preview.problems.map((p) => p.message).join()).toContain('约3亿');
  });
});

describe('bad files', () => {
  const expectRefusal = async (bytes: Buffer, fragment: string) => {
    await expect(parseLedger(bytes)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining(fragment),
    });
  };

  it('refuses an empty file, a file that is not xlsx, and a password-protected or legacy workbook', async () => {
    await expectRefusal(Buffer.alloc(0), '文件为空');
    await expectRefusal(Buffer.from('项目名称,总投资\n某项目,100\n'), '不是 Excel');
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    await expectRefusal(ole, '加密');
  });

  it('refuses a workbook with macros', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['项目名称']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    // Rename a member (same length) to …/vbaProject.bin in the central directory, as an .xlsm carries it.
    const marker = bytes.lastIndexOf(Buffer.from('docProps/app.xml'));
    bytes.write('x/vbaProject.bin', marker, 'latin1');
    await expectRefusal(bytes, '宏');
  });

  it('refuses a sheet with 5,000 columns', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(Array.from({ length: 5000 }, (_, i) => `列${i}`));
    await expectRefusal(Buffer.from(await workbook.xlsx.writeBuffer()), '5000 列');
  });
});

describe('round trip', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reads back the project list export with the same names and amounts', async () => {
    const county = await t.as('jiaocheng');
    const list = (await county.get('/api/projects?pageSize=200&sort=name&order=asc')).body;
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/projects/export.xlsx',
      headers: { cookie: county.cookie },
    });
    const preview = presentLedgerPreview(await parseLedger(exported.rawPayload));
    expect(preview.problems).toEqual([]);
    const byName = new Map(preview.records.map((r) => [r.name, r]));
    expect(preview.records).toHaveLength(list.totals.count);
    for (const project of list.data) {
      expect(byName.get(project.name)?.totalInvestmentWanYuan).toBe(project.totalInvestmentWanYuan);
    }
    expect(preview.totals.totalInvestmentWanYuan).toBe(list.totals.totalInvestmentWanYuan);
  });
});
