import { parseDecimal } from '../money/decimal';

/** Internal scale of decimals (10^4), as in `money/decimal`. */
const scale = 10_000n;
const hundredth = 100n;

/** Rounds a value scaled by 10^4 half away from zero to hundredths (still scaled by 10^4). */
export function roundToHundredths(scaled: bigint): bigint {
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const rounded = ((magnitude * 2n + hundredth) / (2n * hundredth)) * hundredth;
  return negative ? -rounded : rounded;
}

/** Writes points scaled by 10^4 with exactly two decimals ("13.34", "-2.00"). */
export function formatPoints(scaled: bigint): string {
  const hundredths = roundToHundredths(scaled) / hundredth;
  const negative = hundredths < 0n;
  const magnitude = negative ? -hundredths : hundredths;
  return `${negative ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

/** Reads a points or percent text into the 10^4 scale. */
export const scaledOf = (value: string | number) => parseDecimal(value);

/** Integer ceiling of a / b for positive b. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  if (a <= 0n) return -(-a / b);
  return (a + b - 1n) / b;
}

export const pointsScale = scale;
