import { addDecimals } from '../money/decimal';

/**
 * Text that a spreadsheet would read as a formula or a command: it begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return (OWASP "CSV injection"). Such text gets a leading apostrophe `'` kept
 * as part of the text: unlike Excel's hidden quote-prefix style, a literal apostrophe survives the
 * reader re-saving the sheet as CSV, so the text can never turn into a formula later. Other text
 * is returned unchanged.
 */
export function neutraliseCellText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * Whether a spreadsheet would read this text as a formula or a command: it begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return. Such text is never taken as a name from an imported sheet.
 */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A count written the way a ledger numbers its categories: 1 → 一, 10 → 十, 12 → 十二,
 * 20 → 二十, 35 → 三十五, 99 → 九十九. Whole numbers 1–99 (a ledger never has more categories).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} is not 1–99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${digits[tens]}十`;
  return `${tensText}${ones === 0 ? '' : digits[ones]}`;
}

/** A category row's text: `一、现代产业（24个）` — numbered in Chinese, with its project count. */
export function categoryHeading(position: number, name: string, count: number): string {
  return `${chineseNumeral(position)}、${name}（${count}个）`;
}

/** A project name as ledgers print it: `★` in front of a provincial key project (省重点). */
export function markedProjectName(name: string, levels: readonly string[]): string {
  return levels.includes('provincial') ? `★${name}` : name;
}

/**
 * 建设起止年限 as offices write it: `2026` when it starts and ends the same year without months,
 * else `start-end` where an end with a known month is `2025.07`. The importer reads every form back.
 */
export function constructionPeriodText(p: {
  startYear: number;
  startMonth: number | null;
  endYear: number;
  endMonth: number | null;
}): string {
  const end = (year: number, month: number | null) =>
    month === null ? `${year}` : `${year}.${String(month).padStart(2, '0')}`;
  if (p.startYear === p.endYear && p.startMonth === null && p.endMonth === null) return `${p.startYear}`;
  return `${end(p.startYear, p.startMonth)}-${end(p.endYear, p.endMonth)}`;
}

/**
 * The title of a monthly ledger: `2026年宁德市蕉城区重点项目建设情况表（截至10月）`. The region
 * name is the full name of the region the ledger covers (its parents' names included by the caller).
 */
export function monthlyLedgerTitle(year: number, regionName: string, month: number): string {
  return `${year}年${regionName}重点项目建设情况表（截至${month}月）`;
}

/** A group of ledger rows under one category heading, in the order they are printed. */
export interface LedgerCategory<T> {
  name: string;
  items: T[];
}

/**
 * Groups items into categories in a fixed order: first the categories named in `order` (e.g. the
 * domain dictionary's order), then any others by name (Chinese collation), each keeping the items'
 * own order. Empty categories are left out.
 */
export function groupIntoCategories<T>(
  items: readonly T[],
  categoryOf: (item: T) => string,
  order: readonly string[] = [],
): LedgerCategory<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = categoryOf(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  const rank = (name: string) => {
    const index = order.indexOf(name);
    return index < 0 ? order.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'))
    .map(([name, grouped]) => ({ name, items: grouped }));
}

/** Where each row of a ledger body goes, 1-based like Excel, with what it holds. */
export type LedgerBodyRow<T> =
  | { kind: 'total'; row: number; subtotalRows: number[]; count: number }
  | { kind: 'category'; row: number; heading: string; count: number }
  | { kind: 'item'; row: number; seq: number; item: T }
  | { kind: 'subtotal'; row: number; firstItemRow: number; lastItemRow: number; count: number };

/**
 * Lays out a ledger body starting at `firstRow`: a 合计 row on top (as offices print it, so the
 * total is seen first), then per category its heading (`一、…（n个）`), its items numbered 1… (序号
 * restarts per category) and a 小计 row. The 合计 sums the 小计 rows, each 小计 its items' rows.
 */
export function layoutLedgerBody<T>(
  categories: readonly LedgerCategory<T>[],
  firstRow: number,
): LedgerBodyRow<T>[] {
  const rows: LedgerBodyRow<T>[] = [];
  const total: LedgerBodyRow<T> & { kind: 'total' } = {
    kind: 'total',
    row: firstRow,
    subtotalRows: [],
    count: categories.reduce((n, c) => n + c.items.length, 0),
  };
  rows.push(total);
  let next = firstRow + 1;
  categories.forEach((category, index) => {
    rows.push({
      kind: 'category',
      row: next++,
      heading: categoryHeading(index + 1, category.name, category.items.length),
      count: category.items.length,
    });
    const firstItemRow = next;
    category.items.forEach((item, i) => {
      rows.push({ kind: 'item', row: next++, seq: i + 1, item });
    });
    const subtotal = next++;
    rows.push({
      kind: 'subtotal',
      row: subtotal,
      firstItemRow,
      lastItemRow: subtotal - 1,
      count: category.items.length,
    });
    total.subtotalRows.push(subtotal);
  });
  return rows;
}

/**
 * The SUM formula of a 小计 or 合计 cell in column `letter`: a range for a 小计 (`SUM(H8:H31)`),
 * the listed 小计 cells for the 合计 (`SUM(H32,H40)`); `0` when there is nothing to add.
 */
export function sumFormula(letter: string, rows: { from: number; to: number } | readonly number[]): string {
  if ('from' in rows) return rows.to < rows.from ? '0' : `SUM(${letter}${rows.from}:${letter}${rows.to})`;
  return rows.length === 0 ? '0' : `SUM(${rows.map((r) => `${letter}${r}`).join(',')})`;
}

/**
 * The value a SUM over amounts caches, computed exactly: blanks (null) are skipped as Excel's SUM
 * skips empty cells, so a column of blanks sums to "0".
 */
export function sumOfAmounts(values: readonly (string | null)[]): string {
  return addDecimals(values.filter((v): v is string => v !== null));
}
