import { parseDecimal } from '../money/decimal';
import type { ReportAmount } from './year-to-date';
import { completedYearToDate } from './year-to-date';

/** Decimal places of a kept year-to-date rate (`ytd_rate numeric(18, 6)`). */
export const ytdRatePlaces = 6;

/**
 * A project's year as the kept rollup holds it (issue 18): each month's approved 本月完成 (index 0 =
 * January; "0" where no approved report), the running 本年累计完成 to each month, the year's total,
 * the adjusted annual plan and the rate total ÷ plan. Amounts are normalised decimal strings.
 */
export interface ProjectYearFigures {
  approved: string[];
  ytd: string[];
  ytdTotal: string;
  planned: string | null;
  /** ytdTotal ÷ planned, rounded half away from zero to 6 decimals, written with all 6 ("0.125000"); null without a plan above 0. */
  ytdRate: string | null;
}

/**
 * The rule the kept rollup `project_year_figures` follows — its SQL twin is the refresh function of
 * migration 0032, kept by triggers in the transaction of every write to reports and plans: month M's
 * running total is exactly `completedYearToDate` to M (approved reports of the year only).
 */
export function yearFiguresOfProject(
  reports: readonly ReportAmount[],
  year: number,
  planned: string | null,
): ProjectYearFigures {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const ytd = months.map((month) => completedYearToDate(reports, { year, month }));
  const approved = months.map((month) =>
    completedYearToDate(
      reports.filter((r) => r.month === month),
      { year, month },
    ),
  );
  const ytdTotal = ytd[11] ?? '0';
  return { approved, ytd, ytdTotal, planned, ytdRate: planned === null ? null : rateOf(ytdTotal, planned) };
}

/** `total ÷ plan` to 6 decimals, half away from zero, exact on integers; null when the plan is not above 0. */
export function rateOf(total: string, plan: string): string | null {
  const d = parseDecimal(plan);
  if (d <= 0n) return null;
  const n = parseDecimal(total) * 10n ** BigInt(ytdRatePlaces);
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const rounded = (2n * magnitude + d) / (2n * d);
  const text = rounded.toString().padStart(ytdRatePlaces + 1, '0');
  const whole = text.slice(0, -ytdRatePlaces);
  return `${negative && rounded !== 0n ? '-' : ''}${whole}.${text.slice(-ytdRatePlaces)}`;
}
