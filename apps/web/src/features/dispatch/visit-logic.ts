/** Pure helpers of the 一线走访 and 调度频次 pages: the current quarter and month, and their date spans. */

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter (`2026-Q4`) a day (`YYYY-MM-DD`) falls in. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The month (`2026-12`) of a day. */
export const monthOf = (day: string) => day.slice(0, 7);

/** The last day of a month (`2026-02` → `2026-02-28`). */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The first and last day of a month or a quarter, for the visit list's `from` / `to`. */
export function periodSpan(period: string): { from: string; to: string } {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return { from: `${period}-01`, to: lastDayOfMonth(period) };
  const year = quarter[1]!;
  const q = Number(quarter[2]);
  return { from: `${year}-${pad(q * 3 - 2)}-01`, to: lastDayOfMonth(`${year}-${pad(q * 3)}`) };
}

/** The last `count` quarters up to and including the one of `day`, newest first. */
export function recentQuarters(day: string, count: number): string[] {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 4 + q - i;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
}
