import { cleanText, type LedgerCell, toHalfWidth } from './text';

/** 建设起止年限: first and last year of construction, with months when the ledger gives them. */
export interface YearRange {
  startYear: number;
  startMonth: number | null;
  endYear: number;
  endMonth: number | null;
}

/** A 建设起止年限 cell that holds something, but not a readable range; `problem` says why. */
export interface YearRangeProblem {
  problem: string;
}

/** Years outside this span are typing slips (`202`, `20224`), not construction periods. */
const earliestYear = 1950;
const latestYear = 2100;

const placeholder = /^[-–—―/\\]+$/;
/** One end: `2024`, `2024年`, `2024.3`, `2024-03`, `2024/3`, `2025年7月`, `2026年底`. */
const point = /^(\d{4})(?:(?:年|[./-])(\d{1,2})月?份?)?(?:年度|年底|年末|年初|年|底|末|初)?$/;

const problem = (message: string): YearRangeProblem => ({ problem: message });

function readPoint(text: string): { year: number; month: number | null } | null {
  const match = point.exec(text);
  if (!match) return null;
  return { year: Number(match[1]), month: match[2] === undefined ? null : Number(match[2]) };
}

/**
 * Reads a 建设起止年限 cell. Shapes: one year (`2024`, `2024年`, `2024.3`) means it starts and ends
 * that year; a range joins two ends by any dash or word (`2025.07-2028`, `2025年7月-2027年`,
 * `2015.12—2018.12`, `2024-2026年`, and – — ～ ~ 至 到). A single `-` followed by four digits
 * separates a range; followed by one or two digits it separates year from month (`2024-03`).
 * Months are null when not written; 年初/年底 say nothing about the month and are ignored.
 *
 * Empty cells and `-`, `/` placeholders → null. A problem (with a plain-Chinese message) when the
 * text is not a range, a year is outside 1950–2100, a month is not 1–12, or the end is before the
 * start. A number cell `2024.1` is a problem too: Excel stored it as a number, so `2024.10`
 * (October) and `2024.1` (January) look the same. A date cell gives its year and month (UTC).
 */
export function parseYearRange(value: LedgerCell | undefined): YearRange | YearRangeProblem | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const year = value.getUTCFullYear();
    const month = value.getUTCMonth() + 1;
    return { startYear: year, startMonth: month, endYear: year, endMonth: month };
  }
  const shown = cleanText(value);
  if (shown === null) return null;
  if (typeof value === 'boolean') return problem(`无法识别的建设年限：${shown}`);
  if (typeof value === 'number' && /^\d{4}\.1$/.test(shown))
    return problem(
      `建设年限“${shown}”有歧义（1月还是10月？），请写成“${shown.slice(0, 4)}年1月”或“${shown.slice(0, 4)}年10月”`,
    );

  const compact = toHalfWidth(shown).replace(/\s+/g, '');
  if (placeholder.test(compact)) return null;
  const ranged = compact
    .replace(/[–—―〜~至到]/g, '~')
    .replace(/[~-]*~[~-]*/g, '~')
    .replace(/-{2,}/g, '~')
    .replace(/-(?=\d{4})/g, '~');
  const parts = ranged.split('~');
  const start = parts.length <= 2 ? readPoint(parts[0] ?? '') : null;
  const end = parts.length === 2 ? readPoint(parts[1] ?? '') : start;
  if (!start || !end) return problem(`无法识别的建设年限：${shown}`);

  for (const { year } of [start, end])
    if (year < earliestYear || year > latestYear) return problem(`建设年限中的年份 ${year} 不合理：${shown}`);
  for (const { month } of [start, end])
    if (month !== null && (month < 1 || month > 12))
      return problem(`建设年限中的月份 ${month} 不存在：${shown}`);
  const reversed =
    start.year > end.year ||
    (start.year === end.year && start.month !== null && end.month !== null && start.month > end.month);
  if (reversed) return problem(`建设年限的结束早于开始：${shown}`);

  return { startYear: start.year, startMonth: start.month, endYear: end.year, endMonth: end.month };
}

/** Whether a parsed 建设起止年限 is a problem rather than a range. */
export const isYearRangeProblem = (parsed: YearRange | YearRangeProblem | null): parsed is YearRangeProblem =>
  parsed !== null && 'problem' in parsed;
