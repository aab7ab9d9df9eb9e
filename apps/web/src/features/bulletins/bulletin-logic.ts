import type { BulletinFigure, BulletinKind } from '@tuijin/contracts';
import { isoWeekOf, parseBulletinPeriod } from '@tuijin/domain';

/** The first day a period's picker shows (a month's 1st, an ISO week's Monday, the day itself). */
export function periodPickerDate(kind: BulletinKind, period: string): string | null {
  if (kind === 'monthly') return /^\d{4}-\d{2}$/.test(period) ? `${period}-01` : null;
  return parseBulletinPeriod(kind, period)?.start ?? null;
}

/** The period a picked day stands for: its month `2026-10`, its ISO week `2026-W45`, or the day. */
export function periodOfPickedDate(kind: BulletinKind, date: string): string {
  if (kind === 'monthly') return date.slice(0, 7);
  if (kind === 'weekly') return isoWeekOf(date);
  return date;
}

/**
 * The i18n key of a figure's formula: a full key as given (`cockpit.formula.startRate`), else the
 * cockpit's formula of that name when one exists, else the bulletin's own (`bulletins.formula.rank`).
 */
export function formulaKey(formula: string, exists: (key: string) => boolean): string {
  if (formula.includes('.')) return formula;
  const cockpit = `cockpit.formula.${formula}`;
  return exists(cockpit) ? cockpit : `bulletins.formula.${formula}`;
}

const signed = (figure: string) => (/^[-+]/.test(figure) ? figure : figure === '0' ? figure : `+${figure}`);

/**
 * 同比 as the bulletin writes it. The snapshot usually carries it written out (+6.8%, +3.4 个百分点,
 * +17), shown as it is; a bare number is written out here: an amount changes by a percentage, a rate
 * by percentage points, a count by itself. Null when last year has no data.
 */
export function yearOnYearText(
  figure: Pick<BulletinFigure, 'unit' | 'yearOnYear'>,
  points: string,
): string | null {
  if (figure.yearOnYear === null) return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(figure.yearOnYear)) return figure.yearOnYear;
  const change = signed(figure.yearOnYear);
  if (figure.unit === '%' || figure.unit === '百分点') return `${change} ${points}`;
  return figure.unit === '万元' ? `${change}%` : change;
}

/** Groups the digits of a plain decimal ("2802430.55" → "2,802,430.55"); other text unchanged. */
export function groupFigure(figure: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(figure);
  if (!m) return figure;
  return `${m[1]}${(m[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** A figure with its unit: 1,234.5 万元, 45.2%, 12 个. */
export function figureText(value: string | null, unit: string | null): string {
  if (value === null) return '—';
  if (unit === null) return groupFigure(value);
  return unit === '%' ? `${groupFigure(value)}%` : `${groupFigure(value)} ${unit}`;
}

/**
 * A server field path (`template.sections.2.lead`, `sections.2.lead`, `title`) as the template form's
 * field name (`['sections', 2, 'lead']`).
 */
export function templateFieldName(path: string): (string | number)[] {
  const parts = path.split('.').filter((part) => part !== '');
  const inner = parts[0] === 'template' ? parts.slice(1) : parts;
  return inner.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Inserts text at a caret (or replaces the selection), returning the new text and caret. */
export function insertAt(
  text: string,
  start: number,
  end: number,
  insert: string,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}

/** The first characters of a SHA-256, as a receipt shows it. */
export const shortHash = (sha256: string) => sha256.slice(0, 12);
