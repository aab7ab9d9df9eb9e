import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildMessyLedger } from '../modules/ledger/messy-ledger.fixture';
import { type LedgerRow, readLedgerRows } from './xlsx-rows';

async function workbookFromRows(sheets: Record<string, (string | number)[][]>) {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same .xlsx with its parts re-zipped in the given order (writers choose their own order). */
async function reorder(bytes: Buffer, first: string[], last: string[]) {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
  const middle = names.filter((n) => !first.includes(n) && !last.includes(n));
  const target = new JSZip();
  for (const name of [...first, ...middle, ...last]) {
    target.file(name, await source.files[name]!.async('uint8array'));
  }
  return target.generateAsync({ type: 'nodebuffer' });
}

async function readAll(bytes: Buffer, options?: Parameters<typeof readLedgerRows>[1]) {
  const rows: LedgerRow[] = [];
  for await (const row of readLedgerRows(bytes, options)) rows.push(row);
  return rows;
}

/** A zip of deflated members, each given as its compressed bytes (which may be cut short on purpose). */
function zipOf(members: { name: string; data: Buffer; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, size } of members) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const deflated = (text: string) => ({
  data: deflateRawSync(Buffer.from(text)),
  size: Buffer.byteLength(text),
});

const workbookXml = (sheets: { name: string; state?: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('')}</sheets></workbook>`;
const relsXml = (count: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from(
    { length: count },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('')}</Relationships>`;
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const textRow = (r: number, text: string) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c></row>`;

describe('readLedgerRows', () => {
  it('reads every cell as exceljs reads the whole workbook (the messy ledger, formulas by their results)', async () => {
    const bytes = await buildMessyLedger();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const expected: [string, number, unknown[]][] = [];
    const formulas: [number, number[]][] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        // A merged range's other cells echo its first in exceljs' model; the file holds them empty.
        const values: unknown[] = [];
        row.eachCell((cell, column) => {
          if (cell.isMerged && cell.master !== cell) return;
          const v = cell.value;
          let plain: unknown = v;
          if (v && typeof v === 'object' && 'richText' in v) plain = v.richText.map((p) => p.text).join('');
          else if (v && typeof v === 'object' && 'formula' in v)
            plain = (v as { result?: unknown }).result ?? null;
          while (values.length < column - 1) values.push(null);
          values[column - 1] = plain;
        });
        while (values.length > 0 && values.at(-1) === null) values.pop();
        const formulaColumns: number[] = [];
        row.eachCell((cell, column) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulaColumns.push(column - 1);
        });
        if (formulaColumns.length > 0) formulas.push([row.number, formulaColumns]);
        expected.push([sheet.name, row.number, values]);
      }),
    );
    const rows = await readAll(bytes);
    expect(rows.map((r) => [r.sheetName, r.rowNumber, r.cells])).toEqual(expected);
    // The 合计 and 小计 rows' SUMs are formulas, as exceljs' model says.
    expect(formulas.map(([row]) => row)).toEqual([6, 11, 16]);
    expect(
      rows.filter((r) => r.formulaColumns.length > 0).map((r) => [r.rowNumber, r.formulaColumns]),
    ).toEqual(formulas);
  });

  it('reads Chinese text whole wherever the zip splits a character between two chunks', async () => {
    // Thousands of distinct strings (shared) and inline ones make parts many chunks long.
    const texts = Array.from(
      { length: 3000 },
      (_, i) => `建设保障性租赁住房${i}套，配套道路、管网及绿化工程`,
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    for (const text of texts) sheet.addRow([text, { richText: [{ text: `富文本${text}` }] }]);
    const read = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read.map((r) => r.cells[0])).toEqual(texts);
    expect(read.map((r) => r.cells[1])).toEqual(texts.map((t) => `富文本${t}`));
  });

  it('reads every text cell of a file whose worksheets come before its shared strings', async () => {
    const sheets: Record<string, (string | number)[][]> = {};
    for (const name of ['蕉城区', '福安市', '说明有误', '前三季度'])
      sheets[name] = [
        ['2024年1-11月重点项目进展情况'],
        ...Array.from({ length: 5 }, (_, i) => [i + 1, `${name}项目${i}`, 120.5]),
      ];
    const bytes = await workbookFromRows(sheets);
    const parts = Object.keys((await JSZip.loadAsync(bytes)).files);
    expect(parts.findIndex((n) => n.startsWith('xl/worksheets/'))).toBeLessThan(
      parts.indexOf('xl/sharedStrings.xml'),
    );
    const rows = await readAll(bytes);
    expect(rows.flatMap((r) => r.cells.filter((c) => typeof c === 'string'))).toHaveLength(4 * 6);
    expect(rows.map((r) => r.sheetName)).toEqual(
      ['蕉城区', '福安市', '说明有误', '前三季度'].flatMap((name) => Array(6).fill(name)),
    );
  });

  it('reads a file whose workbook part comes after its worksheets, with the sheet names', async () => {
    const bytes = await workbookFromRows({
      '2026年台账 & 说明': [
        ['项目名称', '总投资'],
        ['甲项目', 100],
      ],
    });
    const shuffled = await reorder(
      bytes,
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'],
      ['xl/workbook.xml'],
    );
    expect((await readAll(shuffled)).map((r) => [r.sheetName, r.rowNumber, r.cells])).toEqual([
      ['2026年台账 & 说明', 1, ['项目名称', '总投资']],
      ['2026年台账 & 说明', 2, ['甲项目', 100]],
    ]);
  });

  it('never reads a hidden or very hidden sheet, and names each', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['项目名称', '甲项目']);
    workbook.addWorksheet('旧台账', { state: 'hidden' }).addRow(['项目名称', '隐藏项目']);
    workbook.addWorksheet('参数', { state: 'veryHidden' }).addRow(['项目名称', '=cmd|x']);
    const hidden: string[] = [];
    const rows = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()), {
      onHiddenSheet: (name) => hidden.push(name),
    });
    expect(rows.map((r) => [r.sheetName, r.cells])).toEqual([['台账', ['项目名称', '甲项目']]]);
    expect(hidden).toEqual(['旧台账', '参数']);
  });

  it('names formula cells and gives their cached results (text, number, boolean, error as blank)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow([
      '甲',
      { formula: 'A1&"项目"', result: '甲项目' },
      { formula: '1+1', result: 2 },
      { formula: 'TRUE()', result: true },
      { formula: '1/0', result: { error: '#DIV/0!' } },
      { formula: 'NOW()' },
      5,
    ]);
    const [row] = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(row!.cells).toEqual(['甲', '甲项目', 2, true, null, null, 5]);
    expect(row!.formulaColumns).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at the row limit without inflating the rest of the sheet', async () => {
    // The sheet's deflate stream is cut off after 20,000 rows and followed by garbage: a reader that
    // went on past the 1,000-row limit would fail on it as a damaged file.
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      textRow(i + 1, `项目${i + 1}-${(i * 7919) % 100_003}`),
    ).join('');
    const head = deflateRawSync(Buffer.from(sheetXml(rows).replace('</sheetData></worksheet>', '')), {
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    const bytes = zipOf([
      { name: 'xl/workbook.xml', ...deflated(workbookXml([{ name: '台账' }])) },
      { name: 'xl/_rels/workbook.xml.rels', ...deflated(relsXml(1)) },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.concat([head, Buffer.alloc(4096, 0xff)]),
        size: 50_000_000,
      },
    ]);
    let read = 0;
    await expect(
      (async () => {
        for await (const _row of readLedgerRows(bytes, { maxRows: 1000 })) read++;
      })(),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '行数超过 1000' });
    expect(read).toBe(1000);
    // Without the limit the same file is refused as damaged once the garbage is reached.
    await expect(readAll(bytes, { maxRows: 50_000 })).rejects.toMatchObject({
      message: 'Excel 文件已损坏，无法读取',
    });
  });

  it('reads rows and cells without r attributes, entities and Excel escapes', async () => {
    const bytes = zipOf([
      { name: 'xl/workbook.xml', ...deflated(workbookXml([{ name: 'A&amp;B' }])) },
      { name: 'xl/_rels/workbook.xml.rels', ...deflated(relsXml(1)) },
      {
        name: 'xl/sharedStrings.xml',
        ...deflated(
          '<sst><si><t>共享&lt;一&gt;</t></si><si><r><t>富</t></r><r><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si></sst>',
        ),
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        ...deflated(
          sheetXml(
            '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c r="C2"><v>1.5</v></c><c t="str"><v>a_x000D_b&#26131;</v></c></row><row r="5"/>',
          ),
        ),
      },
    ]);
    expect((await readAll(bytes)).map((r) => [r.sheetName, r.rowNumber, r.cells])).toEqual([
      ['A&B', 1, ['共享<一>', '富文本 ']],
      ['A&B', 2, [null, null, 1.5, 'a\rb易']],
      ['A&B', 5, []],
    ]);
  });
});
