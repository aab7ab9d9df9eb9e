import { invalid } from '../errors';
import { addDecimals, type DecimalInput, parseDecimal, quotient } from '../money/decimal';

/** An average duration with the figures behind it: total days, how many, and the average. */
export interface AverageDays {
  totalDays: string;
  count: number;
  /** Mean in days rounded half-up to one decimal ("38.0", "12.3"); null when there are none. */
  average: string | null;
}

/**
 * Average duration in days, e.g. average approval time per procedure (Luohe cut it from 66 to 38
 * days): total ÷ count, exact, rounded half-up to one decimal. Durations are whole-day integers or
 * decimal strings; a negative one is a data error. Source: DOMAIN.md "Plans, monthly reports,
 * indicators" and "Pre-construction approvals" (time per procedure measured).
 */
export function averageDays(durations: readonly DecimalInput[]): AverageDays {
  const problems = durations.flatMap((value, i) =>
    parseDecimal(value) < 0n ? [{ path: `durations.${i}`, message: `天数不能为负数：${value}` }] : [],
  );
  if (problems.length > 0) throw invalid(problems, '天数不能为负数');
  const totalDays = addDecimals(durations);
  return { totalDays, count: durations.length, average: quotient(totalDays, durations.length) };
}
