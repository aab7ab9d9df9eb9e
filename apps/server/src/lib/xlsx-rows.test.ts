import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type LedgerRow, readLedgerRows, sheetNamesByNumber, withWorkbookPartsFirst } from './xlsx-rows';

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

describe('readLedgerRows', () => {
  it('reads Chinese text whole wherever the zip splits a character between two chunks', async () => {
    // Thousands of distinct strings (shared) and inline ones make parts many chunks long.
    const texts = Array.from(
      { length: 3000 },
      (_, i) => `建设保障性租赁住房${i}套，配套道路、管网及绿化工程`,
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    for (const text of texts) sheet.addRow([text, { richText: [{ text: `富文本${text}` }] }]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const read: LedgerRow[] = [];
    for await (const row of readLedgerRows(bytes)) read.push(row);
    expect(read.map((r) => r.cells[0])).toEqual(texts);
    expect(read.map((r) => r.cells[1])).toEqual(texts.map((t) => `富文本${t}`));
  });

  it('reads every text cell on every read of a file whose worksheets come before its shared strings', async () => {
    // exceljs writes its worksheets first; its streaming reader used to hand back all text cells
    // empty in about 2 reads of 100 of such a file. 200 reads, every one whole.
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
    const repacked = Object.keys((await JSZip.loadAsync(await withWorkbookPartsFirst(bytes))).files);
    expect(repacked.indexOf('xl/sharedStrings.xml')).toBeLessThan(
      repacked.findIndex((n) => n.startsWith('xl/worksheets/')),
    );
    let partial = 0;
    for (let run = 0; run < 200; run++) {
      let texts = 0;
      for await (const row of readLedgerRows(bytes))
        texts += row.cells.filter((c) => typeof c === 'string').length;
      if (texts !== 4 * 6) partial++;
    }
    expect(partial).toBe(0);
  });

  it('reads a file whose workbook part comes after its worksheets, with the sheet names', async () => {
    const bytes = await workbookFromRows({
      台账: [
        ['项目名称', '总投资'],
        ['甲项目', 100],
      ],
    });
    const shuffled = await reorder(
      bytes,
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'],
      ['xl/workbook.xml'],
    );
    const rows: LedgerRow[] = [];
    for await (const row of readLedgerRows(shuffled)) rows.push(row);
    expect(rows.map((r) => [r.sheetName, r.rowNumber, r.cells])).toEqual([
      ['台账', 1, ['项目名称', '总投资']],
      ['台账', 2, ['甲项目', 100]],
    ]);
  });

  it('names the sheets from the workbook part when the stream has not delivered it', async () => {
    const bytes = await workbookFromRows({ '2026年台账 & 说明': [['甲']], 汇总: [['乙']] });
    expect([...(await sheetNamesByNumber(bytes)).entries()]).toEqual([
      ['1', '2026年台账 & 说明'],
      ['2', '汇总'],
    ]);
  });
});
