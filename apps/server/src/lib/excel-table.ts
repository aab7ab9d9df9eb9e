import type ExcelJS from 'exceljs';

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export interface TableColumn {
  header: string;
  width: number;
}

/**
 * Lays an office's ledger out on a sheet: a bold centred title over the columns, an optional note
 * line (统计截至…；金额单位：万元), the heading row shaded, the data rows and an optional bold total
 * row, all with thin borders. Amounts go in as exact decimal strings. Answers the heading row's number.
 */
export function writeTitledTable(
  sheet: ExcelJS.Worksheet,
  input: {
    title: string;
    note?: string;
    columns: readonly TableColumn[];
    rows: readonly (readonly ExcelJS.CellValue[])[];
    total?: readonly ExcelJS.CellValue[];
  },
): number {
  const width = input.columns.length;
  let next = 1;
  sheet.mergeCells(next, 1, next, width);
  const title = sheet.getCell(next, 1);
  title.value = input.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  next += 1;
  if (input.note) {
    sheet.mergeCells(next, 1, next, width);
    sheet.getCell(next, 1).value = input.note;
    next += 1;
  }
  const headingRow = next;
  const head = sheet.getRow(headingRow);
  input.columns.forEach((column, i) => {
    const cell = head.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = border;
    sheet.getColumn(i + 1).width = column.width;
  });
  const bordered = (row: ExcelJS.Row) =>
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column <= width) cell.border = border;
    });
  input.rows.forEach((values, i) => {
    const row = sheet.getRow(headingRow + 1 + i);
    row.values = [...values];
    bordered(row);
  });
  if (input.total) {
    const row = sheet.getRow(headingRow + 1 + input.rows.length);
    row.values = [...input.total];
    row.font = { bold: true };
    bordered(row);
  }
  return headingRow;
}
