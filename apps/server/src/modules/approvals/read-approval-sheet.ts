import {
  type ApprovalImportIssue,
  cleanText,
  isIgnoredApprovalHeading,
  type LedgerCell,
  projectHeadingKind,
} from '@tuijin/domain';
import { columnLetter, type LedgerRow } from '../../lib/xlsx-rows';

/** A problem found while reading a sheet, before anything is matched. */
export interface SheetProblem {
  sheet: string;
  row: number;
  column: string | null;
  issue: ApprovalImportIssue;
  params: Record<string, string>;
}

/** A procedure column of the header: where it is and what it says. */
export interface ProcedureColumn {
  index: number;
  letter: string;
  heading: string;
}

/** A data row: the project as written and its procedure cells by column index. */
export interface ApprovalSheetRow {
  sheet: string;
  row: number;
  code: string | null;
  name: string | null;
  cells: Map<number, LedgerCell>;
}

export interface ApprovalSheet {
  sheet: string;
  headerRow: number;
  columns: ProcedureColumn[];
  rows: ApprovalSheetRow[];
}

/** How far down a sheet the header may be (a title and a note or two above it). */
const headerSearchRows = 10;

/**
 * Splits the rows of a workbook into 前期手续 sheets: the header is the first row (within the first
 * ten) holding a 项目编码 or 项目名称 cell; every other non-blank heading after it is a procedure
 * column unless offices keep it beside the procedures (序号, 备注…). A sheet without such a row (a
 * 填写说明 sheet) is passed over; a workbook without any is one `noHeader` problem. Blank rows are
 * skipped.
 */
export function readApprovalSheets(rows: readonly LedgerRow[]): {
  sheets: ApprovalSheet[];
  problems: SheetProblem[];
} {
  const bySheet = new Map<string, LedgerRow[]>();
  for (const row of rows) bySheet.set(row.sheetName, [...(bySheet.get(row.sheetName) ?? []), row]);
  const sheets: ApprovalSheet[] = [];
  const problems: SheetProblem[] = [];
  for (const [sheet, sheetRows] of bySheet) {
    const header = sheetRows
      .filter((r) => r.rowNumber <= headerSearchRows)
      .find((r) => r.cells.some((cell) => projectHeadingKind(cell) !== null));
    if (!header) continue;
    let codeIndex: number | null = null;
    let nameIndex: number | null = null;
    const columns: ProcedureColumn[] = [];
    const seen = new Map<string, string>();
    header.cells.forEach((cell, index) => {
      const heading = cleanText(cell);
      if (!heading) return;
      const kind = projectHeadingKind(cell);
      if (kind === 'code' && codeIndex === null) codeIndex = index;
      else if (kind === 'name' && nameIndex === null) nameIndex = index;
      else if (kind === null && !isIgnoredApprovalHeading(cell)) {
        const letter = columnLetter(index);
        if (seen.has(heading))
          problems.push({
            sheet,
            row: header.rowNumber,
            column: letter,
            issue: 'duplicateHeading',
            params: { heading, firstColumn: seen.get(heading)! },
          });
        else {
          seen.set(heading, letter);
          columns.push({ index, letter, heading });
        }
      }
    });
    const text = (cells: readonly LedgerCell[], index: number | null) =>
      index === null ? null : cleanText(cells[index] ?? null);
    const data = sheetRows
      .filter((r) => r.rowNumber > header.rowNumber)
      .map((r) => ({
        sheet,
        row: r.rowNumber,
        code: text(r.cells, codeIndex),
        name: text(r.cells, nameIndex),
        cells: new Map(
          columns
            .filter((c) => cleanText(r.cells[c.index] ?? null) !== null)
            .map((c) => [c.index, r.cells[c.index] ?? null] as const),
        ),
      }))
      .filter((r) => r.code !== null || r.name !== null || r.cells.size > 0);
    sheets.push({ sheet, headerRow: header.rowNumber, columns, rows: data });
  }
  if (sheets.length === 0)
    problems.push({ sheet: rows[0]?.sheetName ?? '', row: 1, column: null, issue: 'noHeader', params: {} });
  return { sheets, problems };
}
