import { neutraliseCellText } from '@tuijin/domain';
import type ExcelJS from 'exceljs';

/**
 * Neutralises text for a spreadsheet cell (see `neutraliseCellText`): text beginning with `=`, `+`,
 * `-`, `@`, tab or carriage return gets a leading apostrophe kept as part of the text.
 */
export const safeCellText = neutraliseCellText;

/**
 * Neutralises every text cell of a workbook in place: plain strings and rich text (its first run);
 * formulas, numbers and dates are left alone. Merged cells are handled at their master cell.
 */
export function neutraliseWorkbook(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        if (typeof value === 'string') {
          const safe = neutraliseCellText(value);
          if (safe !== value) cell.value = safe;
        } else if (value && typeof value === 'object' && 'richText' in value) {
          const [first, ...rest] = value.richText;
          if (first && neutraliseCellText(first.text) !== first.text) {
            cell.value = { richText: [{ ...first, text: neutraliseCellText(first.text) }, ...rest] };
          }
        }
      });
    });
  });
}

/**
 * The one way the server turns a workbook into .xlsx bytes: every export goes through here, so no
 * text cell can reach a reader as a formula, whatever the export forgot (a test holds every export
 * to this).
 */
export async function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  neutraliseWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The media type of an .xlsx download. */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 5987 Content-Disposition for a download with a Chinese file name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
