import { toHalfWidth } from './text';

/** The reporting period a progress sheet's title names: months `fromMonth`–`toMonth` of `year`. */
export interface LedgerPeriod {
  /** Null when the title names no year: the user must give it (never assumed). */
  year: number | null;
  fromMonth: number;
  /** The month whose report the sheet's figures are (the last month of the period). */
  toMonth: number;
  /** The words of the title that named the period (`1-7月份`, `前三季度`). */
  text: string;
}

const chineseDigits: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};
const monthWord = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const monthNumber = (word: string) => (/^\d+$/.test(word) ? Number(word) : (chineseDigits[word] ?? NaN));

/** Period shapes, most specific first; each answers [fromMonth, toMonth] from its match. */
const shapes: { pattern: RegExp; months: (m: RegExpExecArray) => [number, number] }[] = [
  {
    pattern: new RegExp(`(?:^|[^\\d])${monthWord}\\s*[-~至到]\\s*${monthWord}\\s*月份?`),
    months: (m) => [monthNumber(m[1]!), monthNumber(m[2]!)],
  },
  { pattern: /上半年/, months: () => [1, 6] },
  { pattern: /下半年/, months: () => [7, 12] },
  { pattern: /前三季度/, months: () => [1, 9] },
  { pattern: /(?:第)?([一二三四1-4])季度/, months: (m) => [1, monthNumber(m[1]!) * 3] },
  {
    pattern: new RegExp(`(?:截至|截止|截止到|至)\\s*${monthWord}\\s*月(?:底|末)?`),
    months: (m) => [1, monthNumber(m[1]!)],
  },
  {
    pattern: new RegExp(`(?:^|[^\\d-])${monthWord}\\s*月份?(?!\\d)`),
    months: (m) => [monthNumber(m[1]!), monthNumber(m[1]!)],
  },
  { pattern: /全年/, months: () => [1, 12] },
];

/**
 * Reads the reporting period from a progress sheet's title (月度进展台账): `2022年1-12月` →
 * 2022, 1–12; `1-7月份` → no year, 1–7; `上半年` → 1–6; `前三季度` → 1–9; `一季度` → 1–3;
 * `截至10月` → 1–10; `11月份` → 11–11; `2025年度…完成情况` → 1–12. Full-width digits and `～`, `至` are read
 * too. The year is the one written before 年 (`2022年`), else null — the caller asks the user for it,
 * never assumes the current one. Null when no period is named (a plan sheet, prose).
 */
export function parseLedgerPeriod(title: string | null | undefined): LedgerPeriod | null {
  if (!title) return null;
  const text = toHalfWidth(title).replace(/\s+/g, '');
  const yearMatch = /((?:19|20)\d{2})年(度)?/.exec(text);
  const rest = yearMatch ? text.replace(yearMatch[0], ' ') : text;
  for (const shape of shapes) {
    const match = shape.pattern.exec(rest);
    if (!match) continue;
    const [fromMonth, toMonth] = shape.months(match);
    if (!(fromMonth >= 1 && toMonth <= 12 && fromMonth <= toMonth)) return null;
    return { year: yearMatch ? Number(yearMatch[1]) : null, fromMonth, toMonth, text: match[0].trim() };
  }
  // `2025年度…完成情况`: a whole year's progress (a plan sheet's `2026年度计划` is no period).
  if (yearMatch?.[2] && /完成|进展|进度/.test(text))
    return { year: Number(yearMatch[1]), fromMonth: 1, toMonth: 12, text: yearMatch[0] };
  return null;
}
