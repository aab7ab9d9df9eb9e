import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeCellText, workbookToBuffer } from './excel';

describe('safeCellText', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+1', `'+1+1`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['宁德时代', '宁德时代'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => {
    expect(safeCellText(input)).toBe(output);
  });

  it('names a Chinese download safely', () => {
    expect(attachmentDisposition('项目库.xlsx')).toBe(
      `attachment; filename="___.xlsx"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%BA%93.xlsx`,
    );
  });
});

describe('workbookToBuffer', () => {
  it('neutralises every text cell of every sheet, rich text and merged cells included, and leaves formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('一');
    first.getCell('A1').value = "=cmd|' /C calc'!A0";
    first.mergeCells('A1:C1');
    first.getCell('A2').value = { richText: [{ text: '@SUM(1)' }, { text: '尾' }] };
    first.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
    first.getCell('C2').value = -2;
    workbook.addWorksheet('二').getCell('D9').value = '+1';
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await workbookToBuffer(workbook)) as unknown as ArrayBuffer);
    const [one, two] = read.worksheets;
    expect(one!.getCell('A1').value).toBe("'=cmd|' /C calc'!A0");
    expect(one!.getCell('A2').value).toEqual({ richText: [{ text: "'@SUM(1)" }, { text: '尾' }] });
    expect(one!.getCell('B2').value).toEqual({ formula: 'SUM(1,2)', result: 3 });
    expect(one!.getCell('C2').value).toBe(-2);
    expect(two!.getCell('D9').value).toBe("'+1");
  });

  it('is the only way the server writes a spreadsheet', () => {
    const root = join(import.meta.dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.ts$/.test(entry.name) && !/\.(test|fixture)\.ts$/.test(entry.name)) {
          const source = readFileSync(path, 'utf8');
          if (/\.(xlsx|csv)\s*\.\s*write(Buffer|File)?\s*\(|WorkbookWriter/.test(source))
            offenders.push(relative(root, path));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual(['lib/excel.ts']);
  });
});
