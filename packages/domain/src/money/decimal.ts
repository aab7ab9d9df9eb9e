import { invalid } from '../errors';

/**
 * Decimal places every amount carries internally: an amount in 万元 has at most 4 (0.0001 万元 =
 * 1 元), the precision `packages/contracts` `WanYuan` accepts.
 */
export const decimalPlaces = 4;
const scale = 10n ** BigInt(decimalPlaces);
const decimalText = /^(-?)(\d+)(?:\.(\d{1,4}))?$/;

/**
 * A value the money functions accept: an amount in 万元 as a decimal string ("12345.67", at most
 * 4 decimals, optionally negative), or a count as an integer `number`. A `number` that is not a
 * safe integer is refused: binary floats never touch money.
 */
export type DecimalInput = string | number;

/**
 * One indicator's answer: the two figures behind it (normalised decimal strings, so the UI can show
 * the formula and its numbers) and the percentage rounded half-up to one decimal ("90.6"), or null
 * when the denominator is 0 — never NaN or Infinity.
 */
export interface Ratio {
  numerator: string;
  denominator: string;
  percent: string | null;
}

/**
 * Reads a decimal string or an integer count as an exact BigInt scaled by 10^4 ("12.5" → 125000n).
 * Throws VALIDATION_FAILED for anything else: more than 4 decimals, exponents, thousands separators,
 * blanks, or a non-integer `number`.
 */
export function parseDecimal(value: DecimalInput): bigint {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw invalid([{ path: 'value', message: `计数应为整数：${value}` }], `计数应为整数：${value}`);
    return BigInt(value) * scale;
  }
  const match = decimalText.exec(value);
  if (!match) {
    const message = `无法识别的数值：${value}（应为最多 4 位小数的数字）`;
    throw invalid([{ path: 'value', message }], message);
  }
  const [, sign, whole = '0', fraction = ''] = match;
  const scaled = BigInt(whole) * scale + BigInt(fraction.padEnd(decimalPlaces, '0'));
  return sign === '-' ? -scaled : scaled;
}

/** Writes a value scaled by 10^4 as a normalised decimal string: no trailing zeros, "-0" never. */
export function formatDecimal(scaled: bigint): string {
  const sign = scaled < 0n ? '-' : '';
  const magnitude = scaled < 0n ? -scaled : scaled;
  const whole = (magnitude / scale).toString();
  const fraction = (magnitude % scale).toString().padStart(decimalPlaces, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Exact sum of decimal values ("0.1" ten times → "1"); an empty list sums to "0". */
export function addDecimals(values: readonly DecimalInput[]): string {
  return formatDecimal(values.reduce<bigint>((total, value) => total + parseDecimal(value), 0n));
}

/** Exact sum of one field over a list of records, e.g. `sumDecimals(plans, (p) => p.plannedWanYuan)`. */
export function sumDecimals<T>(items: readonly T[], pick: (item: T) => DecimalInput): string {
  return addDecimals(items.map(pick));
}

/** Exact difference `a − b`; may be negative ("1" − "1.5" → "-0.5"). */
export function subtractDecimal(a: DecimalInput, b: DecimalInput): string {
  return formatDecimal(parseDecimal(a) - parseDecimal(b));
}

/** Compares two decimals exactly: −1 when a < b, 0 when equal ("1.50" and "1.5"), 1 when a > b. */
export function compareDecimals(a: DecimalInput, b: DecimalInput): -1 | 0 | 1 {
  const difference = parseDecimal(a) - parseDecimal(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** n / d rounded half away from zero (half-up on magnitudes, so −0.25 → −0.3 like 0.25 → 0.3). */
function divideRoundingHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const rounded = (2n * an + ad) / (2n * ad);
  return negative ? -rounded : rounded;
}

/** Writes a count of tenths as a one-decimal string: 906n → "90.6", 500n → "50.0", −5n → "-0.5". */
function formatTenths(tenths: bigint): string {
  const sign = tenths < 0n ? '-' : '';
  const magnitude = tenths < 0n ? -tenths : tenths;
  return `${sign}${magnitude / 10n}.${magnitude % 10n}`;
}

/**
 * `numerator / denominator` as a percentage rounded half-up to one decimal place, computed exactly
 * on integers (2/3 → "66.7", 1/8 → "12.5", 5/400 = 1.25% → "1.3"). The percent always carries one
 * decimal ("50.0", "100.0") the way bulletins print rates. A denominator of 0 answers `percent: null`.
 */
export function ratio(numerator: DecimalInput, denominator: DecimalInput): Ratio {
  const n = parseDecimal(numerator);
  const d = parseDecimal(denominator);
  return {
    numerator: formatDecimal(n),
    denominator: formatDecimal(d),
    percent: d === 0n ? null : formatTenths(divideRoundingHalfUp(n * 1000n, d)),
  };
}

/**
 * `numerator / denominator` rounded half-up to one decimal ("38.0", 2/3 → "0.7"), exact on
 * integers; null when the denominator is 0. Used for averages such as days per approval.
 */
export function quotient(numerator: DecimalInput, denominator: DecimalInput): string | null {
  const d = parseDecimal(denominator);
  return d === 0n ? null : formatTenths(divideRoundingHalfUp(parseDecimal(numerator) * 10n, d));
}

/**
 * Difference `a − b` of two percentages, in percentage points, exact and written with one decimal
 * ("64.4" − "41.7" → "22.7"; "40" − "41.7" → "-1.7"). Inputs with more decimals round half-up.
 */
export function percentPoints(a: string, b: string): string {
  return formatTenths(divideRoundingHalfUp(parseDecimal(a) - parseDecimal(b), scale / 10n));
}
