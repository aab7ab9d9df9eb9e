import type { FundImportProblem } from '@tuijin/contracts';
import {
  cleanText,
  compareDecimals,
  type FundKind,
  type FundSheetColumn,
  fundKindFromText,
  fundSheetHeadings,
  fundYearFromCell,
  type LedgerCell,
  matchFundHeading,
  parseUnitFromText,
  parseWanYuan,
  readSheetDate,
} from '@tuijin/domain';
import { columnLetter, readLedgerRows } from '../../lib/xlsx-rows';

/** What one data row of a 资金台账 sheet records: an allocation, or a payment against one. */
export interface FundSheetRow {
  row: number;
  record: 'allocation' | 'payment';
  projectCode: string;
  kind: FundKind;
  year: number;
  batch: string | null;
  amountWanYuan: string;
  /** 下达日期 or 支付日期. */
  on: string;
  /** 下达文号 (else 凭证/说明) of an allocation; 凭证/说明 of a payment. */
  text: string | null;
}

export interface FundSheet {
  sheet: string;
  rows: FundSheetRow[];
  problems: FundImportProblem[];
  /** The column letter of each column found, to name a cell in later problems. */
  columns: Partial<Record<FundSheetColumn, string>>;
}

const limits = { batch: 50, documentNumber: 100, note: 500 };

/**
 * Reads a 资金台账 sheet: the first sheet with a heading row (within its first ten rows) naming at
 * least 项目代码, 资金类型 and an amount column (headings matched by their words, domain
 * `matchFundHeading`). Each later row records one allocation (下达金额 + 下达日期) or one payment
 * (支付金额 + 支付日期), never both; a blank row or a total (合计/小计) is skipped. Amounts are 万元
 * through the domain's `parseWanYuan` (an amount column headed in 元 or 亿元 is refused), dates real
 * and not after `today`. Every bad cell is a problem naming its row and column, as Excel shows them.
 */
export async function readFundSheet(bytes: Buffer, today: string): Promise<FundSheet> {
  let sheet: string | null = null;
  let at: Partial<Record<FundSheetColumn, number>> | null = null;
  let headingRow = 0;
  const rows: FundSheetRow[] = [];
  const problems: FundImportProblem[] = [];
  for await (const line of readLedgerRows(bytes)) {
    if (at && line.sheetName !== sheet) break;
    if (!at) {
      if (line.rowNumber > 10) continue;
      const found: Partial<Record<FundSheetColumn, number>> = {};
      line.cells.forEach((cell, index) => {
        const column = matchFundHeading(cell);
        if (column && found[column] === undefined) found[column] = index;
      });
      const hasAmount = found.allocatedAmount !== undefined || found.paidAmount !== undefined;
      if (found.code === undefined || found.kind === undefined || !hasAmount) continue;
      at = found;
      sheet = line.sheetName;
      headingRow = line.rowNumber;
      problems.push(...headingProblems(found, line.cells, headingRow));
      // A heading the rows cannot be read under: say so, and nothing else.
      if (problems.length > 0) break;
      continue;
    }
    if (line.rowNumber <= headingRow) continue;
    const read = readRow(line.cells, at, line.rowNumber, today);
    if (read === null) continue;
    if ('problems' in read) problems.push(...read.problems);
    else rows.push(read.row);
  }
  if (!at)
    return {
      sheet: '',
      rows: [],
      problems: [
        {
          row: 1,
          column: null,
          message:
            '没有找到表头：前 10 行中应有“项目代码”“资金类型”列和“下达金额（万元）”或“支付金额（万元）”列',
        },
      ],
      columns: {},
    };
  const columns = Object.fromEntries(
    Object.entries(at).map(([key, index]) => [key, columnLetter(index)]),
  ) as Partial<Record<FundSheetColumn, string>>;
  if (rows.length === 0 && problems.length === 0)
    problems.push({ row: headingRow, column: null, message: '表中没有资金下达或支付数据行' });
  return { sheet: sheet ?? '', rows, problems, columns };
}

/** A heading row missing a column its amounts need, or an amount column not in 万元. */
function headingProblems(
  at: Partial<Record<FundSheetColumn, number>>,
  cells: LedgerCell[],
  row: number,
): FundImportProblem[] {
  const problems: FundImportProblem[] = [];
  if (at.year === undefined)
    problems.push({ row, column: null, message: '表头缺少“年度”列（资金年度，如 2026）' });
  const pairs: [FundSheetColumn, FundSheetColumn][] = [
    ['allocatedAmount', 'issuedOn'],
    ['paidAmount', 'paidOn'],
  ];
  for (const [amount, date] of pairs) {
    if (at[amount] !== undefined && at[date] === undefined)
      problems.push({
        row,
        column: null,
        message: `表头有“${fundSheetHeadings[amount]}”但缺少“${fundSheetHeadings[date]}”列`,
      });
    const index = at[amount];
    if (index === undefined) continue;
    const unit = parseUnitFromText(cells[index]);
    if (unit === 'yuan' || unit === 'yiYuan')
      problems.push({
        row,
        column: columnLetter(index),
        message: `“${cleanText(cells[index])}”：金额须以万元填写（表头写“${fundSheetHeadings[amount]}”）`,
      });
  }
  return problems;
}

const text = (cell: LedgerCell | undefined) => cleanText(cell) ?? '';

/**
 * One data row: null when blank in the columns read or a total, else its record or the problems of
 * its cells.
 */
function readRow(
  cells: LedgerCell[],
  at: Partial<Record<FundSheetColumn, number>>,
  row: number,
  today: string,
): { row: FundSheetRow } | { problems: FundImportProblem[] } | null {
  const cell = (column: FundSheetColumn) => (at[column] === undefined ? null : (cells[at[column]] ?? null));
  const where = (column: FundSheetColumn) => (at[column] === undefined ? null : columnLetter(at[column]));
  const texts = cells.map(text);
  // A row blank in every column the import reads (a pre-numbered 序号 alone) is no record.
  if (Object.values(at).every((index) => (texts[index] ?? '') === '')) return null;
  if (texts.some((t) => /^(合\s*计|小\s*计|总\s*计)/.test(t))) return null;
  const problems: FundImportProblem[] = [];
  const problem = (column: FundSheetColumn | null, message: string) =>
    problems.push({ row, column: column === null ? null : where(column), message });

  const projectCode = text(cell('code')).replace(/\s+/g, '');
  const name = text(cell('name'));
  if (!projectCode) problem('code', `没有项目代码${name ? `（${name}）` : ''}，无法对应到项目`);
  const kind = fundKindFromText(cell('kind'));
  if (!kind)
    problem(
      'kind',
      text(cell('kind'))
        ? `资金类型“${text(cell('kind'))}”无法识别：应为专项债券、中央预算内投资或超长期特别国债`
        : '资金类型为空',
    );
  const year = fundYearFromCell(cell('year'));
  if (year === null && at.year !== undefined)
    problem(
      'year',
      text(cell('year')) ? `年度“${text(cell('year'))}”应为 2000–2100 的年份，如 2026` : '年度为空',
    );
  const batch = text(cell('batch')) || null;
  if (batch && batch.length > limits.batch) problem('batch', `批次不能超过 ${limits.batch} 个字`);

  const allocated = text(cell('allocatedAmount')) !== '';
  const paid = text(cell('paidAmount')) !== '';
  if (allocated && paid)
    problem(null, '一行只能登记一笔下达或一笔支付：下达金额和支付金额不能同时填写，请分两行');
  if (!allocated && !paid) problem(null, '下达金额和支付金额都为空：每行须登记一笔下达或一笔支付');
  const record = allocated && !paid ? 'allocation' : 'payment';
  const amountColumn = record === 'allocation' ? 'allocatedAmount' : 'paidAmount';
  const dateColumn = record === 'allocation' ? 'issuedOn' : 'paidOn';
  const what = record === 'allocation' ? '下达' : '支付';
  let amountWanYuan = '';
  let on = '';
  if (allocated !== paid) {
    const raw = cell(amountColumn);
    const reading = parseWanYuan(typeof raw === 'number' ? raw : text(raw));
    if (!reading.ok)
      problem(
        amountColumn,
        reading.problem === 'negative'
          ? `${what}金额不能为负数`
          : `${what}金额“${text(raw)}”不是以万元计的金额（最多 4 位小数）`,
      );
    else if (compareDecimals(reading.value, '0') === 0) problem(amountColumn, `${what}金额须大于 0`);
    else amountWanYuan = reading.value;
    const date = readSheetDate(cell(dateColumn), today);
    if (!date.ok)
      problem(
        dateColumn,
        date.problem === 'blank'
          ? `${what}日期为空`
          : date.problem === 'future'
            ? `${what}日期 ${text(cell(dateColumn))} 晚于今天`
            : `${what}日期“${text(cell(dateColumn))}”不是有效日期（如 2026-03-18）`,
      );
    else on = date.value;
  }
  const documentNumber = text(cell('documentNumber')) || null;
  const note = text(cell('note')) || null;
  const rowText = record === 'allocation' ? (documentNumber ?? note) : note;
  const limit = record === 'allocation' ? limits.documentNumber : limits.note;
  if (rowText && rowText.length > limit)
    problem(
      record === 'allocation' && documentNumber ? 'documentNumber' : 'note',
      `${record === 'allocation' ? '下达文号' : '凭证/说明'}不能超过 ${limit} 个字`,
    );
  if (problems.length > 0) return { problems };
  return {
    row: {
      row,
      record,
      projectCode,
      kind: kind!,
      year: year!,
      batch,
      amountWanYuan,
      on,
      text: rowText,
    },
  };
}
