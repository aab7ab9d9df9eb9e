import { Readable } from 'node:stream';
import { AppError, type LedgerCell } from '@tuijin/domain';
import ExcelJS from 'exceljs';
import { ledgerLimits } from './xlsx-guard';

export interface LedgerRow {
  sheetName: string;
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNumber: number;
  cells: LedgerCell[];
}

/** A cell as the parser sees it: formulas give their cached result, rich text its plain text. */
function plain(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return null;
}

/**
 * Streams the rows of every worksheet of an .xlsx without holding the workbook in memory (exceljs'
 * streaming reader), with each row's cells as plain values. Refuses sheets past the row and column
 * limits as it meets them.
 */
export async function* readLedgerRows(bytes: Buffer): AsyncGenerator<LedgerRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let rowsSeen = 0;
  for await (const worksheet of reader) {
    const sheetName = (worksheet as unknown as { name?: string }).name ?? '';
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      rowsSeen++;
      if (rowsSeen > ledgerLimits.maxRows) throw tooBig(`行数超过 ${ledgerLimits.maxRows}`);
      const values = row.values as ExcelJS.CellValue[];
      if (values.length - 1 > ledgerLimits.maxColumns) {
        throw tooBig(
          `工作表“${sheetName}”第 ${row.number} 行有 ${values.length - 1} 列，超过 ${ledgerLimits.maxColumns} 列上限`,
        );
      }
      const cells: LedgerCell[] = [];
      for (let column = 1; column < values.length; column++) cells.push(plain(values[column] ?? null));
      yield { sheetName, rowNumber: row.number, cells };
    }
  }
}

const tooBig = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);
