import type { StatisticsImportProblem } from '@tuijin/contracts';
import { formatDecimal, type LedgerCell, parseDecimal, parseWanYuan } from '@tuijin/domain';
import { columnLetter, readLedgerRows } from '../../lib/xlsx-rows';

/** A data row of the statistics bureau's sheet: the project's code and name and its 入统 figure. */
export interface StatisticsSheetRow {
  row: number;
  projectCode: string;
  projectName: string;
  /** 1–N 月累计入统投资 in 万元 (converted from 亿元 or 元 when the heading says so). */
  yearToDateWanYuan: string;
}

export interface StatisticsSheet {
  sheet: string;
  rows: StatisticsSheetRow[];
  problems: StatisticsImportProblem[];
}

const codeHeading = /项目(统一)?(代码|编码|编号)/;
const nameHeading = /项目名称/;
/** 本年累计完成投资 / 1-10月累计入统投资 / 入统投资（万元）… */
const amountHeading = /(累计|入统|1\s*[-—–~至]\s*\d{1,2}\s*月).*投资|投资.*(累计|入统)/;

const cellText = (cell: LedgerCell | undefined): string =>
  cell === null || cell === undefined
    ? ''
    : cell instanceof Date
      ? cell.toISOString().slice(0, 10)
      : String(cell).trim();

/** How many 万元 one unit of the heading's figures is: 亿元 ×10 000, 元 ÷10 000, else 万元. */
function unitOf(heading: string): 'yi' | 'yuan' | 'wan' {
  if (/亿元/.test(heading)) return 'yi';
  if (/万元/.test(heading)) return 'wan';
  if (/[（(]\s*元\s*[)）]/.test(heading)) return 'yuan';
  return 'wan';
}

function toWanYuan(value: string, unit: 'yi' | 'yuan' | 'wan'): string {
  if (unit === 'wan') return value;
  const scaled = parseDecimal(value);
  return formatDecimal(unit === 'yi' ? scaled * 10_000n : scaled / 10_000n);
}

/**
 * Reads the statistics bureau's sheet (统计局入统数据): the first sheet with a heading row (within its
 * first ten rows) naming the project code (项目代码/编码) and a year-to-date investment column
 * (本年累计完成投资, 1–N 月累计入统投资…; in 万元 unless the heading says 亿元 or 元). Each later row
 * with a code is a figure; a row without one is skipped when it is blank or a total (合计/小计), and
 * named otherwise. Problems say the row and column, as Excel shows them.
 */
export async function readStatisticsSheet(bytes: Buffer): Promise<StatisticsSheet> {
  let sheet: string | null = null;
  let columns: { code: number; name: number | null; amount: number; unit: 'yi' | 'yuan' | 'wan' } | null =
    null;
  let headingRow = 0;
  const rows: StatisticsSheetRow[] = [];
  const problems: StatisticsImportProblem[] = [];
  for await (const line of readLedgerRows(bytes)) {
    if (sheet !== null && line.sheetName !== sheet) {
      if (columns) break;
    }
    if (!columns) {
      if (line.rowNumber > 10) continue;
      const texts = line.cells.map(cellText);
      const code = texts.findIndex((t) => codeHeading.test(t));
      const amount = texts.findIndex((t) => amountHeading.test(t));
      if (code >= 0 && amount >= 0) {
        const name = texts.findIndex((t) => nameHeading.test(t));
        columns = { code, name: name >= 0 ? name : null, amount, unit: unitOf(texts[amount]!) };
        sheet = line.sheetName;
        headingRow = line.rowNumber;
      }
      continue;
    }
    if (line.sheetName !== sheet || line.rowNumber <= headingRow) continue;
    const texts = line.cells.map(cellText);
    const projectCode = (texts[columns.code] ?? '').replace(/\s+/g, '');
    const projectName = columns.name === null ? '' : (texts[columns.name] ?? '');
    const amountCell = line.cells[columns.amount] ?? null;
    if (!projectCode) {
      const blank = texts.every((t) => t === '');
      const total = texts.some((t) => /^(合\s*计|小\s*计|总\s*计)/.test(t));
      if (!blank && !total)
        problems.push({
          row: line.rowNumber,
          column: columnLetter(columns.code),
          message: `没有项目代码${projectName ? `（${projectName}）` : ''}，无法对应到项目`,
        });
      continue;
    }
    const reading = parseWanYuan(typeof amountCell === 'number' ? amountCell : cellText(amountCell));
    if (!reading.ok) {
      problems.push({
        row: line.rowNumber,
        column: columnLetter(columns.amount),
        message:
          reading.problem === 'blank'
            ? `项目代码 ${projectCode} 的累计入统投资为空`
            : reading.problem === 'negative'
              ? `项目代码 ${projectCode} 的累计入统投资不能为负数`
              : `项目代码 ${projectCode} 的累计入统投资“${cellText(amountCell)}”不是金额`,
      });
      continue;
    }
    rows.push({
      row: line.rowNumber,
      projectCode,
      projectName,
      yearToDateWanYuan: toWanYuan(reading.value, columns.unit),
    });
  }
  if (!columns)
    return {
      sheet: '',
      rows: [],
      problems: [
        {
          row: 1,
          column: null,
          message: '没有找到表头：前 10 行中应有“项目代码”列和“本年累计完成投资（万元）”之类的累计投资列',
        },
      ],
    };
  return { sheet: sheet ?? '', rows, problems };
}
