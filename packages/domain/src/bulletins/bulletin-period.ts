import type { BulletinKind } from './bulletin-template';

/**
 * A bulletin's period: `2026-10` (month), `2026-W45` (ISO week, Monday to Sunday) or `2026-12-04`
 * (day). The investment figures of a weekly or daily bulletin are those of the reporting month current
 * on the period's last day (the server asks the reporting calendar); its activity (problems, tasks,
 * visits, starts) is the period's own.
 */
export interface BulletinPeriod {
  kind: BulletinKind;
  period: string;
  start: string;
  end: string;
  year: number;
  /** How the bulletin writes it: 1—10月, 第45周（11月2日—11月8日）, 12月4日. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The Monday of ISO week 1 of a year (the week holding 4 January). */
function isoWeekOneMonday(year: number): Date {
  const jan4 = utc(year, 1, 4);
  const weekday = (jan4.getUTCDay() + 6) % 7;
  return new Date(jan4.getTime() - weekday * 86_400_000);
}

/** The ISO week of a date: `2026-W49`. */
export function isoWeekOf(date: string): string {
  const d = utc(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - isoWeekOneMonday(year).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${pad(week)}`;
}

/** Parses a period of a kind; null when it is not one (the caller names the field in its error). */
export function parseBulletinPeriod(kind: BulletinKind, period: string): BulletinPeriod | null {
  if (kind === 'monthly') {
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    if (!m) return null;
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const end = iso(utc(year, month + 1, 0));
    return { kind, period, start: `${year}-01-01`, end, year, label: month === 1 ? '1月' : `1—${month}月` };
  }
  if (kind === 'weekly') {
    const m = /^(\d{4})-W(\d{2})$/.exec(period);
    if (!m) return null;
    const year = Number(m[1]);
    const week = Number(m[2]);
    const monday = new Date(isoWeekOneMonday(year).getTime() + (week - 1) * 7 * 86_400_000);
    const start = iso(monday);
    if (week < 1 || isoWeekOf(start) !== period) return null;
    const end = iso(new Date(monday.getTime() + 6 * 86_400_000));
    return { kind, period, start, end, year, label: `第${week}周（${monthDay(start)}—${monthDay(end)}）` };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (!m) return null;
  const date = utc(Number(m[1]), Number(m[2]), Number(m[3]));
  if (iso(date) !== period) return null;
  return { kind, period, start: period, end: period, year: Number(m[1]), label: `${monthDay(period)}` };
}

/** The period a new bulletin of a kind defaults to on a day: last month, last week, or yesterday. */
export function defaultBulletinPeriod(kind: BulletinKind, today: string): string {
  const d = utc(Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10)));
  if (kind === 'monthly') {
    const last = utc(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}`;
  }
  if (kind === 'weekly') return isoWeekOf(iso(new Date(d.getTime() - 7 * 86_400_000)));
  return iso(new Date(d.getTime() - 86_400_000));
}
