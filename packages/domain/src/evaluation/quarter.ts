import { invalid } from '../errors';

/** A calendar quarter as the office names it: `2026Q3`. */
export interface Quarter {
  key: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  startMonth: number;
  endMonth: number;
  /** First and last day of the quarter, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
}

const quarterPattern = /^(\d{4})Q([1-4])$/;
const lastDays = ['03-31', '06-30', '09-30', '12-31'] as const;

/**
 * Reads `2026Q3` (year, Q1–Q4) into its months and dates; anything else is VALIDATION_FAILED naming
 * the field `quarter`.
 */
export function parseQuarter(key: string): Quarter {
  const match = quarterPattern.exec(key);
  const year = Number(match?.[1]);
  if (!match || year < 2000 || year > 2100) {
    const message = `季度格式应为 2026Q3：${key}`;
    throw invalid([{ path: 'quarter', message }], message);
  }
  const quarter = Number(match[2]) as Quarter['quarter'];
  const startMonth = quarter * 3 - 2;
  return {
    key,
    year,
    quarter,
    startMonth,
    endMonth: quarter * 3,
    startDate: `${year}-${String(startMonth).padStart(2, '0')}-01`,
    endDate: `${year}-${lastDays[quarter - 1]}`,
  };
}

/** The quarters of one year up to and including `last` (`2026Q3` → Q1, Q2, Q3). */
export function quartersUpTo(last: string): string[] {
  const q = parseQuarter(last);
  return Array.from({ length: q.quarter }, (_, i) => `${q.year}Q${i + 1}`);
}
