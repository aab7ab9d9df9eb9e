/**
 * THE amount formatter of the web app. Amounts travel as exact decimal strings in 万元; this
 * reshapes the string (grouping, moving the decimal point with bigint) so no binary float touches
 * money. Offices read city and province figures in 亿元 (cards, chart axes) and ledgers and project
 * tables in 万元; each column keeps a fixed number of decimals, so figures line up.
 */

/** The units amounts are shown in: 万元 (ledgers, project tables) and 亿元 (city/province summaries). */
export type AmountUnit = 'wanYuan' | 'yiYuan';

/** Decimal places each unit shows unless a column says otherwise: 亿元 two (39.63), 万元 two. */
export const defaultDecimals: Record<AmountUnit, number> = { wanYuan: 2, yiYuan: 2 };

/** Powers of ten from 万元 to the unit. */
const shifts: Record<AmountUnit, number> = { wanYuan: 0, yiYuan: 4 };

/** "1234567.5" → "1,234,567.5" (the fraction is left as it is). */
export function groupDigits(amount: string): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${fraction ? `${grouped}.${fraction}` : grouped}`;
}

/**
 * A decimal string divided by 10^`shift`, rounded half away from zero to `decimals` places and
 * grouped: roundDecimal("1234567.5", 4, 2) → "123.46" (万元 → 亿元); shift 0 only rounds.
 */
export function roundDecimal(amount: string, shift: number, decimals: number): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const scaled = BigInt(`${whole}${fraction}` || '0');
  const drop = fraction.length + shift - decimals;
  let rounded: bigint;
  if (drop <= 0) {
    rounded = scaled * 10n ** BigInt(-drop);
  } else {
    const divisor = 10n ** BigInt(drop);
    rounded = (scaled + divisor / 2n) / divisor;
  }
  const digits = rounded.toString().padStart(decimals + 1, '0');
  const integerPart = digits.slice(0, digits.length - decimals);
  const grouped = groupDigits(
    decimals > 0 ? `${integerPart}.${digits.slice(digits.length - decimals)}` : integerPart,
  );
  return negative && rounded !== 0n ? `-${grouped}` : grouped;
}

export interface AmountFormat {
  unit: AmountUnit;
  /** Fixed decimal places of the column (default: the unit's). */
  decimals?: number;
  /** The unit's name to append ("亿元"); omitted where the column header names the unit. */
  suffix?: string;
  /** What a missing amount shows (blank is not 0). */
  empty?: string;
}

/**
 * An amount in 万元 (exact decimal string) as the office reads it: converted to the unit, rounded
 * half away from zero to the column's fixed decimals, grouped by thousands, with the unit's name
 * when given: formatAmount("396300", { unit: 'yiYuan', suffix: '亿元' }) → "39.63 亿元".
 */
export function formatAmount(wanYuan: string | null | undefined, format: AmountFormat): string {
  if (wanYuan === null || wanYuan === undefined || wanYuan.trim() === '') return format.empty ?? '—';
  const digits = roundDecimal(
    wanYuan.trim(),
    shifts[format.unit],
    format.decimals ?? defaultDecimals[format.unit],
  );
  return format.suffix ? `${digits} ${format.suffix}` : digits;
}

/** Decimal places of a 万元 table column (ledgers, project, plan and report tables): what offices read. */
export const tableDecimals = 2;

/**
 * One cell of a 万元 table column: `formatAmount` with the column's fixed decimals (default 2), so
 * the figures of a column line up when right-aligned (`amountColumn`). Forms keep amounts as typed.
 */
export function formatTableAmount(
  wanYuan: string | null | undefined,
  options: { decimals?: number; empty?: string } = {},
): string {
  return formatAmount(wanYuan, {
    unit: 'wanYuan',
    decimals: options.decimals ?? tableDecimals,
    empty: options.empty,
  });
}

/** The column props every amount column shares: right-aligned, tabular figures, never wrapped. */
export const amountColumn = { align: 'right', className: 'tj-amount-cell' } as const;

/**
 * An amount in 万元 as a chart value in the unit (charts draw, they do not sum; the exact figure
 * stays in the popovers): rounded by the same rule, then read as a number.
 */
export function chartAmount(wanYuan: string | null, unit: AmountUnit, decimals = 4): number | null {
  if (wanYuan === null) return null;
  return Number(roundDecimal(wanYuan, shifts[unit], decimals).replaceAll(',', ''));
}

/**
 * The unit a region's summary figures are read in: 亿元 for a province or a city (their offices
 * publish 亿元), 万元 for a county or a zone (closer to the ledger).
 */
export function summaryUnit(regionLevel: string | undefined): AmountUnit {
  return regionLevel === 'province' || regionLevel === 'city' ? 'yiYuan' : 'wanYuan';
}
