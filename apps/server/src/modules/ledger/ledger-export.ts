import {
  type LedgerBodyRow,
  type LedgerCategory,
  layoutLedgerBody,
  ratio,
  sumFormula,
  sumOfAmounts,
} from '@tuijin/domain';
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../lib/xlsx-rows';

/** What a column holds: 序号, text, an amount in 万元 (summed in 小计/合计), or a share of two amounts. */
export type LedgerColumnKind = 'seq' | 'name' | 'text' | 'center' | 'amount' | 'percent';

/** One column of a ledger sheet; `group` is the merged cell above a two-row header. */
export interface LedgerSheetColumn<T> {
  key: string;
  header: string;
  group?: string;
  width: number;
  kind: LedgerColumnKind;
  /** Text or an exact decimal string in 万元 (amount columns); null is a blank cell, never 0. */
  value?: (item: T) => string | null;
  /** For a percent column: the keys of the amount columns it divides (numerator, denominator). */
  shareOf?: readonly [string, string];
}

/** Everything a ledger sheet shows: its title lines, columns and the items grouped by category. */
export interface LedgerSheetSpec<T> {
  sheetName: string;
  title: string;
  /** 填报单位 (the office sending the sheet). */
  organisation: string;
  /** 填报日期 as printed, e.g. `2026年11月23日`. */
  date: string;
  columns: readonly LedgerSheetColumn<T>[];
  categories: readonly LedgerCategory<T>[];
}

const amountFormat = '#,##0.00';
const percentFormat = '0.0%';
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const font = { name: '宋体', size: 10 };

/**
 * Writes a ledger sheet the way offices send one up: a merged title, a 填报单位 / 填报日期 line, a
 * `单位：万元` line, a one- or two-row header (group cells merged over their sub-headers, single
 * headers merged down), a 合计 row on top, then per category a heading (`一、现代产业（24个）`),
 * its items with 序号 restarting at 1, and a 小计 row. 小计 and 合计 amounts are SUM formulas whose
 * cached values are computed exactly, shares are IF(plan=0,"",done/plan) formulas with their value
 * cached; the header is frozen and repeated on every printed page, landscape A4, fit to width.
 * Text is neutralised when the workbook is written (`workbookToBuffer`).
 */
export function addLedgerSheet<T>(workbook: ExcelJS.Workbook, spec: LedgerSheetSpec<T>): ExcelJS.Worksheet {
  const columns = spec.columns;
  const last = columns.length;
  const hasGroups = columns.some((c) => c.group);
  const headerTop = 4;
  const headerBottom = hasGroups ? 5 : 4;
  const nameIndex = Math.max(
    1,
    columns.findIndex((c) => c.kind === 'name'),
  );
  const sheet = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', xSplit: nameIndex + 1, ySplit: headerBottom }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerTop}:${headerBottom}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = columns.map((c) => ({ width: c.width, style: { font } }));

  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = spec.title;
  title.font = { name: '宋体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;

  const half = Math.max(1, Math.floor(last / 2));
  sheet.mergeCells(2, 1, 2, half);
  sheet.getCell(2, 1).value = `填报单位：${spec.organisation}`;
  sheet.mergeCells(2, half + 1, 2, last);
  sheet.getCell(2, half + 1).value = `填报日期：${spec.date}`;
  sheet.getCell(2, half + 1).alignment = { horizontal: 'right' };
  const unitsFrom = Math.max(1, last - 2);
  if (unitsFrom < last) sheet.mergeCells(3, unitsFrom, 3, last);
  sheet.getCell(3, unitsFrom).value = '单位：万元';
  sheet.getCell(3, unitsFrom).alignment = { horizontal: 'right' };

  writeHeader(sheet, columns, headerTop, headerBottom);
  const body = layoutLedgerBody(spec.categories, headerBottom + 1);
  const letters = new Map(columns.map((c, i) => [c.key, columnLetter(i)]));
  const sums = new Map<number, Map<string, string | null>>();
  // The 合计 sits on top but adds up the 小计 rows below it, so it is written last.
  for (const row of body) if (row.kind !== 'total') writeBodyRow(sheet, columns, letters, sums, row);
  for (const row of body) if (row.kind === 'total') writeBodyRow(sheet, columns, letters, sums, row);
  return sheet;
}

function writeHeader<T>(
  sheet: ExcelJS.Worksheet,
  columns: readonly LedgerSheetColumn<T>[],
  top: number,
  bottom: number,
) {
  columns.forEach((column, index) => {
    const col = index + 1;
    if (column.group && bottom > top) {
      const previous = columns[index - 1];
      if (previous?.group !== column.group) {
        let end = index;
        while (columns[end + 1]?.group === column.group) end++;
        sheet.getCell(top, col).value = column.group;
        if (end > index) sheet.mergeCells(top, col, top, end + 1);
      }
      sheet.getCell(bottom, col).value = column.header;
    } else {
      sheet.getCell(top, col).value = column.header;
      if (bottom > top) sheet.mergeCells(top, col, bottom, col);
    }
  });
  for (let r = top; r <= bottom; r++) {
    const row = sheet.getRow(r);
    row.height = bottom > top ? 24 : 36;
    for (let c = 1; c <= columns.length; c++) {
      const cell = row.getCell(c);
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = thin;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }
}

function writeBodyRow<T>(
  sheet: ExcelJS.Worksheet,
  columns: readonly LedgerSheetColumn<T>[],
  letters: Map<string, string>,
  sums: Map<number, Map<string, string | null>>,
  body: LedgerBodyRow<T>,
) {
  const row = sheet.getRow(body.row);
  const values = new Map<string, string | null>();
  const labelEnd = Math.max(
    1,
    columns.findIndex((c) => c.kind === 'name'),
  );
  if (body.kind === 'category') {
    // One merged cell across the sheet; styling its other cells would restyle this one (exceljs
    // forwards a merged cell's style to the master), so nothing else is touched.
    sheet.mergeCells(body.row, 1, body.row, columns.length);
    const heading = row.getCell(1);
    heading.value = body.heading;
    heading.font = { ...font, bold: true };
    heading.alignment = { horizontal: 'left', vertical: 'middle' };
    heading.border = thin;
    sums.set(body.row, values);
    return;
  }
  if (body.kind === 'total' || body.kind === 'subtotal') {
    sheet.mergeCells(body.row, 1, body.row, labelEnd + 1);
    row.getCell(1).value = body.kind === 'total' ? `合计（${body.count}个）` : `小计（${body.count}个）`;
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.font = { ...font, bold: true };
    columns.forEach((column, index) => {
      if (column.kind !== 'amount') return;
      const letter = letters.get(column.key)!;
      const rows =
        body.kind === 'subtotal' ? { from: body.firstItemRow, to: body.lastItemRow } : body.subtotalRows;
      const addends =
        body.kind === 'subtotal'
          ? rangeOf(body.firstItemRow, body.lastItemRow).map((r) => sums.get(r)?.get(column.key) ?? null)
          : body.subtotalRows.map((r) => sums.get(r)?.get(column.key) ?? null);
      const total = sumOfAmounts(addends);
      values.set(column.key, total);
      row.getCell(index + 1).value = { formula: sumFormula(letter, rows), result: Number(total) };
    });
  } else {
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      if (column.kind === 'seq') {
        cell.value = body.seq;
        return;
      }
      const value = column.value?.(body.item) ?? null;
      values.set(column.key, value);
      if (column.kind === 'amount') cell.value = value === null ? null : Number(value);
      else if (column.kind !== 'percent') cell.value = value;
    });
  }
  sums.set(body.row, values);
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.border = thin;
    if (column.kind === 'amount') {
      cell.numFmt = amountFormat;
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
    } else if (column.kind === 'percent') {
      cell.numFmt = percentFormat;
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      if (column.shareOf) shareCell(cell, body.row, column.shareOf, letters, values);
    } else if (body.kind === 'item') {
      cell.alignment = {
        horizontal: column.kind === 'seq' || column.kind === 'center' ? 'center' : 'left',
        vertical: 'middle',
        wrapText: column.kind === 'text' || column.kind === 'name',
      };
    }
  });
}

/** `IF(I8=0,"",M8/I8)` with the share cached (rounded to 0.1 % like its format); blank plan → "". */
function shareCell(
  cell: ExcelJS.Cell,
  rowNumber: number,
  [numeratorKey, denominatorKey]: readonly [string, string],
  letters: Map<string, string>,
  values: Map<string, string | null>,
) {
  const n = `${letters.get(numeratorKey)}${rowNumber}`;
  const d = `${letters.get(denominatorKey)}${rowNumber}`;
  const numerator = values.get(numeratorKey) ?? null;
  const denominator = values.get(denominatorKey) ?? null;
  const share = denominator === null || numerator === null ? null : ratio(numerator, denominator).percent;
  cell.value = {
    formula: `IF(N(${d})=0,"",N(${n})/${d})`,
    result: share === null ? '' : Number(share) / 100,
  };
}

const rangeOf = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
