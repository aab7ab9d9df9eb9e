import { formatDecimal, parseDecimal } from '@tuijin/domain';

/** A numeric column as a normalised decimal string ("1234.5000" → "1234.5"; null → "0"). */
export const decimal = (value: string | number | null | undefined) =>
  formatDecimal(parseDecimal(typeof value === 'number' ? value : (value ?? '0')));
