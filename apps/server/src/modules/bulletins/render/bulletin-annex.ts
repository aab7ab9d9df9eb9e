import ExcelJS from 'exceljs';
import { workbookToBuffer } from '../../../lib/excel';
import { restampOfficeZip } from '../../../lib/official-docx';
import type { BulletinDocument } from './bulletin-document';
import { type BulletinTable, bulletinColours, bulletinSectionTable, bulletinStamp } from './bulletin-tables';

/**
 * A figure as a spreadsheet number where the text is one (1285000.00, -5.4, 90.8%), with a number
 * format keeping its decimals (and its sign for a difference); anything else stays text.
 */
function cellValue(text: string): { value: string | number; numFmt?: string } {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?(%?)$/.exec(text);
  if (!match) return { value: text };
  const [, sign, , decimals = '', percent] = match;
  const format = `#,##0${decimals ? `.${'0'.repeat(decimals.length)}` : ''}${percent}`;
  const number = Number(text.replace('%', ''));
  return {
    value: percent ? Number((number / 100).toFixed(decimals.length + 2)) : number,
    numFmt: sign === '+' ? `+${format};-${format};${format}` : format,
  };
}

/** Column widths in characters: the sheet's share of a 100-character row, at least the header's. */
const widthOf = (table: BulletinTable, weight: number, header: string) => {
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0);
  return Math.max(Math.round((weight * 110) / total), [...header].length * 2 + 2);
};

/** One sheet per table: a bold shaded header row frozen on top, the rows with their tone's colour. */
function addTableSheet(workbook: ExcelJS.Workbook, table: BulletinTable) {
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: widthOf(table, c.weight, c.header) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${bulletinColours.header}` } };
  });
  for (const row of table.rows) {
    const added = sheet.addRow([]);
    row.cells.forEach((text, i) => {
      const cell = added.getCell(i + 1);
      const { value, numFmt } = cellValue(text);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal:
          table.columns[i]?.kind === 'center' ? 'center' : typeof value === 'number' ? 'right' : 'left',
      };
      if (row.tone) cell.font = { color: { argb: `FF${bulletinColours[row.tone]}` } };
    });
  }
}

/**
 * The bulletin's Excel annex: one sheet per table of its enabled sections, in the template's order
 * (总体情况 with 同比, 各地进展, 红黑榜, 红黄灯项目, 蜗牛榜, 逾期问题, 逾期交办事项, 超期手续), Chinese
 * headers, fitted widths and a frozen header; text is neutralised and the bytes are the same for the
 * same document (stamped with its date).
 */
export async function renderBulletinAnnex(doc: BulletinDocument): Promise<Buffer> {
  const stamp = bulletinStamp(doc);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.issuer;
  workbook.lastModifiedBy = doc.issuer;
  workbook.title = doc.serial ? `${doc.title}（附件）${doc.serial}` : `${doc.title}（附件）`;
  workbook.created = stamp;
  workbook.modified = stamp;
  for (const section of doc.sections) {
    const table = bulletinSectionTable(section.key, doc.snapshot);
    if (table) addTableSheet(workbook, table);
  }
  if (workbook.worksheets.length === 0) addTableSheet(workbook, emptyAnnex);
  return restampOfficeZip(await workbookToBuffer(workbook), stamp);
}

/** A bulletin whose sections hold no table (本期动态 only) still gets a readable annex. */
const emptyAnnex: BulletinTable = {
  sheetName: '附件',
  isWide: false,
  columns: [{ header: '说明', weight: 1, kind: 'text' }],
  rows: [{ cells: ['本通报无附表。'] }],
};
