import { normaliseHeader } from '../ledger/columns';
import { cleanText, type LedgerCell, toHalfWidth } from '../ledger/text';
import type { FundKind } from './funds';

/**
 * The columns of a 资金台账 sheet (the finance bureau's 专项债 list, the NDRC's 中央预算内 list, or
 * the office's own), each found by its heading words: 项目代码, 项目名称 (for people; the code
 * decides), 资金类型, 年度, 批次, 下达金额（万元）, 下达日期, 下达文号, 支付金额（万元）, 支付日期,
 * 凭证/说明. Source: issue 16 item 11.
 */
export const fundSheetColumns = [
  'code',
  'name',
  'kind',
  'year',
  'batch',
  'allocatedAmount',
  'issuedOn',
  'documentNumber',
  'paidAmount',
  'paidOn',
  'note',
] as const;
export type FundSheetColumn = (typeof fundSheetColumns)[number];

/** zh-CN heading of each column, as the template writes it and messages name it. */
export const fundSheetHeadings: Record<FundSheetColumn, string> = {
  code: '项目代码',
  name: '项目名称',
  kind: '资金类型',
  year: '年度',
  batch: '批次',
  allocatedAmount: '下达金额（万元）',
  issuedOn: '下达日期',
  documentNumber: '下达文号',
  paidAmount: '支付金额（万元）',
  paidOn: '支付日期',
  note: '凭证/说明',
};

/** Heading words per column, tried in this order on the normalised heading (units and brackets gone). */
const headingPatterns: [FundSheetColumn, RegExp][] = [
  ['code', /^项目(统一)?(代码|编码|编号)$/],
  ['name', /^项目名称$/],
  ['kind', /^(资金)?(类型|类别|种类|性质)$|^资金来源$/],
  ['year', /^(资金)?(年度|年份)$/],
  ['batch', /^(资金)?(下达)?批次$/],
  ['allocatedAmount', /^(资金)?下达(资金)?(金额|额度|资金)$/],
  ['issuedOn', /^(资金)?下达(日期|时间)$/],
  ['documentNumber', /^(下达)?文号$|^下达文件(文号)?$/],
  ['paidAmount', /^(资金)?(支付|拨付)(资金)?(金额|资金)$/],
  ['paidOn', /^(资金)?(支付|拨付)(日期|时间)$/],
  ['note', /^(支付)?(凭证|说明|备注)(\/(说明|备注))?$|^凭证号$/],
];

/**
 * The column a heading cell names, or null: matched on its words (blanks, full-width forms and the
 * bracketed unit ignored), so `下达金额（万元）`, `下达资金(万元)` and `资金下达金额` all name the
 * allocated amount.
 */
export function matchFundHeading(cell: LedgerCell | undefined): FundSheetColumn | null {
  const words = normaliseHeader(cell);
  if (!words) return null;
  for (const [column, pattern] of headingPatterns) if (pattern.test(words)) return column;
  return null;
}

const kindWords: [RegExp, FundKind][] = [
  [/^(地方政府)?(新增)?专项(债|债券|债券资金|债资金)$/, 'specialBond'],
  [/^中央预算内(投资|资金|投资资金)?$/, 'centralBudget'],
  [/^超长期(特别)?国债(资金)?$/, 'ultraLongTreasury'],
];

/**
 * The fund kind a cell names: 专项债 / 专项债券 / 地方政府专项债券 → specialBond, 中央预算内 /
 * 中央预算内投资 → centralBudget, 超长期特别国债 → ultraLongTreasury; anything else null.
 */
export function fundKindFromText(cell: LedgerCell | undefined): FundKind | null {
  const text = toHalfWidth(cleanText(cell) ?? '').replace(/\s+/g, '');
  for (const [pattern, kind] of kindWords) if (pattern.test(text)) return kind;
  return null;
}

/** A sheet's year cell (`2026`, `2026年`, `２０２６`) as a year of 2000–2100, else null. */
export function fundYearFromCell(cell: LedgerCell | undefined): number | null {
  const text = toHalfWidth(cleanText(cell) ?? '').replace(/\s+/g, '');
  const match = /^(\d{4})(年度?)?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** Why a date cell is not a usable date: left blank, not a real date, or later than today. */
export type SheetDateProblem = 'blank' | 'format' | 'future';
export type SheetDateReading = { ok: true; value: string } | { ok: false; problem: SheetDateProblem };

const pad2 = (n: number) => String(n).padStart(2, '0');
const datePattern = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/;

/**
 * A date cell of a sheet as YYYY-MM-DD: an Excel date, an Excel date serial, or text written
 * `2026-03-18`, `2026/3/18`, `2026.3.18` or `2026年3月18日` (full-width forms allowed). It must be a
 * real calendar date of 1990–2100 (2026-02-30 is not) and not after `today` (YYYY-MM-DD, China):
 * money is recorded once issued or paid.
 */
export function readSheetDate(cell: LedgerCell | undefined, today: string): SheetDateReading {
  let value: string | null = null;
  if (cell === null || cell === undefined || cell === '') return { ok: false, problem: 'blank' };
  if (cell instanceof Date) value = cleanText(cell);
  else if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 32874 && cell <= 73415) {
      const date = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000);
      value = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
    }
  } else {
    const text = toHalfWidth(cleanText(cell) ?? '').replace(/\s+/g, '');
    if (text === '') return { ok: false, problem: 'blank' };
    const match = datePattern.exec(text);
    if (match) {
      const year = Number(match[1]);
      const month = Number(match[2] ?? match[4]);
      const day = Number(match[3] ?? match[5]);
      const date = new Date(Date.UTC(year, month - 1, day));
      if (
        year >= 1990 &&
        year <= 2100 &&
        date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day
      )
        value = `${year}-${pad2(month)}-${pad2(day)}`;
    }
  }
  if (value === null) return { ok: false, problem: 'format' };
  if (value > today) return { ok: false, problem: 'future' };
  return { ok: true, value };
}

/**
 * How a 资金台账 sheet is laid out, as the template's 说明 sheet states it (the web drawer says the
 * same in short).
 */
export const fundSheetGuide = [
  '第一个工作表须有表头行（前 10 行内），表头文字可略有不同（如“下达资金（万元）”“资金下达金额”）。必填列：项目代码、资金类型、年度，以及下达金额/下达日期或支付金额/支付日期。',
  '每行登记一笔资金下达或一笔资金支付，不能两者都填：',
  '  填“下达金额（万元）”和“下达日期”的行登记一笔资金下达；“下达文号”可填（不填时取“凭证/说明”）；',
  '  填“支付金额（万元）”和“支付日期”的行登记一笔支付，记在同一项目、同一资金类型、同一年度、同一批次的那笔下达上（该笔下达可在本表中，也可已在系统中登记）；“凭证/说明”记为支付说明。',
  '项目代码须为本辖区项目库中的项目；资金类型写“专项债券”（或专项债）、“中央预算内投资”（或中央预算内）、“超长期特别国债”；年度为资金年度，如 2026；批次可空，如“第三批”。',
  '金额以万元为单位，最多 4 位小数，须大于 0；日期写 2026-03-18、2026/3/18 或 2026年3月18日（或 Excel 日期），不能晚于今天。',
  '支付日期不能早于下达日期；同一笔下达的累计支付不能超过下达金额，超过的行不予导入。',
  '重复导入不会重复登记：同一项目、资金类型、年度、批次的下达，以及同一笔下达上日期、金额和凭证/说明都相同的支付，已登记的视为已有；已登记的下达金额或日期与表中不同时报错，请在项目资金页修改。',
  '先“预检”查看将登记的每一笔和所有问题（按行列出），确认无误后再导入；有任何错误时整表不导入。',
];
