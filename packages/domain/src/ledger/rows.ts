import { parseUnitFromText } from './amounts';
import { type ColumnKey, matchColumn } from './columns';
import { cleanText, type LedgerCell, toHalfWidth } from './text';

/** What a ledger row is, so the importer knows to read it, use it, or pass it by. */
export const rowKinds = [
  'title',
  'units',
  'header',
  'total',
  'subtotal',
  'category',
  'blank',
  'note',
  'data',
] as const;
export type RowKind = (typeof rowKinds)[number];

/** Where the reader is: above the header or below it, and the columns the header mapped. */
export interface RowContext {
  afterHeader: boolean;
  columns?: Partial<Record<ColumnKey, number>>;
}

interface Filled {
  index: number;
  text: string;
}

/** Text without blanks, half-width, so `注 ：` and `注:` look alike. */
const compact = (text: string) => toHalfWidth(text).replace(/\s+/g, '');

const unitStatement =
  /[([【]?(?:金额|计量|货币)?单位:?(?:亿元|万元|元)[)\]】]?|[([【](?:亿元|万元|元)[)\]】]/g;
const fillerLine = /(?:填报|填表|制表|报送|编制)?(?:单位|日期|时间):.*$/;
const dateOnly = /^\d{4}[年./-]\d{1,2}(?:[月./-]\d{1,2}日?|月)?$/;

/** A cell that states the unit (`单位：万元`), possibly beside `填报单位：…` or a date, and nothing else. */
function isUnitsCell(text: string): boolean {
  const rest = compact(text)
    .replace(unitStatement, '')
    .replace(fillerLine, '')
    .replace(dateOnly, '')
    .replace(/[,;、，；]/g, '');
  return rest === '';
}

/** A units row: some cell declares a unit and every filled cell is a units statement or filler. */
function isUnitsRow(filled: readonly Filled[]): boolean {
  return (
    filled.some(({ text }) => parseUnitFromText(text) !== null) &&
    filled.every(({ text }) => isUnitsCell(text))
  );
}

/**
 * A header row: cells naming at least 3 different columns, and at least half the filled cells do.
 * Below a header, a row of at least 2 cells that all name columns continues it (the lower row of
 * a two-row header whose merged cells the reader left empty: `计划投资`, `形象进度目标`).
 */
function isHeaderRow(
  cells: readonly (LedgerCell | undefined)[],
  filled: readonly Filled[],
  afterHeader: boolean,
): boolean {
  // Stops at the first cell past which neither rule can hold: a data row decides after half its cells.
  const keys: ColumnKey[] = [];
  let misses = 0;
  for (const { index } of filled) {
    const key = matchColumn(cells[index]);
    if (key === null) {
      misses++;
      if (misses * 2 > filled.length) return false;
    } else keys.push(key);
  }
  if (afterHeader && keys.length >= 2 && misses === 0) return true;
  return new Set(keys).size >= 3 && keys.length * 2 >= filled.length;
}

/** A column-number row under the header (1, 2, 3 … or 甲, 乙, 1, 2 …): part of the header block. */
function isColumnNumberRow(filled: readonly Filled[]): boolean {
  const numbers = filled.filter(({ text }) => !/^[甲乙丙丁]$/.test(text)).map(({ text }) => text);
  return numbers.length >= 3 && numbers.every((text, i) => text === String(i + 1));
}

const note =
  /^(?:(?:注|说明|备注|附注)\d*[:.、]|(?:填报人|填表人|审核人|审核|联系人|联系电话|制表|制表人|制表单位|填报单位|填报日期|填报时间|单位负责人|负责人):)/;
const grandTotal = /^(?:总|全[省市县区州盟旗])?(?:合计|总计)$|^共计$/;
const subtotal = /小计$|^.+(?:合计|总计)$|^其中:/;
const bracketed = /\([^()]*\)/g;

function totalKind(text: string): 'total' | 'subtotal' | null {
  const words = compact(text).replace(bracketed, '').replace(/:$/, '');
  if (grandTotal.test(words)) return 'total';
  if (subtotal.test(words)) return 'subtotal';
  return null;
}

const chineseNumeral = '[一二三四五六七八九十百]+';
const headingMarker = new RegExp(
  `^(?:${chineseNumeral}[、.．]|[（(](?:${chineseNumeral}|\\d{1,2})[)）]|\\d{1,2}[.．、](?!\\d)|[A-Za-z][.．、])\\s*`,
);
const bareNumeral = new RegExp(`^(?:${chineseNumeral}[、.．]?|[（(]${chineseNumeral}[)）])$`);
/** Subtotal figures beside a heading: `24`, `1,250.5`, `24个`, `85%`. */
const figure = /^[-+]?[\d.,]+(?:%|个|项|亿元|万元|元)?$/;

/**
 * A category heading row: the first filled cell is a numbered heading (`一、产业项目（24个）`,
 * `（一）基础设施`, `1. 社会民生类`), or a bare Chinese numeral (`一`, `（二）`) with the heading in the
 * next cell; every other cell is empty, repeats the heading (merged across) or holds a figure.
 */
function isCategoryRow(filled: readonly Filled[]): boolean {
  const [first, second] = filled;
  if (!first) return false;
  const heading =
    headingMarker.test(first.text) && first.text.replace(headingMarker, '') !== '' ? first : null;
  const named = heading ?? (bareNumeral.test(first.text) && second ? second : null);
  if (!named) return false;
  return filled.every(
    ({ index, text }) => index === first.index || text === named.text || figure.test(compact(text)),
  );
}

/**
 * The name of a category heading: the text after its number (`、`, `）` or `.`) and before the
 * first bracket, a trailing count (`24个`) dropped. `一、产业项目（24个）` → `产业项目`,
 * `（一）基础设施` → `基础设施`, `1. 社会民生类` → `社会民生类`. Null when no name is left.
 */
export function categoryName(text: LedgerCell | undefined): string | null {
  const clean = cleanText(text);
  if (clean === null) return null;
  const name = clean
    .replace(headingMarker, '')
    .replace(/[（(].*$/, '')
    .replace(/共?\d+个(?:项目)?$/, '')
    .replace(/[:：\s]+$/, '');
  return name === '' || bareNumeral.test(name) ? null : name;
}

/**
 * Classifies one ledger row. The rules, in the order they are tried:
 *
 * 1. `blank` — every cell is empty (blank-only text counts as empty).
 * 2. `header` — cells naming at least 3 different columns (`matchColumn`), and at least half of
 *    the filled cells name one; anywhere, so a two-row header or a header repeated on each
 *    printed page is a header too. Below the header, 2 or more cells that all name columns are
 *    the lower header row too (`计划投资`, `形象进度目标` under a merged `年度计划`).
 * Above the header (`afterHeader` false):
 * 3. `units` — some cell states the unit (`单位：万元`) and every filled cell is a units statement,
 *    `填报单位：…`, a date or `日期：…` (a line holding both is units).
 * 4. `title` — anything else: the table title, `填报单位：…`, a date line. A unit inside a title
 *    (`…计划表（单位：万元）`) leaves it a title; read the unit with `parseUnitFromText`.
 * Below the header:
 * 5. `header` — a column-number row (`1 2 3 …`, maybe after `甲 乙`), part of the header block.
 * 6. `note` — the first filled cell starts `注：`, `注1.`, `说明：`, `填报人：`, `审核人：`,
 *    `联系人：`, `制表：` or another signature label.
 * 7. `total` / `subtotal` — in the first two filled cells or the name column: `合计`, `总计`,
 *    `总合计`, `共计`, `全市合计` (brackets ignored: `合计（120个）`) are the total; `小计`, `XX小计`,
 *    any other `XX合计` (`蕉城区合计`) and `其中：…` are subtotals.
 * 8. `category` — the first filled cell is a numbered heading (`一、产业项目（24个）`, `（一）基础设施`,
 *    `1. 社会民生类`) or a bare `一`/`（一）` before the heading, and every other cell, the name
 *    column included, is empty, repeats the heading or holds a figure (subtotal amounts).
 * 9. `data` — anything else. A row without a name is data too, so the importer reports it (or
 *    joins it to the row above) instead of dropping what it holds.
 */
export function classifyRow(cells: readonly (LedgerCell | undefined)[], context: RowContext): RowKind {
  const filled: Filled[] = [];
  cells.forEach((cell, index) => {
    const text = cleanText(cell);
    if (text !== null) filled.push({ index, text });
  });
  if (filled.length === 0) return 'blank';
  if (isHeaderRow(cells, filled, context.afterHeader)) return 'header';

  if (!context.afterHeader) return isUnitsRow(filled) ? 'units' : 'title';

  if (isColumnNumberRow(filled)) return 'header';
  const first = filled[0]!;
  if (note.test(compact(first.text))) return 'note';

  const nameIndex = context.columns?.name;
  const nameCell = filled.find(({ index }) => index === nameIndex);
  const candidates = [...filled.slice(0, 2), ...(nameCell ? [nameCell] : [])];
  const kinds = candidates.map(({ text }) => totalKind(text));
  if (kinds.includes('total')) return 'total';
  if (kinds.includes('subtotal')) return 'subtotal';

  if (isCategoryRow(filled)) return 'category';
  return 'data';
}

const countStatement = /(?:共|计)?\s*(\d+)\s*(?:个|项)(?:项目)?/u;

/**
 * The project count a heading, 合计 or 小计 states: `一、新建项目（17个）` → 17, `合计（34个）` → 34,
 * `小计：共5项` → 5, `（二）续建项目 18 个` → 18; null when it states none. Amounts (`1,250.5`) and
 * the heading's own number (`1.`) are not counts.
 */
export function statedCount(text: LedgerCell | undefined): number | null {
  const clean = cleanText(text);
  if (clean === null) return null;
  const found = countStatement.exec(toHalfWidth(clean).replace(headingMarker, ''));
  return found ? Number(found[1]) : null;
}

/**
 * How deep a numbered heading sits, by its marker: `一、` 1, `（一）` 2, `1.` 3, `（1）` 4, `A.` 5; 1
 * for a heading without a marker. A heading closes every open heading at its depth or deeper.
 */
export function headingLevel(text: LedgerCell | undefined): number {
  const clean = toHalfWidth(cleanText(text) ?? '');
  if (new RegExp(`^${chineseNumeral}[、.．]`).test(clean)) return 1;
  if (new RegExp(`^\\(${chineseNumeral}\\)`).test(clean)) return 2;
  if (/^\d{1,2}[.．、](?!\d)/.test(clean)) return 3;
  if (/^\(\d{1,2}\)/.test(clean)) return 4;
  if (/^[A-Za-z][.．、]/.test(clean)) return 5;
  return 1;
}
