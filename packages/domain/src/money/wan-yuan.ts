import { toHalfWidth } from '../ledger/text';
import { formatDecimal, parseDecimal } from './decimal';

/** Why a typed amount is not one: left blank, not a decimal with at most 4 places, or below zero. */
export type WanYuanProblem = 'blank' | 'format' | 'negative';

/** A typed amount read: the normalised decimal string, or the problem with it. */
export type WanYuanReading = { ok: true; value: string } | { ok: false; problem: WanYuanProblem };

const amountText = /^-?\d{1,14}(\.\d{1,4})?$/;

/**
 * Reads an amount in 万元 as people type it (form field, CLI argument, JSON number): full-width
 * digits, `．`/`－`, grouping commas and blanks are tolerated; at most 14 integer digits and 4
 * decimals. Answers the normalised decimal ("0012.50" → "12.5", "-0" → "0") or why it is not an
 * amount. Negative amounts are refused unless `allowNegative` (a correction that lowers a month).
 * The one money parser: forms, contracts and CLI read amounts through it.
 */
export function parseWanYuan(
  typed: string | number | null | undefined,
  options: { allowNegative?: boolean } = {},
): WanYuanReading {
  if (typed === null || typed === undefined) return { ok: false, problem: 'blank' };
  const text = typeof typed === 'number' ? String(typed) : toHalfWidth(typed).replace(/[,\s\u00a0]/g, '');
  if (text === '') return { ok: false, problem: 'blank' };
  if (!amountText.test(text)) return { ok: false, problem: 'format' };
  const value = formatDecimal(parseDecimal(text));
  if (value.startsWith('-') && !options.allowNegative) return { ok: false, problem: 'negative' };
  return { ok: true, value };
}
