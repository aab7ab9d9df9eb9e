import type { WorkerImportProblem } from '@tuijin/contracts';
import {
  accommodationNames,
  addCalendarDays,
  checkIdNumber,
  cleanText,
  codeFromName,
  idNumberProblemMessages,
  type LedgerCell,
  matchWorkerHeading,
  provinceFromText,
  readSheetDate,
  type WorkerSheetColumn,
  workerSheetHeadings,
} from '@tuijin/domain';
import { columnLetter, readLedgerRows } from '../../lib/xlsx-rows';
import { arrivalLeadDays, type WorkerFields } from './worker-fields';

/** One data row of a 实名制花名册: the worker's fields with the contractor named, not yet resolved. */
export interface WorkerSheetRow {
  row: number;
  idNumber: string;
  contractorName: string | null;
  fields: Omit<WorkerFields, 'contractorId'>;
}

export interface WorkerSheet {
  sheet: string;
  rows: WorkerSheetRow[];
  problems: WorkerImportProblem[];
  columns: Partial<Record<WorkerSheetColumn, string>>;
}

const limits = { name: 50, phone: 20, trade: 30, team: 50, originCity: 30, originCounty: 30, passNumber: 40 };
const text = (cell: LedgerCell | undefined) => cleanText(cell) ?? '';

/**
 * Reads a 实名制花名册: the first sheet with a heading row (within its first ten rows) naming at least
 * 姓名 and 身份证号码 (synonyms: `matchWorkerHeading`); 到岗日期 and 来源省份 are then required.
 * Each later row is one worker; a blank row or a total is skipped. Dates are read as the funds sheet
 * reads them (arrival at most 30 days ahead, departure not after today nor before the arrival).
 * Every bad cell is a problem naming its row and column as Excel shows them; the 身份证号码 is checked here (GB 11643) and indexed by
 * the import.
 */
export async function readWorkerSheet(bytes: Buffer, today: string): Promise<WorkerSheet> {
  let sheet: string | null = null;
  let at: Partial<Record<WorkerSheetColumn, number>> | null = null;
  let headingRow = 0;
  const rows: WorkerSheetRow[] = [];
  const problems: WorkerImportProblem[] = [];
  for await (const line of readLedgerRows(bytes)) {
    if (at && line.sheetName !== sheet) break;
    if (!at) {
      if (line.rowNumber > 10) continue;
      const found: Partial<Record<WorkerSheetColumn, number>> = {};
      line.cells.forEach((cell, index) => {
        const column = matchWorkerHeading(cell);
        if (column && found[column] === undefined) found[column] = index;
      });
      if (found.name === undefined || found.idNumber === undefined) continue;
      at = found;
      sheet = line.sheetName;
      headingRow = line.rowNumber;
      for (const column of ['arrivedOn', 'originProvince'] as const)
        if (found[column] === undefined)
          problems.push({
            row: headingRow,
            column: null,
            message: `表头缺少“${workerSheetHeadings[column]}”列`,
          });
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
      problems: [{ row: 1, column: null, message: '没有找到表头：前 10 行中应有“姓名”“身份证号码”列' }],
      columns: {},
    };
  const columns = Object.fromEntries(
    Object.entries(at).map(([key, index]) => [key, columnLetter(index)]),
  ) as Partial<Record<WorkerSheetColumn, string>>;
  if (rows.length === 0 && problems.length === 0)
    problems.push({ row: headingRow, column: null, message: '表中没有工人数据行' });
  return { sheet: sheet ?? '', rows, problems, columns };
}

function readRow(
  cells: LedgerCell[],
  at: Partial<Record<WorkerSheetColumn, number>>,
  row: number,
  today: string,
): { row: WorkerSheetRow } | { problems: WorkerImportProblem[] } | null {
  const cell = (column: WorkerSheetColumn) => (at[column] === undefined ? null : (cells[at[column]] ?? null));
  const where = (column: WorkerSheetColumn) => (at[column] === undefined ? null : columnLetter(at[column]));
  const texts = cells.map(text);
  if (Object.values(at).every((index) => (texts[index] ?? '') === '')) return null;
  if (texts.some((t) => /^(合\s*计|小\s*计|总\s*计)/.test(t))) return null;
  const problems: WorkerImportProblem[] = [];
  const problem = (column: WorkerSheetColumn | null, message: string) =>
    problems.push({ row, column: column === null ? null : where(column), message });
  const optional = (column: keyof typeof limits) => {
    const value = text(cell(column)) || null;
    if (value && value.length > limits[column])
      problem(column, `${workerSheetHeadings[column]}不能超过 ${limits[column]} 个字`);
    return value;
  };

  const name = optional('name');
  if (!name) problem('name', '姓名为空');
  const id = checkIdNumber(text(cell('idNumber')), today);
  if (!id.ok) problem('idNumber', idNumberProblemMessages[id.problem]);
  const idNumber = id.ok ? id.value : '';
  const phone = optional('phone')?.replace(/[\s-]/g, '') ?? null;
  if (phone && !/^1\d{10}$/.test(phone)) problem('phone', `手机号码“${phone}”应为 11 位数字`);
  const provinceText = text(cell('originProvince'));
  const originProvince = provinceFromText(provinceText);
  if (!originProvince)
    problem(
      'originProvince',
      provinceText ? `来源省份“${provinceText}”无法识别，请填写省级行政区名称，如 四川省` : '来源省份为空',
    );
  const arrived = readSheetDate(cell('arrivedOn'), addCalendarDays(today, arrivalLeadDays));
  if (!arrived.ok)
    problem(
      'arrivedOn',
      arrived.problem === 'blank'
        ? '到岗日期为空'
        : arrived.problem === 'future'
          ? `到岗日期 ${text(cell('arrivedOn'))} 超过今天 ${arrivalLeadDays} 天以上`
          : `到岗日期“${text(cell('arrivedOn'))}”不是有效日期（如 2026-02-01）`,
    );
  let departedOn: string | null = null;
  if (text(cell('departedOn')) !== '' || cell('departedOn') instanceof Date) {
    const departed = readSheetDate(cell('departedOn'), today);
    if (!departed.ok)
      problem(
        'departedOn',
        departed.problem === 'future'
          ? `离场日期 ${text(cell('departedOn'))} 晚于今天`
          : `离场日期“${text(cell('departedOn'))}”不是有效日期（如 2026-03-01）`,
      );
    else if (arrived.ok && departed.value < arrived.value) problem('departedOn', '离场日期早于到岗日期');
    else departedOn = departed.value;
  }
  const accommodationText = text(cell('accommodation'));
  const accommodation = codeFromName(accommodationNames, accommodationText);
  if (accommodationText && !accommodation)
    problem('accommodation', `住宿安置“${accommodationText}”应为 企业就地安置、乡村接纳 或 政府协调`);
  if (problems.length > 0) return { problems };
  return {
    row: {
      row,
      idNumber,
      contractorName: text(cell('contractor')) || null,
      fields: {
        name: name!,
        phone,
        trade: optional('trade'),
        team: optional('team'),
        originProvince: originProvince!,
        originCity: optional('originCity'),
        originCounty: optional('originCounty'),
        arrivedOn: arrived.ok ? arrived.value : '',
        departedOn,
        accommodation,
        passNumber: optional('passNumber'),
      },
    },
  };
}
